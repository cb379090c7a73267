#!/usr/bin/python3
"""Startup benchmark: time from exec until the main window is mapped, and peak RSS.

Compares Untrain against a minimal libadwaita window (bench/minimal-window.c, compiled here)
in interleaved runs on the same X server, with GSK_RENDERER=cairo and GDK_BACKEND=x11.
Target: Untrain at most 1.15 times the minimal window in both. It prints figures and asserts
nothing: it exits 0 whatever the figures, and 1 only when something could not run at all.

Run it from a clone of the repository, headless (add --platforms 1000 for a build whose catalog
is 1,000 synthetic platforms):

    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- python3 bench/startup.py

It needs python3-xlib (Debian package python3-xlib). There must be no window manager: the map
is seen as a MapNotify of a top-level window on the root window.
"""

import argparse
import json
import os
import select
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

_REEXEC = "UNTRAIN_BENCH_REEXEC"
try:
    from Xlib import X, Xatom, display as xdisplay, error as xerror
except ImportError:
    # A python3 from pyenv or a venv does not see Debian's python3-xlib: try the system one.
    system_python = "/usr/bin/python3"
    if (os.path.exists(system_python) and not os.environ.get(_REEXEC)
            and os.path.realpath(sys.executable) != os.path.realpath(system_python)):
        os.environ[_REEXEC] = "1"
        os.execv(system_python, [system_python, os.path.abspath(__file__)] + sys.argv[1:])
    sys.stderr.write("startup.py: python3-xlib is missing; install it with "
                     "'sudo apt-get install python3-xlib'\n")
    sys.exit(1)
os.environ.pop(_REEXEC, None)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = 1.15
SEEDED_PLATFORMS = ["linkedin", "meta", "x", "reddit", "chatgpt", "claude", "google-gemini",
                    "tumblr", "medium", "slack"]


def progress_json(platforms):
    return ('{"format": 1, "profiles": [{"id": "me", "name": "Me", "region": "EU", '
            '"region_confirmed": true, "platforms": [%s], "records": []}]}\n'
            % ", ".join('"%s"' % p for p in platforms))

# name -> label in the report
SCENARIOS = {
    "untrain": "untrain",
    "minimal": "minimal",
    "first": "untrain first start",
}


# The title each program's main window must have; another one means something else was mapped
# (an error window, or a window whose template failed to load).
EXPECTED_TITLES = {"untrain": "Untrain", "minimal": "Minimal", "first": "Untrain"}


class CannotRun(Exception):
    """Something the whole benchmark needs is missing."""


class RunFailed(Exception):
    """One run did not produce figures."""


def say(text=""):
    print(text, flush=True)


def warn(text):
    sys.stderr.write("startup.py: %s\n" % text)
    sys.stderr.flush()


# --- preparing the two programs -------------------------------------------------------------

def compile_minimal(workdir):
    source = os.path.join(REPO, "bench", "minimal-window.c")
    output = os.path.join(workdir, "minimal-window")
    cc = os.environ.get("CC", "cc")
    try:
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libadwaita-1"],
                               check=True, capture_output=True, text=True, timeout=60).stdout
    except FileNotFoundError:
        raise CannotRun("pkg-config is not installed (apt-get install pkg-config libadwaita-1-dev)")
    except subprocess.CalledProcessError as e:
        raise CannotRun("pkg-config cannot find libadwaita-1 (apt-get install libadwaita-1-dev): %s"
                        % e.stderr.strip())
    command = shlex.split(cc) + ["-O2", "-o", output, source] + shlex.split(flags)
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except FileNotFoundError:
        raise CannotRun("no C compiler '%s' (apt-get install gcc libc6-dev)" % cc)
    if result.returncode != 0:
        raise CannotRun("compiling bench/minimal-window.c failed:\n%s\n%s"
                        % (" ".join(shlex.quote(c) for c in command), result.stderr.strip()))
    return output


