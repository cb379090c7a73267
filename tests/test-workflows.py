#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Untrain developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The GitHub workflows are well-formed and do what the README says: every job has a runner and
steps, each step runs a command or one pinned action, CI runs .ci/run, the catalog is signed only
with the repository secret and verified with the public key in the tree, and no private key is in
the tree. actionlint is not packaged for Debian 12, so this is the schema check. Prints TAP."""

import base64
import json
import os
import re
import subprocess
import sys

try:
    import yaml
except ImportError:
    # The Flatpak SDK has no PyYAML; Debian has it as python3-yaml.
    print("1..0 # SKIP needs PyYAML (Debian: python3-yaml), which this system lacks")
    sys.exit(0)

root = sys.argv[1]
directory = os.path.join(root, ".github", "workflows")
results = []


def ok(condition, description, detail=""):
    results.append((bool(condition), description, detail))


workflows = {}
for name in sorted(os.listdir(directory)):
    if name.endswith((".yml", ".yaml")):
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            text = f.read()
        try:
            workflows[name] = (yaml.safe_load(text), text)
            ok(True, f"{name} is YAML")
        except yaml.YAMLError as error:
            ok(False, f"{name} is YAML", str(error).replace("\n", " "))

for name, (data, text) in workflows.items():
    if not isinstance(data, dict):
        ok(False, f"{name} is a mapping")
        continue
    # YAML 1.1 reads the key "on" as true.
    triggers = data.get("on", data.get(True))
    ok(data.get("name") and triggers, f"{name} has a name and triggers")
    jobs = data.get("jobs") or {}
    ok(jobs, f"{name} has jobs")
    problems = []
    for job_name, job in jobs.items():
        if "runs-on" not in job:
            problems.append(f"{job_name}: no runs-on")
        for index, step in enumerate(job.get("steps") or []):
            kinds = [key for key in ("run", "uses") if key in step]
            if len(kinds) != 1:
                problems.append(f"{job_name} step {index}: needs exactly one of run or uses")
            elif "uses" in step and not re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", step["uses"]):
                problems.append(f"{job_name} step {index}: {step['uses']} is not pinned to a major version")
        if not job.get("steps"):
            problems.append(f"{job_name}: no steps")
    ok(not problems, f"{name}: every job has a runner and well-formed steps", "; ".join(problems))
    # A secret only ever goes into an environment variable, never onto a command line.
    lines = [line for line in text.splitlines() if "secrets." in line]
    ok(all(re.match(r"\s+[A-Z_]+: \$\{\{ secrets\.[A-Z_]+ \}\}$", line) for line in lines),
       f"{name}: secrets are passed as environment variables only", "; ".join(lines))

ci = workflows.get("ci.yml", ({}, ""))[1]
ok(".ci/run" in ci and "debian:12" in ci, "ci.yml runs .ci/run in a Debian 12 container")
publish = workflows.get("publish-catalog.yml", ({}, ""))[1]
ok("secrets.CATALOG_SIGNING_KEY" in publish and "untrain-catalog sign" in publish,
   "publish-catalog.yml signs with the repository secret")
ok("verify --key data/catalog/signing-key.pub" in publish and os.path.exists(os.path.join(root, "data/catalog/signing-key.pub")),
   "publish-catalog.yml verifies with the public key in the tree")
ok("catalog/v2" in publish, "publish-catalog.yml publishes under the bundle format's folder")
links = workflows.get("link-check.yml", ({}, ""))[1]
ok("check-links" in links and "schedule" in links, "link-check.yml runs check-links on a schedule")
flatpak = workflows.get("flatpak.yml", ({}, ""))[1]
with open(os.path.join(root, "flatpak", "io.github.untrain.Untrain.json"), encoding="utf-8") as f:
    manifest = json.load(f)
runtime = manifest.get("runtime-version", "")
ok("flatpak-builder@" in flatpak and "run-tests: true" in flatpak and f"gnome-{runtime}" in flatpak
   and "flatpak-builder-lint" in flatpak,
   "flatpak.yml builds and tests the manifest on its runtime's builder image and lints it",
   f"runtime {runtime}")
ok(runtime.isdigit() and int(runtime) >= 50, "the manifest targets GNOME 50 or newer", runtime)
watch = workflows.get("terms-watch.yml", ({}, ""))[1]
ok("untrain-catalog watch" in watch and "schedule" in watch and "OpenTermsArchive/" in watch,
   "terms-watch.yml runs watch on a schedule against Open Terms Archive's repositories")

# untrain-catalog keygen writes the private key as the base64 of Ed25519's 32-byte seed followed
# by the 32-byte public key: no tracked file may hold the release key's private half.
with open(os.path.join(root, "data/catalog/signing-key.pub"), "rb") as f:
    public = base64.b64decode(f.read().strip())
tracked = subprocess.run(["git", "-C", root, "ls-files", "-z"], capture_output=True, text=True).stdout.split("\0")
private = []
for path in filter(None, tracked):
    full = os.path.join(root, path)
    if os.path.isfile(full) and os.path.getsize(full) < 200:
        with open(full, "rb") as f:
            content = f.read().strip()
        try:
            decoded = base64.b64decode(content, validate=True)
        except ValueError:
            continue
        if len(decoded) == 64 and decoded[32:] == public:
            private.append(path)
ok(not private, "no private key is tracked", ", ".join(private))

print(f"1..{len(results)}")
for number, (passed, description, detail) in enumerate(results, 1):
    print(f"{'ok' if passed else 'not ok'} {number} - {description}")
    if detail and not passed:
        print(f"# {detail}")
sys.exit(0 if all(passed for passed, _, _ in results) else 1)
