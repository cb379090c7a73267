#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Untrain developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Kills `untrain --mark` with SIGKILL at random moments and checks what it leaves on disk.

A loop of --mark commands, each killed after a random delay, some before they start saving, some
while they save, some after they exit. After every kill, progress.json and progress.json.bak must
parse and hold a state the writes can explain:

- "completed" is the last --mark that exited 0 before its kill; progress.json holds the state that
  write made or, if the killed write may have got as far as its rename, the state of that one;
- the backup holds a state at most one write older than the last completed write, and none
  newer than progress.json. (A kill between the file's rename and the backup's may leave the
  backup two writes behind the file for a while; the test counts how often, and allows it.)

A killed --mark is run again until one exits 0, so that the expected state never depends on
whether a killed write got through. Each write changes one record's state to one it did not have,
so consecutive states always differ. The random delays only choose when to kill; nothing waits
for a race to settle.

Afterwards one successful `untrain --status` must leave no progress.json.XXXXXX temporary files,
which killed atomic writes leave behind. Prints TAP.
"""

import glob
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

SRCDIR = os.environ.get("G_TEST_SRCDIR", os.path.dirname(os.path.abspath(__file__)))
CATALOG = os.path.join(SRCDIR, os.pardir, "data", "catalog", "platforms")
BINARY = os.environ["UNTRAIN_BINARY"]

# Bounds on the loop: a few hundred kills, well inside a minute on two cores.
MAX_KILLS = 600
MAX_SECONDS = 40.0
# The loop stops once this many kills have interrupted a --mark: enough to hit every part of a
# save many times.
WANTED_INTERRUPTIONS = 200
PROFILE = "Crash"
PROFILE_ID = "crash"
STATES = ["todo", "done", "skipped", "not-applicable"]
TEMPORARY = re.compile(r"^progress\.json\.[^.]{6}$")

results = []


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def check(description, function):
    """Runs one check; an exception or a failed expectation makes it "not ok" with the reason."""
    try:
        function()
    except Exception as error:  # noqa: BLE001  (any failure is reported, not raised)
        results.append(("not ok", description, f"{type(error).__name__}: {error}"))
        return False
    results.append(("ok", description, ""))
    return True


def diagnostic(text):
    print("# " + text.replace("\n", "\n# "), flush=True)


def catalog_keys():
    """Four (platform, action) pairs from the catalog the binary was built with."""
    keys = []
    for platform in ("linkedin", "x", "reddit", "meta"):
        path = os.path.join(CATALOG, platform + ".json")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as handle:
            entry = json.load(handle)
        keys += [(entry["id"], action["id"]) for action in entry["actions"]]
    expect(len(keys) >= 4, f"found only {len(keys)} actions in {CATALOG}")
    return keys[:4]


class Home:
    """A throwaway HOME and XDG folders, and the untrain binary run inside them."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="untrain-crash-safety-")
        self.data = os.path.join(self.root, "data")
        self.folder = os.path.join(self.data, "untrain")
        self.progress = os.path.join(self.folder, "progress.json")
        self.backup = self.progress + ".bak"
        self.env = dict(os.environ,
                        HOME=self.root,
                        XDG_DATA_HOME=self.data,
                        XDG_CONFIG_HOME=os.path.join(self.root, "config"),
                        XDG_CACHE_HOME=os.path.join(self.root, "cache"),
                        LC_ALL="C.UTF-8")
        # Without a display untrain never starts its interface.
        self.env.pop("DISPLAY", None)
        self.env.pop("WAYLAND_DISPLAY", None)

    def start(self, *args):
        return subprocess.Popen([BINARY, *args], env=self.env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)

    def run(self, *args):
        process = subprocess.run([BINARY, *args], env=self.env, capture_output=True, check=False)
        expect(process.returncode == 0,
               f"untrain {' '.join(args)} exited with {process.returncode}: {process.stderr.decode()!r}")
        expect(process.stderr == b"", f"untrain {' '.join(args)} complained: {process.stderr.decode()!r}")
        return process.stdout.decode()

    def leftovers(self):
        """Files in the progress folder other than the file and its backup."""
        return sorted(name for name in os.listdir(self.folder)
                      if name not in ("progress.json", "progress.json.bak"))

    def remove(self):
        shutil.rmtree(self.root, ignore_errors=True)