def build_untrain(builddir, default_builddir, build, platforms):
    binary = os.path.join(builddir, "src", "untrain")
    if build:
        if os.path.exists(os.path.join(builddir, "build.ninja")):
            command = ["ninja", "-C", builddir]
        elif default_builddir and not platforms:
            command = [os.path.join(REPO, "build-aux", "build")]
        else:
            command = None
            setup = ["meson", "setup", builddir, REPO]
            if platforms:
                # A benchmark build: the development app id, no tests (they expect the real
                # records), and the synthetic catalog in place of the real one.
                setup += ["-Ddevelopment=true", "-Dtests=false", "-Dsynthetic_platforms=%d" % platforms]
            say("$ " + " ".join(setup))
            if subprocess.run(setup, stdout=sys.stderr).returncode == 0:
                command = ["ninja", "-C", builddir]
        if command is not None:
            say("$ " + " ".join(command))
            # The build's output goes to stderr so that stdout holds only the figures.
            ok = subprocess.run(command, stdout=sys.stderr).returncode == 0
        else:
            ok = False
        if not ok:
            if os.path.exists(binary):
                warn("the build failed; measuring the binary already in %s, which may be stale"
                     % builddir)
            else:
                raise CannotRun("Untrain does not build in %s and there is no %s; fix the build "
                                "or pass --builddir DIR of a tree that builds" % (builddir, binary))
    if not os.access(binary, os.X_OK):
        raise CannotRun("%s does not exist or is not executable (build it with build-aux/build, "
                        "or drop --no-build)" % binary)
    schemas = os.path.join(builddir, "data", "gschemas.compiled")
    if not os.path.exists(schemas):
        raise CannotRun("%s is missing: Untrain needs its compiled GSettings schema" % schemas)
    return binary


def check_seeded_platforms(builddir, platforms):
    """Says when the built catalog does not know the platforms the progress file names."""
    path = os.path.join(builddir, "data", "catalog", *(["synthetic"] if platforms else []), "catalog.json")
    try:
        with open(path, encoding="utf-8") as f:
            known = {p.get("id") for p in json.load(f).get("platforms", [])}
    except (OSError, ValueError, AttributeError):
        return
    missing = [p for p in SEEDED_PLATFORMS if p not in known]
    if missing:
        warn("the catalog in %s knows %d of the %d seeded platforms (not: %s); the main list "
             "shows only the ones it knows" % (builddir, len(SEEDED_PLATFORMS) - len(missing),
                                                len(SEEDED_PLATFORMS), ", ".join(missing)))


# --- one run ---------------------------------------------------------------------------------

def make_home(root, seeded):
    """A fresh HOME and XDG directories; with seeded, a progress file that skips onboarding."""
    base = tempfile.mkdtemp(prefix="run-", dir=root)
    dirs = {
        "HOME": os.path.join(base, "home"),
        "XDG_DATA_HOME": os.path.join(base, "data"),
        "XDG_CONFIG_HOME": os.path.join(base, "config"),
        "XDG_CACHE_HOME": os.path.join(base, "cache"),
    }
    for path in dirs.values():
        os.makedirs(path)
    if seeded:
        os.makedirs(os.path.join(dirs["XDG_DATA_HOME"], "untrain"))
        with open(os.path.join(dirs["XDG_DATA_HOME"], "untrain", "progress.json"), "w",
                  encoding="utf-8") as f:
            f.write(progress_json(SEEDED_PLATFORMS))
    return base, dirs


def drain(dpy):
    dpy.sync()
    while dpy.pending_events():
        dpy.next_event()


def window_pid_title_size(dpy, window):
    pid = title = size = None
    try:
        geometry = window.get_geometry()
        size = "%dx%d" % (geometry.width, geometry.height)
        prop = window.get_full_property(dpy.intern_atom("_NET_WM_PID"), Xatom.CARDINAL)
        if prop is not None and len(prop.value):
            pid = int(prop.value[0])
        prop = window.get_full_property(dpy.intern_atom("_NET_WM_NAME"),
                                        dpy.intern_atom("UTF8_STRING"))
        if prop is not None:
            value = prop.value
            title = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    except xerror.XError:
        pass
    return pid, title, size


