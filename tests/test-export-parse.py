#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Untrain developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads Untrain's exports back with parsers that share no code with it.

CSV with Python's csv module, iCalendar with python3-icalendar (Debian), PDF with poppler's
pdftotext and pdfinfo. It checks the golden files that test-export compares byte for byte, and
the exports the untrain command line makes from the same progress fixture. Prints TAP.
"""

import csv
import datetime
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

SRCDIR = os.environ.get("G_TEST_SRCDIR", os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(SRCDIR, "fixtures", "export")
CATALOG = os.path.join(SRCDIR, os.pardir, "data", "catalog", "platforms")
BINARY = os.environ["UNTRAIN_BINARY"]

COLUMNS = [
    "profile", "region", "platform", "action", "state", "done_date", "verified_date", "revision",
    "needs_review", "recheck_due", "recheck_date", "note", "platform_id", "action_id",
    "exported", "untrain_version", "catalog_version",
]
STATE_LABELS = {"todo": "To do", "done": "Done", "skipped": "Skipped", "not-applicable": "Not applicable"}
NOTE = 'Albums set to "Friends", reels too;\nstories next'
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

results = []


def check(description, function):
    """Runs one check; an exception or a failed assertion makes it "not ok" with the reason."""
    try:
        skip = function()
    except Exception as error:  # noqa: BLE001  (any failure is reported, not raised)
        results.append(("not ok", description, f"{type(error).__name__}: {error}"))
        return
    if skip:
        results.append(("ok", f"{description} # SKIP {skip}", ""))
    else:
        results.append(("ok", description, ""))


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def read_bytes(path):
    with open(path, "rb") as handle:
        return handle.read()


def parse_csv(data):
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""), strict=True))


class Untrain:
    """The untrain command line, with a home holding the progress fixture."""

    def __init__(self):
        self.home = tempfile.mkdtemp(prefix="untrain-export-parse-")
        os.makedirs(os.path.join(self.home, "untrain"))
        shutil.copy(os.path.join(FIXTURES, "progress.json"), os.path.join(self.home, "untrain", "progress.json"))

    def run(self, *args):
        env = dict(os.environ, XDG_DATA_HOME=self.home, XDG_CONFIG_HOME=self.home, LC_ALL="C.UTF-8")
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        process = subprocess.run([BINARY, *args], env=env, capture_output=True, check=False)
        expect(process.returncode == 0,
               f"untrain {' '.join(args)} exited with {process.returncode}: {process.stderr.decode()!r}")
        return process.stdout

    def path(self, name):
        return os.path.join(self.home, name)

    def close(self):
        shutil.rmtree(self.home, ignore_errors=True)


def check_csv_rows(rows):
    expect(rows[0] == COLUMNS, f"header is {rows[0]}")
    for row in rows[1:]:
        expect(len(row) == len(COLUMNS), f"row has {len(row)} fields: {row}")
        record = dict(zip(COLUMNS, row))
        expect(record["state"] in STATE_LABELS, f"unknown state {record['state']!r}")
        expect(record["needs_review"] in ("true", "false"), f"needs_review is {record['needs_review']!r}")
        expect(record["recheck_due"] in ("true", "false"), f"recheck_due is {record['recheck_due']!r}")
        for column in ("done_date", "verified_date", "recheck_date"):
            expect(record[column] == "" or ISO_DAY.match(record[column]), f"{column} is {record[column]!r}")
        expect(ISO_DAY.match(record["exported"]), f"exported is {record['exported']!r}")
        expect(record["catalog_version"].isdigit(), f"catalog_version is {record['catalog_version']!r}")
    return [dict(zip(COLUMNS, row)) for row in rows[1:]]


def golden_csv():
    data = read_bytes(os.path.join(FIXTURES, "checklist.csv"))
    # RFC 4180: every record ends in CRLF; the one bare LF is inside the quoted note.
    expect(data.endswith(b"\r\n"), "the file does not end in CRLF")
    expect(data.count(b"\n") == data.count(b"\r\n") + NOTE.count("\n"), "a line ends without CR")
    records = check_csv_rows(parse_csv(data))
    expect(len(records) == 13, f"{len(records)} rows, expected 13")

    meta = [r for r in records if r["platform_id"] == "meta"]
    expect(meta and all(r["platform"] == "Meta (Facebook, Instagram, Threads)" for r in meta),
           "the platform name with commas did not survive")
    expect(all(r["profile"] == 'Sam "Sammy" Lee, Jr.' for r in records if r["region"] == "US"),
           "the profile name with quotes and a comma did not survive")
    notes = [r["note"] for r in records if r["note"]]
    expect(notes == [NOTE], f"notes are {notes!r}")

    linkedin = next(r for r in records if r["action_id"] == "turn-off-training" and r["platform_id"] == "linkedin")
    expect((linkedin["state"], linkedin["done_date"], linkedin["revision"], linkedin["needs_review"],
            linkedin["recheck_due"], linkedin["recheck_date"]) == ("done", "2026-03-14", "1", "true", "true", "2026-09-10"),
           f"LinkedIn's row is {linkedin}")
    expect({r["state"] for r in records} == set(STATE_LABELS), "not every state is in the fixture")


def parse_ics(data):
    try:
        import icalendar
    except ImportError:
        return None
    return icalendar.Calendar.from_ical(data)


def check_ics_lines(data):
    expect(data.endswith(b"\r\n"), "the file does not end in CRLF")
    lines = data.split(b"\r\n")[:-1]
    for line in lines:
        expect(b"\n" not in line and b"\r" not in line, f"a bare line break in {line!r}")
        expect(len(line) <= 75, f"a line of {len(line)} octets: {line!r}")
        line.decode("utf-8")  # folding never splits a character


def check_events(calendar, now=None):
    events = list(calendar.walk("VEVENT"))
    expect(str(calendar["VERSION"]) == "2.0", "VERSION is not 2.0")
    expect(str(calendar["PRODID"]).startswith("-//Untrain//Untrain "), f"PRODID is {calendar['PRODID']}")
    uids = [str(event["UID"]) for event in events]
    expect(len(set(uids)) == len(uids), f"UIDs repeat: {uids}")
    for event in events:
        start = event["DTSTART"].dt
        end = event["DTEND"].dt
        stamp = event["DTSTAMP"].dt
        expect(type(start) is datetime.date, f"DTSTART {start!r} is not an all-day date")
        expect(end - start == datetime.timedelta(days=1), f"DTEND {end!r} is not the next day")
        expect(stamp.tzinfo is not None and stamp.utcoffset() == datetime.timedelta(0), f"DTSTAMP {stamp!r} is not UTC")
        if now is not None:
            expect(stamp == now, f"DTSTAMP {stamp!r} is not {now!r}")
        if str(event["UID"]).endswith("/request@untrain"):
            # The day an objection's answer is due: it says when it was sent.
            expect(str(event["SUMMARY"]).startswith("Answer due: "), f"SUMMARY is {event['SUMMARY']!r}")
            expect("You sent " in str(event["DESCRIPTION"]), "DESCRIPTION does not say when the request was sent")
        else:
            expect(str(event["SUMMARY"]).startswith("Re-check: "), f"SUMMARY is {event['SUMMARY']!r}")
            expect("\n1. " in str(event["DESCRIPTION"]), "DESCRIPTION has no numbered steps")
        alarms = list(event.walk("VALARM"))
        expect(len(alarms) == 1 and str(alarms[0]["ACTION"]) == "DISPLAY" and "TRIGGER" in alarms[0],
               f"{event['UID']} has no display alarm")
    return {str(event["UID"]): event for event in events}


def golden_ics():
    data = read_bytes(os.path.join(FIXTURES, "checklist.ics"))
    check_ics_lines(data)
    calendar = parse_ics(data)
    if calendar is None:
        return "python3-icalendar is not installed"
    now = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=datetime.timezone.utc)
    events = check_events(calendar, now)
    expect(sorted(events) == sorted([
        "me/linkedin/turn-off-training@untrain",
        "me/meta/make-posts-private@untrain",
        "me/chatgpt/turn-off-improve-model@untrain",
        "me/soundcloud/decline-ai-opt-in@untrain",
        "anna/x/turn-off-grok-training@untrain",
        "me/linkedin/request@untrain",
    ]), f"events are {sorted(events)}")
    expect(events["me/linkedin/request@untrain"]["DTSTART"].dt == datetime.date(2026, 12, 20),
           "the answer to the request sent on 20 November under UK law is not due one month later")
    meta = events["me/meta/make-posts-private@untrain"]
    expect(str(meta["SUMMARY"]) == "Re-check: Meta (Facebook, Instagram, Threads) — Make posts you don't want used non-public",
           f"SUMMARY is {meta['SUMMARY']!r}")
    expect(meta["DTSTART"].dt == datetime.date(2027, 5, 19), f"DTSTART is {meta['DTSTART'].dt}")
    expect(events["me/soundcloud/decline-ai-opt-in@untrain"]["DTSTART"].dt == datetime.date(2027, 1, 5),
           "SoundCloud's own 365-day interval was not used")
    return None


def cli_csv(untrain):
    records = check_csv_rows(parse_csv(untrain.run("--export=csv")))
    expect(len(records) == 10, f"{len(records)} rows for the first profile, expected 10")
    both = check_csv_rows(parse_csv(untrain.run("--export=csv", "--profile=anna")))
    expect({r["profile"] for r in both} == {"Anna Müller"}, "--profile=anna exported someone else")


def cli_ics(untrain):
    data = untrain.run("--export=ics")
    check_ics_lines(data)
    calendar = parse_ics(data)
    if calendar is None:
        return "python3-icalendar is not installed"
    events = check_events(calendar)
    # Four re-checks and the answer due to the request sent to LinkedIn.
    expect(len(events) == 5, f"{len(events)} events for the first profile, expected 5")
    return None


def catalog_action(platform_id, action_id):
    """An action as the catalog's source file has it, read without Untrain."""
    with open(os.path.join(CATALOG, f"{platform_id}.json"), encoding="utf-8") as handle:
        platform = json.load(handle)
    return next(action for action in platform["actions"] if action["id"] == action_id)