class Writes:
    """The sequence of --mark commands and the record states each one leaves."""

    def __init__(self, keys):
        self.keys = keys

    def command(self, i):
        """Write i (from 1; write 0 is --use) moves key (i - 1) % 4 to the next state."""
        key = self.keys[(i - 1) % len(self.keys)]
        state = STATES[((i - 1) // len(self.keys) + 1) % len(STATES)]
        return ["--mark", key[0], key[1], state, f"--profile={PROFILE}"]

    def state(self, i):
        """The states of the keys after write i, as a tuple; None before any write."""
        if i < 0:
            return None
        states = {key: "todo" for key in self.keys}
        for j in range(1, i + 1):
            command = self.command(j)
            states[(command[1], command[2])] = command[3]
        return tuple(states[key] for key in self.keys)

    def read(self, path):
        """The states a file holds; fails if it is missing, not JSON or not progress."""
        expect(os.path.exists(path), f"{os.path.basename(path)} is missing")
        with open(path, "rb") as handle:
            data = handle.read()
        try:
            root = json.loads(data)
        except ValueError as error:
            raise Failure(f"{os.path.basename(path)} is not JSON ({error}); {len(data)} bytes: "
                          f"{data[:200]!r}…") from error
        expect(isinstance(root, dict) and root.get("format") == 2,
               f"{os.path.basename(path)} is not format 2 progress")
        profiles = [p for p in root.get("profiles", []) if p.get("id") == PROFILE_ID]
        expect(len(profiles) == 1, f"{os.path.basename(path)} has no profile “{PROFILE_ID}”")
        states = {key: "todo" for key in self.keys}
        for record in profiles[0]["records"]:
            key = (record["platform"], record["action"])
            expect(key in states, f"{os.path.basename(path)} has an unexpected record {key}")
            states[key] = record["state"]
        return tuple(states[key] for key in self.keys)


def check_files(home, writes, completed, stats=None):
    """progress.json holds write completed or completed + 1; the backup holds a write from the one
    before completed up to the file's own (before the second write, maybe none yet). Returns the
    write the file holds."""
    held = writes.read(home.progress)
    candidates = [i for i in (completed, completed + 1) if writes.state(i) == held]
    expect(candidates,
           f"progress.json holds {held}, but the last completed write {completed} left "
           f"{writes.state(completed)} and the next one would leave {writes.state(completed + 1)}")
    file_write = candidates[-1]

    if not os.path.exists(home.backup):
        # The first save has no good file to keep; every later one does.
        expect(file_write == 0 or (file_write == 1 and completed == 0),
               f"progress.json.bak is missing after write {completed} completed")
        return file_write

    backup = writes.read(home.backup)
    allowed = [i for i in range(completed - 1, file_write + 1) if writes.state(i) == backup]
    expect(allowed,
           f"progress.json.bak holds {backup}, more than one write older than the last completed write "
           f"{completed} ({writes.state(completed)}), or newer than progress.json (write {file_write})")
    # Allowed, but worth knowing: a kill between the file's rename and the backup's leaves the
    # backup two writes behind the file until the next save.
    if stats is not None and max(allowed) < file_write - 1:
        stats["backup_two_behind"] += 1
    return file_write


def main():
    seed = int(os.environ.get("UT_TEST_SEED", random.randrange(1 << 32)))
    rng = random.Random(seed)
    diagnostic(f"seed {seed} (set UT_TEST_SEED to repeat the kill moments' distribution)")

    home = Home()
    writes = Writes(catalog_keys())
    completed = 0
    stats = {"kills": 0, "interrupted": 0, "exited": 0, "ahead": 0, "left_temporary": 0,
             "backup_two_behind": 0}
    loop_ok = False

    try:
        check("untrain --use makes the profile (write 0)",
              lambda: (home.run("--use", "linkedin", "x", "reddit", "meta", f"--profile={PROFILE}",
                                "--region=EU"),
                       check_files(home, writes, 0)))

        # How long a --mark takes here, so that kill moments cover the whole run.
        durations = []

        def calibrate():
            nonlocal completed
            for _ in range(5):
                start = time.monotonic()
                home.run(*writes.command(completed + 1))
                durations.append(time.monotonic() - start)
                completed += 1
                check_files(home, writes, completed)

        if not check("five uninterrupted --mark runs save their changes and keep a backup", calibrate):
            return report()
        duration = statistics.median(durations)
        diagnostic(f"an uninterrupted --mark takes {duration * 1000:.1f} ms (median of 5)")

        def kill_loop():
            nonlocal completed
            deadline = time.monotonic() + MAX_SECONDS
            # The window in which a kill lands inside a run. It adapts to the machine's load, which
            # changes how long a run takes: it shrinks after a kill that came too late and widens
            # after one that interrupted, so that most kills interrupt whatever the load.
            window = duration * 1.2
            while (stats["kills"] < MAX_KILLS and stats["interrupted"] < WANTED_INTERRUPTIONS
                   and time.monotonic() < deadline):
                # Half the kills anywhere in the run, half in its last part, where it saves.
                if rng.random() < 0.5:
                    delay = rng.uniform(0, window)
                else:
                    delay = rng.uniform(window * 0.5, window)
                before = set(home.leftovers())
                process = home.start(*writes.command(completed + 1))
                time.sleep(delay)
                # A process that already exited is a zombie until waited for: the signal is
                # ignored and its exit status stays.
                os.kill(process.pid, signal.SIGKILL)
                _, stderr = process.communicate()
                stats["kills"] += 1

                if process.returncode == 0:
                    window *= 0.9
                    stats["exited"] += 1
                    expect(stderr == b"", f"untrain {writes.command(completed + 1)} complained: {stderr!r}")
                    completed += 1
                else:
                    expect(process.returncode == -signal.SIGKILL,
                           f"untrain {writes.command(completed + 1)} failed with {process.returncode}: "
                           f"{stderr.decode()!r}")
                    stats["interrupted"] += 1
                    window = min(window * 1.05, duration * 2)
                    if set(home.leftovers()) - before:
                        stats["left_temporary"] += 1

                if check_files(home, writes, completed, stats) > completed:
                    stats["ahead"] += 1

        loop_ok = check(f"after each of up to {MAX_KILLS} kills progress.json and its backup parse, "
                        "the file holds the last completed write (or the next), the backup at most one write older",
                        kill_loop)
        diagnostic(f"{stats['kills']} kills: {stats['interrupted']} interrupted a --mark "
                   f"(after {stats['ahead']} the file was already one write ahead, "
                   f"{stats['left_temporary']} leaving a new temporary file), "
                   f"{stats['exited']} came after it exited 0; last completed write {completed}; "
                   f"{stats['backup_two_behind']} times the backup was two writes behind progress.json "
                   "(allowed: one behind the last completed write)")

        def enough_kills():
            expect(stats["interrupted"] >= 100,
                   f"only {stats['interrupted']} kills interrupted a --mark "
                   + (f"within {MAX_SECONDS:.0f} s" if loop_ok else "before the loop stopped at its first failure"))

        check("a few hundred kills, at least 100 of them interrupting a --mark", enough_kills)

        if loop_ok:
            check("after the loop progress.json and its backup still hold the last completed write",
                  lambda: check_files(home, writes, completed))

        diagnostic("files left in the progress folder: " + (", ".join(home.leftovers()) or "none"))

        def no_temporary_files():
            home.run("--status", f"--profile={PROFILE}")
            left = [name for name in home.leftovers() if TEMPORARY.match(name)]
            expect(not left, f"after untrain --status {len(left)} temporary files remain: {', '.join(left[:5])}"
                             f"{'…' if len(left) > 5 else ''}")
            # The same pattern as the shell's progress.json.??????, so the check cannot drift from it.
            expect(not glob.glob(glob.escape(home.progress) + ".??????"), "temporary files remain")

        check("after one more successful untrain --status no progress.json.?????? temporary files remain",
              no_temporary_files)

        def still_works():
            home.run(*writes.command(completed + 1))
            check_files(home, writes, completed + 1)
            expect(writes.read(home.progress) == writes.state(completed + 1),
                   "the next --mark did not save its change")

        check("the next --mark saves normally", still_works)
    finally:
        home.remove()

    return report()


def report():
    print(f"1..{len(results)}")
    for number, (status, description, reason) in enumerate(results, start=1):
        print(f"{status} {number} - {description}")
        if reason:
            diagnostic(reason)
    return 0 if all(status == "ok" for status, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