def peak_rss_kib(pid):
    try:
        with open("/proc/%d/status" % pid, encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def stop(proc, timeout):
    """SIGTERM, wait, SIGKILL if needed; then make sure nothing of its process group is left."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=min(timeout, 5))
        except subprocess.TimeoutExpired:
            proc.kill()
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                raise CannotRun("process %d does not die even with SIGKILL" % proc.pid)
    try:
        # start_new_session made the child a group leader; anything it started is in its group.
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def wait_for_map(dpy, root, proc, deadline):
    """Reads X events until a top-level window of proc is mapped; returns (time, title, size)."""
    fd = dpy.fileno()
    while True:
        while dpy.pending_events():
            event = dpy.next_event()
            if event.type != X.MapNotify or event.event != root or event.override:
                continue
            now = time.monotonic()
            pid, title, size = window_pid_title_size(dpy, event.window)
            if pid is None or pid == proc.pid:
                return now, title, size
        code = proc.poll()
        if code is not None:
            raise RunFailed("exited with status %d before mapping a window" % code)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise RunFailed("no window was mapped within the timeout")
        select.select([fd], [], [], min(remaining, 0.05))


def run_once(dpy, root, argv, env, home_root, seeded, timeout):
    base, dirs = make_home(home_root, seeded)
    run_env = dict(env, **dirs)
    stderr_path = os.path.join(base, "stderr")
    proc = None
    try:
        drain(dpy)  # nothing left over from the run before
        with open(stderr_path, "wb") as stderr:
            start = time.monotonic()
            proc = subprocess.Popen(argv, env=run_env, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=stderr,
                                    start_new_session=True)
        try:
            mapped, title, size = wait_for_map(dpy, root, proc, start + timeout)
            rss = peak_rss_kib(proc.pid)
        except RunFailed as e:
            tail = read_stderr(stderr_path).strip().splitlines()[-5:]
            raise RunFailed(str(e) + "".join("\n      " + line for line in tail))
        if rss is None:
            raise RunFailed("could not read VmHWM from /proc/%d/status" % proc.pid)
        stop(proc, timeout)
        return (mapped - start) * 1000.0, rss / 1024.0, title, size, stderr_note(stderr_path)
    finally:
        if proc is not None:
            stop(proc, timeout)
        shutil.rmtree(base, ignore_errors=True)


def read_stderr(path):
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", "replace")
    except OSError:
        return ""


def stderr_note(path):
    """Counts GLib criticals and warnings: a program that prints them may not be showing what it
    should, and its figures mean little."""
    text = read_stderr(path)
    counts = [(text.count("-CRITICAL **"), "critical"), (text.count("-WARNING **"), "warning")]
    parts = ["%d %s%s" % (n, word, "s" if n > 1 else "") for n, word in counts if n]
    return "stderr: " + ", ".join(parts) if parts else ""


# --- report ----------------------------------------------------------------------------------

def summary_line(what, unit, digits, results, name, suspect):
    a = [r[0] for r in results[name]]
    b = [r[0] for r in results["minimal"]]
    if not a or not b:
        return "%s: not enough runs to compare" % what
    ma, mb = statistics.median(a), statistics.median(b)
    ratio = ma / mb if mb else float("nan")
    verdict = "within target" if ratio <= TARGET else "over target"
    if suspect:
        verdict = "not comparable: its main window did not show, see above"
    return ("%s: %s median %.*f %s (mean %.*f), minimal median %.*f %s (mean %.*f), "
            "ratio %.2f (target ≤ %.2f, %s)"
            % (what, SCENARIOS[name], digits, ma, unit, digits, statistics.mean(a),
               digits, mb, unit, digits, statistics.mean(b), ratio, TARGET, verdict))


def report(results, odd_titles):
    times = {k: [(t,) for t, _ in v] for k, v in results.items()}
    rss = {k: [(r,) for _, r in v] for k, v in results.items()}
    say()
    for name in ("untrain", "first"):
        suspect = name in odd_titles
        say(summary_line("time to map", "ms", 0, times, name, suspect))
        say(summary_line("peak RSS", "MiB", 1, rss, name, suspect))
    say("(ratios are of medians; \"untrain\" opens the main list of a set-up profile, "
        "\"untrain first start\" opens onboarding with empty directories)")


# --- main ------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(
        description="Time to map and peak RSS of Untrain against a minimal libadwaita window.",
        epilog='Run headless: xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- '
               "python3 bench/startup.py")
    parser.add_argument("--runs", type=int, default=10, metavar="N",
                        help="measured runs of each program (default 10)")
    parser.add_argument("--warmup", type=int, default=1, metavar="N",
                        help="uncounted runs of each program first (default 1)")
    parser.add_argument("--builddir", default=os.path.join(REPO, "build"),
                        help="Untrain's build directory (default: build in the repository)")
    parser.add_argument("--no-build", action="store_true",
                        help="measure the binary in the build directory without running ninja")
    parser.add_argument("--platforms", type=int, default=0, metavar="N",
                        help="measure a build whose catalog is N synthetic platforms made from the real "
                             "records (configured in build-synthetic-N unless --builddir is given)")
    parser.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS",
                        help="longest wait for a window, or for a process to exit (default 20)")
    args = parser.parse_args()
    if args.runs < 1 or args.warmup < 0 or args.timeout <= 0:
        parser.error("--runs must be at least 1, --warmup at least 0, --timeout positive")

    if args.platforms < 0:
        parser.error("--platforms must be 0 (the real catalog) or more")
    if args.platforms and args.builddir == os.path.join(REPO, "build"):
        args.builddir = os.path.join(REPO, "build-synthetic-%d" % args.platforms)
    builddir = os.path.abspath(args.builddir)
    default_builddir = builddir == os.path.join(REPO, "build")
    if args.platforms:
        # Copy k of a record is "<id>-k": the first copies of the seeded platforms.
        SEEDED_PLATFORMS[:] = [p + "-1" for p in SEEDED_PLATFORMS]

    if not os.environ.get("DISPLAY"):
        raise CannotRun('DISPLAY is not set; run it under xvfb-run -a -s "-screen 0 1280x800x24" '
                        "dbus-run-session -- python3 bench/startup.py")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        warn("no D-Bus session bus; run it inside dbus-run-session so that both programs "
             "register on a private bus")
    try:
        dpy = xdisplay.Display()
    except Exception as e:  # python-xlib raises several kinds for a display it cannot open
        raise CannotRun("cannot open the X display %s: %s" % (os.environ.get("DISPLAY"), e))
    root = dpy.screen().root
    # Selected before anything is spawned, so that no MapNotify can be missed.
    root.change_attributes(event_mask=X.SubstructureNotifyMask)
    dpy.sync()

    home_root = tempfile.mkdtemp(prefix="untrain-startup-")
    try:
        minimal = compile_minimal(home_root)
        untrain = build_untrain(builddir, default_builddir, not args.no_build, args.platforms)
        check_seeded_platforms(builddir, args.platforms)

        env = dict(os.environ)
        env.update({
            "GSK_RENDERER": "cairo",
            "GDK_BACKEND": "x11",
            "GSETTINGS_SCHEMA_DIR": os.path.join(builddir, "data"),
            "GSETTINGS_BACKEND": "memory",
            "LC_ALL": "C.UTF-8",  # the same strings, and titles to check, wherever it runs
        })
        env.pop("LANGUAGE", None)
        programs = {
            "untrain": ([untrain], True),
            "minimal": ([minimal], False),
            "first": ([untrain], False),
        }
        order = ["untrain", "minimal", "first"]

        say("Untrain:  %s (%s)" % (untrain, "%d synthetic platforms" % args.platforms
                                    if args.platforms else "the real catalog"))
        say("minimal:  bench/minimal-window.c, compiled with cc $(pkg-config --cflags --libs "
            "libadwaita-1)")
        screen = dpy.screen()
        say("X server: DISPLAY=%s, %dx%dx%d; GSK_RENDERER=cairo GDK_BACKEND=x11 LC_ALL=C.UTF-8"
            % (os.environ["DISPLAY"], screen.width_in_pixels, screen.height_in_pixels,
               screen.root_depth))
        say("runs:     %d of each, interleaved, after %d uncounted warm-up run(s) of each"
            % (args.runs, args.warmup))
        say()
        say("%-9s %-20s %9s %10s  %s" % ("run", "program", "to map", "peak RSS", "window"))

        results = {name: [] for name in order}
        failures = {name: 0 for name in order}
        odd_titles = set()
        total = args.warmup + args.runs
        for i in range(total):
            warm = i < args.warmup
            label = "warm-up" if warm else "%d/%d" % (i - args.warmup + 1, args.runs)
            for name in order:
                argv, seeded = programs[name]
                try:
                    ms, mib, title, size, note = run_once(dpy, root, argv, env, home_root,
                                                          seeded, args.timeout)
                except RunFailed as e:
                    say("%-9s %-20s failed: %s" % (label, SCENARIOS[name], e))
                    if not warm:
                        failures[name] += 1
                    continue
                notes = [n for n in (note, "not counted" if warm else "") if n]
                say("%-9s %-20s %6.0f ms %6.1f MiB  %s %s%s"
                    % (label, SCENARIOS[name], ms, mib, '"%s"' % title if title else "?",
                       size or "?", "  (%s)" % "; ".join(notes) if notes else ""))
                expected = EXPECTED_TITLES[name]
                if title != expected and name not in odd_titles:
                    odd_titles.add(name)
                    warn('%s mapped a window titled "%s", not "%s": the figures may not be of '
                         "its main window" % (SCENARIOS[name], title, expected))
                if not warm:
                    results[name].append((ms, mib))

        for name in order:
            if failures[name]:
                warn("%d of %d runs of %s failed" % (failures[name], args.runs, SCENARIOS[name]))
        if not results["minimal"]:
            raise CannotRun("the minimal window never mapped (see the failures above)")
        if not (results["untrain"] or results["first"]):
            raise CannotRun("Untrain never mapped a window (see the failures above)")
        report(results, odd_titles)
    finally:
        shutil.rmtree(home_root, ignore_errors=True)
        dpy.close()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except CannotRun as e:
        warn(str(e))
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
