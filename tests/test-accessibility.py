#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Untrain developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real Untrain through AT-SPI, the way a screen reader user would.

Runs under Xvfb and a private D-Bus session (build-aux/test). Prints TAP.
Uses Debian's /usr/bin/python3, which has python3-pyatspi.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

# fatal-warnings is for Untrain, not for this script: at-spi's own client library logs harmless
# warnings (e.g. about its cache while an application starts) that must not kill the test.
APP_G_DEBUG = os.environ.pop("G_DEBUG", None)

import pyatspi  # noqa: E402  (must follow the environment change above)

BINARY = os.environ["UNTRAIN_BINARY"]
TIMEOUT = 20.0
results = []


def ok(condition, description, detail=""):
    results.append((bool(condition), description, detail))
    return condition


def wait_for(predicate, what):
    """Polls the accessibility tree until @predicate holds: the app works asynchronously."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise TimeoutError(f"timed out waiting for {what}")


def walk(node):
    if node is None:
        return
    yield node
    for child in node:
        yield from walk(child)


def showing(node):
    """GTK 4.8 does not set STATE_SHOWING, but hidden widgets (other stack pages) have no size."""
    try:
        extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except NotImplementedError:
        return False
    return extents.width > 0 and extents.height > 0


def text_of(node):
    """A button's visible text. GTK 4.8 names a button "_Label Label" (its mnemonic, then its
    label child), so the child is the reliable part."""
    for child in node:
        if child is not None and child.getRoleName() == "label":
            return child.name
    return node.name


def find(root, role=None, name=None):
    for node in walk(root):
        if (role is None or node.getRoleName() == role) and (name is None or text_of(node) == name):
            if showing(node):
                return node
    return None


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == "click":
            return action.doAction(i)
    raise AssertionError(f"{node.getRoleName()} {node.name!r} cannot be clicked")


class Untrain:
    """One run of the app with its own XDG folders."""

    def __init__(self, progress=None, settings=None):
        self.home = tempfile.mkdtemp(prefix="untrain-a11y-")
        self.env = dict(os.environ)
        for name in ("NO_AT_BRIDGE", "GTK_A11Y"):
            self.env.pop(name, None)
        if APP_G_DEBUG:
            self.env["G_DEBUG"] = APP_G_DEBUG
        self.env.update({
            "HOME": self.home,
            "XDG_DATA_HOME": os.path.join(self.home, "data"),
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_CACHE_HOME": os.path.join(self.home, "cache"),
            "GSETTINGS_BACKEND": "keyfile",
            "LC_ALL": "C.UTF-8",
            "TZ": "Europe/Zurich",
        })
        if progress is not None:
            os.makedirs(os.path.join(self.home, "data", "untrain"))
            with open(self.progress_path, "w", encoding="utf-8") as f:
                json.dump(progress, f)
        # The app checks for catalog updates at its default address on its own; a test never
        # reaches the network.
        directory = os.path.join(self.home, "config", "glib-2.0", "settings")
        os.makedirs(directory)
        with open(os.path.join(directory, "keyfile"), "w", encoding="utf-8") as f:
            f.write("[io/github/untrain/Untrain]\nautomatic-catalog-checks=false\n")
            for key, value in (settings or {}).items():
                f.write(f"{key}='{value}'\n")
        self.process = subprocess.Popen([BINARY], env=self.env)
        self.app = wait_for(self._find_app, "Untrain on the accessibility bus")
        self.window = wait_for(lambda: find(self.app, "frame"), "Untrain's window")

    @property
    def progress_path(self):
        return os.path.join(self.home, "data", "untrain", "progress.json")

    def _find_app(self):
        # By process, not by name: the previous run's entry may linger on the bus for a moment.
        for app in pyatspi.Registry.getDesktop(0):
            try:
                if app is not None and app.get_process_id() == self.process.pid:
                    return app
            except Exception:  # an entry that vanished while we looked
                continue
        return None

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.home, ignore_errors=True)


def unnamed_controls(root):
    roles = {"push button", "toggle button", "check box", "radio button", "link", "menu button"}
    return [f"{n.getRoleName()} under {n.parent.getRoleName() if n.parent else '?'}"
            for n in walk(root) if n.getRoleName() in roles and showing(n) and not n.name.strip()]


def test_onboarding():
    app = Untrain()
    try:
        start = wait_for(lambda: find(app.window, "push button", "Get Started"), "the welcome page")
        ok(start, "first start shows the welcome page with a named Get Started button")
        missing = unnamed_controls(app.window)
        ok(not missing, "every control on the welcome page has a name", ", ".join(missing))
        click(start)
        wait_for(lambda: find(app.window, "label", "Where do you live?"), "the region page")
        regions = wait_for(lambda: [n.name for n in walk(app.window)
                                    if n.getRoleName() in ("check box", "radio button") and showing(n)],
                           "the region choices")
        ok("Switzerland" in regions and "European Union and EEA" in regions,
           "the region page offers named choices", repr(regions))
        missing = unnamed_controls(app.window)
        ok(not missing, "every control on the region page has a name", ", ".join(missing))
    finally:
        app.close()


def test_wizard():
    progress = {"format": 1, "profiles": [{
        "id": "me", "name": "Me", "region": "EU", "region_confirmed": True,
        "platforms": ["linkedin", "meta", "reddit"], "records": []}]}
    app = Untrain(progress, {"last-platform": "linkedin"})
    try:
        wait_for(lambda: find(app.window, "label", "What LinkedIn trains on"), "LinkedIn's guide")
        buttons = [n for n in walk(app.window) if n.getRoleName() == "push button" and showing(n)]
        ok(len(buttons) >= 4, "the wizard shows its buttons", str(len(buttons)))
        missing = unnamed_controls(app.window)
        ok(not missing, "every button and link in the wizard has an accessible name", ", ".join(missing))

        done = [b for b in buttons if text_of(b) == "I Did This"]
        ok(len(done) >= 1, "each open step offers “I Did This”")
        click(done[0])
        status = wait_for(lambda: next((n for n in walk(app.window) if n.getRoleName() == "label" and
                                        n.name.startswith("You did this on ")), None),
                          "the step's new status")
        ok(status, "marking a step says when it was done", status.name if status else "")
        with open(app.progress_path, encoding="utf-8") as f:
            saved = json.load(f)
        records = saved["profiles"][0]["records"]
        ok(any(r["platform"] == "linkedin" and r["state"] == "done" for r in records),
           "the step is saved as done", json.dumps(records))

        click(wait_for(lambda: find(app.window, "push button", "Back to the list"), "the back button"))
        wait_for(lambda: find(app.window, "label", "LinkedIn"), "the platform list")
        missing = unnamed_controls(app.window)
        ok(not missing, "every control on the platform list has a name", ", ".join(missing))
    finally:
        app.close()


def focused(root):
    for node in walk(root):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return node
        except Exception:  # a node that went away while we looked
            continue
    return None


def focused_is(root, role, name):
    node = focused(root)
    return node is not None and node.getRoleName() == role and node.name == name


def press(*keys):
    """Real key presses, through the X server (XTest), to the window xdotool focused."""
    for key in keys:
        subprocess.run(["xdotool", "key", key], check=True)


def test_platform_list():
    """The main list as a keyboard and screen reader user meets it: named rows, Tab and the arrow
    keys between them, Space and Enter open a guide, Escape comes back to the same row, and
    typing searches."""
    if shutil.which("xdotool") is None:
        ok(False, "the platform list test has xdotool to type with (apt-get install xdotool)")
        return
    platforms = ["linkedin", "meta", "reddit", "x"]
    names = ["LinkedIn", "Meta (Facebook, Instagram, Threads)", "Reddit", "X (Twitter) and Grok"]
    progress = {"format": 1, "profiles": [{
        "id": "me", "name": "Me", "region": "EU", "region_confirmed": True,
        "platforms": platforms, "records": []}]}
    app = Untrain(progress)
    try:
        wait_for(lambda: find(app.window, "label", "LinkedIn"), "the platform list")
        lists = [n for n in walk(app.window) if n.getRoleName() == "list" and n.name == "Your platforms"]
        ok(len(lists) == 1, "the platform list is one list named “Your platforms”", str(len(lists)))
        rows = [n for n in walk(lists[0]) if n.getRoleName() == "list item" and n.name] if lists else []
        ok([r.name for r in rows] == names, "each platform is a list item named by the platform, in order",
           repr([r.name for r in rows]))
        ok(all("steps done" in r.description and r.description.endswith("To do") for r in rows),
           "each platform's row is described by its progress and state", repr([r.description for r in rows]))

        window = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "^Untrain$"],
                                capture_output=True, text=True, check=True).stdout.split()[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True)
        for _ in range(8):
            if focused_is(app.window, "list item", names[0]):
                break
            press("Tab")
            time.sleep(0.2)
        ok(focused_is(app.window, "list item", names[0]), "Tab reaches the first platform's row")
        press("Down", "Down")
        ok(wait_for(lambda: focused_is(app.window, "list item", names[2]) or None, "Down twice"),
           "Down moves to the next row")
        press("Up")
        ok(wait_for(lambda: focused_is(app.window, "list item", names[1]) or None, "Up"),
           "Up moves to the previous row")
        press("Tab")
        ok(wait_for(lambda: focused_is(app.window, "list item", names[2]) or None, "Tab in the list"),
           "Tab moves to the next row")

        press("space")
        ok(wait_for(lambda: find(app.window, "label", "What Reddit trains on"), "Reddit's guide"),
           "Space on a row opens its platform's guide")
        press("Escape")
        ok(wait_for(lambda: focused_is(app.window, "list item", names[2]) or None, "the list again"),
           "Escape in the guide comes back to the row it was opened from")
        press("Up", "Return")
        ok(wait_for(lambda: find(app.window, "label", "What Meta trains on"), "Meta's guide"),
           "Enter on a row opens its platform's guide")
        press("Escape")
        wait_for(lambda: focused_is(app.window, "list item", names[1]) or None, "the list again")

        press("l", "i", "n")
        ok(wait_for(lambda: focused_is(app.window, "entry", "Search platforms") or None, "the search field"),
           "typing in the list starts a search")
        wait_for(lambda: [n.name for n in walk(lists[0]) if n.getRoleName() == "list item" and n.name] == names[:1]
                 or None, "the list to show LinkedIn alone")
        press("Return")
        ok(wait_for(lambda: find(app.window, "label", "What LinkedIn trains on"), "LinkedIn's guide"),
           "Enter in the search opens the first match")
    finally:
        app.close()


def test_letter():
    progress = {"format": 2, "profiles": [{
        "id": "me", "name": "Me", "region": "EU", "region_confirmed": True,
        "platforms": ["claude"], "records": []}]}
    app = Untrain(progress, {"last-platform": "claude", "regulator": "ie"})
    try:
        write = wait_for(lambda: find(app.window, "push button", "Write an Objection…"), "the guide's objection button")
        ok(write, "a guide in the EU offers to write an objection")
        click(write)
        dialog = wait_for(lambda: next((n for n in app.app if n is not None and n.getRoleName() == "frame"
                                        and n.name == "Write an Objection"), None), "the letter dialog")
        missing = unnamed_controls(dialog)
        ok(not missing, "every control of the letter dialog has a name", ", ".join(missing))
        grounds = wait_for(lambda: next((n for n in walk(dialog) if n.name == "Your grounds, in your own words"), None),
                           "the grounds field")
        ok(grounds is not None, "the grounds field is named for screen readers")
        sent = find(dialog, "push button", "I Sent It")
        ok(sent is not None and not sent.getState().contains(pyatspi.STATE_SENSITIVE),
           "“I Sent It” waits for the person's grounds")
    finally:
        app.close()


def main():
    tests = [test_onboarding, test_wizard, test_platform_list, test_letter]
    for test in tests:
        try:
            test()
        except Exception as error:  # a crash or a timeout fails the test, with the reason
            ok(False, f"{test.__name__} ran to the end", repr(error))

    print(f"1..{len(results)}")
    for number, (passed, description, detail) in enumerate(results, 1):
        print(f"{'ok' if passed else 'not ok'} {number} - {description}")
        if detail and not passed:
            print(f"# {detail}")
    return 0 if all(passed for passed, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
