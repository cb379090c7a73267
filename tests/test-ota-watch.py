#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Untrain developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""`untrain-catalog watch` on a small git repository made here, laid out as Open Terms Archive's
versions repositories are (Service/Document type.md, one commit per change seen): it lists the
commits after a record's review day and no other, counts the lines, quotes the changed lines that
speak of training or AI and no other, names followed documents the copies do not have, reads a
bare mirror as it reads a clone, and exits 1 when something changed, 0 when nothing did and 2 for
a folder that is not a repository. Prints TAP."""

import json
import os
import shutil
import subprocess
import sys
import tempfile

root, tool = sys.argv[1], sys.argv[2]
results = []


def ok(condition, description, detail=""):
    results.append((bool(condition), description, detail))


def git(repo, *args, date=None):
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=repo)
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", "-C", repo, "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", *args], check=True, env=env, capture_output=True)


def commit(repo, path, text, date):
    full = os.path.join(repo, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)
    git(repo, "add", path)
    git(repo, "commit", "-q", "-m", "Record new changes of " + path, date=date)


def record(directory, name, reviewed, documents):
    with open(os.path.join(root, "tests", "fixtures", "catalog", "valid", "example.json"), encoding="utf-8") as f:
        data = json.load(f)
    data["id"] = name
    data["reviewed"] = reviewed
    data["ota"] = [{"collection": "pga-versions", "document": d} for d in documents]
    path = os.path.join(directory, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)
    return path


def watch(*args):
    return subprocess.run([tool, "watch", *args], capture_output=True, text=True)


work = tempfile.mkdtemp(prefix="untrain-ota-watch-")
try:
    repo = os.path.join(work, "pga-versions")
    os.makedirs(repo)
    git(repo, "init", "-q")
    policy = "Example/Privacy Policy.md"
    commit(repo, policy, "# Privacy\n\nWe keep your posts.\n\nContact us by post.\n", "2026-01-10T12:00:00Z")
    commit(repo, policy, "# Privacy\n\nWe may use your posts to train AI models.\n\nContact us by e-mail.\n",
           "2026-03-05T09:00:00Z")
    commit(repo, "Example/Terms of Service.md", "# Terms\n\nBe kind.\n", "2026-03-06T12:00:00Z")

    followed = [policy, "Example/Terms of Service.md", "Example/Cookie Policy.md"]
    changed = record(work, "changed", "2026-02-01", followed)
    quiet = record(work, "quiet", "2026-03-06", followed)
    report_path = os.path.join(work, "report.json")

    run = watch("--ota", repo, "--json", report_path, changed, quiet)
    out = run.stdout
    ok(run.returncode == 1, "exits 1 when a followed document changed", run.stderr)
    ok("changed (reviewed 2026-02-01)" in out, "names the record and its review date", out)
    ok("2026-03-05" in out and "Example/Privacy Policy.md  +2 -2" in out,
       "lists the policy's commit after the review with its lines added and removed", out)
    ok("2026-03-06" in out and "Example/Terms of Service.md  +3 -0" in out,
       "lists the new terms, seen on a later day", out)
    ok("2026-01-10" not in out, "leaves out the commit before the review", out)
    ok("+We may use your posts to train AI models." in out, "quotes the changed line about training", out)
    ok("e-mail" not in out and "by post" not in out, "quotes no changed line that is not about training or AI", out)
    ok("quiet (reviewed" not in out, "leaves out a record reviewed after every commit (the same day included)", out)
    ok("not in these copies: changed: pga-versions/Example/Cookie Policy.md" in out,
       "names a followed document the copies do not have", out)
    ok("1 of 2 followed records changed since their review (2 documents, 2 commits)" in out, "sums up", out)

    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    documents = report["records"][0]["documents"] if report.get("records") else []
    commits = [c for d in documents for c in d["commits"]]
    ok(report.get("followed") == 2 and report.get("changed") == 1 and len(report["records"]) == 1,
       "the JSON report counts the same", json.dumps(report)[:400])
    ok(len(commits) == 2 and all(len(c["commit"]) == 40 for c in commits)
       and sorted(c["date"] for c in commits) == ["2026-03-05", "2026-03-06"],
       "the JSON report gives each commit's full hash and date", json.dumps(commits)[:400])
    ok(any(c["mentions"] == ["+We may use your posts to train AI models."] for c in commits)
       and any(c["mentions"] == [] for c in commits),
       "the JSON report quotes only the lines about training", json.dumps(commits)[:400])

    run = watch("--ota", repo, quiet)
    ok(run.returncode == 0 and "0 of 1 followed records changed" in run.stdout,
       "exits 0 when nothing changed since review", run.stdout + run.stderr)

    bare = os.path.join(work, "mirror.git")
    subprocess.run(["git", "clone", "-q", "--bare", repo, bare], check=True, capture_output=True)
    run = watch("--ota", os.path.join(work, "elsewhere-versions-missing"), changed)
    ok(run.returncode == 2 and "is not a copy of a git repository" in run.stderr,
       "refuses a folder that is not a repository, with a sentence", run.stderr)
    run = watch("--ota", bare, changed)
    ok(run.returncode == 1 and "Example/Privacy Policy.md  +2 -2" in run.stdout,
       "reads a bare mirror as it reads a clone", run.stdout + run.stderr)
finally:
    shutil.rmtree(work, ignore_errors=True)

print("1..%d" % len(results))
for number, (passed, description, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if passed else "not ok", number, description))
    if not passed and detail:
        for line in str(detail).splitlines()[:20]:
            print("# " + line)
sys.exit(0 if all(r[0] for r in results) else 1)