def md_unescape(text):
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def cli_markdown(untrain):
    text = untrain.run("--export=md").decode("utf-8")
    records = check_csv_rows(parse_csv(untrain.run("--export=csv")))
    lines = [md_unescape(line) for line in text.split("\n")]
    for record in records:
        action = catalog_action(record["platform_id"], record["action_id"])
        # Each step is a numbered item inside the action's task-list item, indented to its text.
        for number, step in enumerate(action["steps"], 1):
            expect(f"  {number}. {step}" in lines, f"step {number} of {record['action_id']} is not in the Markdown")
        if "url" in action:
            expect(any(line.startswith("  Link: [") and line.endswith(f"]({action['url']})") for line in lines),
                   f"the link of {record['action_id']} is not in the Markdown")


def pdf_text(path):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", text.decode("utf-8")).split())


def pdf_page_size(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, check=True).stdout.decode()
    match = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)
    expect(match, f"no page size in {info!r}")
    return round(float(match.group(1))), round(float(match.group(2)))


def cli_pdf(untrain, paper, size):
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        return "poppler-utils is not installed"
    for profile in ("me", "anna"):
        path = untrain.path(f"{profile}-{paper}.pdf")
        untrain.run("--export=pdf", f"--paper={paper}", f"--profile={profile}", f"--output={path}")
        expect(read_bytes(path).startswith(b"%PDF-"), "not a PDF")
        expect(pdf_page_size(path) == size, f"page size {pdf_page_size(path)}, expected {size}")

        records = check_csv_rows(parse_csv(untrain.run("--export=csv", f"--profile={profile}")))
        text = pdf_text(path)
        expect("Untrain checklist" in text and "Page 1 of " in text, "no title or page number")
        for name in {r["platform"] for r in records} | ({"gone-platform"} if profile == "me" else set()):
            expect(name in text, f"platform {name!r} is not in the text of {path}")
        for state in {r["state"] for r in records}:
            expect(STATE_LABELS[state] in text, f"state {STATE_LABELS[state]!r} is not in the text of {path}")
        for record in records:
            # A wrapped step comes back with its line breaks as spaces.
            steps = catalog_action(record["platform_id"], record["action_id"])["steps"]
            expect(f"1. {' '.join(steps[0].split())}" in text,
                   f"the first step of {record['action_id']} is not in the text of {path}")
        if profile == "me":
            expect(len({r["state"] for r in records}) == 4, "the first profile should have every state")
            expect("Changed since you finished" in text and "Re-check due" in text, "the flags are missing")
    return None


def main():
    untrain = Untrain()
    try:
        check("golden CSV re-parsed by the csv module", golden_csv)
        check("golden iCalendar re-parsed by python3-icalendar", golden_ics)
        check("untrain --export=csv re-parsed", lambda: cli_csv(untrain))
        check("untrain --export=ics re-parsed", lambda: cli_ics(untrain))
        check("untrain --export=md: every action's steps and link", lambda: cli_markdown(untrain))
        check("PDF on A4: size, every platform, state and first step in its text", lambda: cli_pdf(untrain, "a4", (595, 842)))
        check("PDF on Letter: size, every platform, state and first step in its text",
              lambda: cli_pdf(untrain, "letter", (612, 792)))
    finally:
        untrain.close()

    for number, (status, description, detail) in enumerate(results, 1):
        print(f"{status} {number} - {description}")
        if detail:
            print("# " + detail.replace("\n", "\n# "))
    print(f"1..{len(results)}")
    return 0 if all(status == "ok" for status, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
