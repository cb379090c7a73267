#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Untrain developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The catalog's translations are complete and faithful: the template made from today's records
matches po/catalog/untrain-catalog.pot, every message is translated (not fuzzy) in every language
of po/catalog/LINGUAS, msgfmt --check accepts each PO file, and what the English quotes (the
platforms' own labels) is quoted unchanged in the translation. Prints TAP."""

import json
import os
import re
import subprocess
import sys
import tempfile

root, catalog_tool = sys.argv[1], sys.argv[2]
records = sorted(os.path.join(root, "data/catalog/platforms", name)
                 for name in os.listdir(os.path.join(root, "data/catalog/platforms")) if name.endswith(".json"))


def parse(path):
    """(context, msgid) → (msgstr, fuzzy) of a PO or POT file; plain enough for what the catalog
    tool and msgmerge write."""
    entries = {}
    with open(path, encoding="utf-8") as f:
        blocks = f.read().split("\n\n")
    for block in blocks:
        fields, current, fuzzy = {}, None, False
        for line in block.split("\n"):
            if line.startswith("#~"):
                fields = {}
                break
            if line.startswith("#,"):
                fuzzy = "fuzzy" in line
            elif line.startswith(("msgctxt ", "msgid ", "msgstr ")):
                current, _, value = line.partition(" ")
                fields[current] = json.loads(value)
            elif line.startswith('"') and current:
                fields[current] += json.loads(line)
        if fields.get("msgctxt") is not None:
            entries[(fields["msgctxt"], fields["msgid"])] = (fields.get("msgstr", ""), fuzzy)
    return entries


QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”')

with open(os.path.join(root, "po/catalog/LINGUAS"), encoding="utf-8") as f:
    languages = [line.strip() for line in f if line.strip() and not line.startswith("#")]

results = []
with tempfile.TemporaryDirectory() as directory:
    pot_path = os.path.join(directory, "catalog.pot")
    made = subprocess.run([catalog_tool, "pot", "--output", pot_path] + records, capture_output=True, text=True)
    results.append((made.returncode == 0, "untrain-catalog pot reads every record", made.stderr.strip().splitlines()))
    template = parse(pot_path) if made.returncode == 0 else {}
    committed = parse(os.path.join(root, "po/catalog/untrain-catalog.pot"))
    stale = sorted(set(template) ^ set(committed))
    results.append((not stale, "po/catalog/untrain-catalog.pot is up to date (ninja untrain-catalog-pot)",
                    [f"{context}: {msgid[:60]}" for context, msgid in stale[:20]]))

    for language in languages:
        po_path = os.path.join(root, "po/catalog", language + ".po")
        check = subprocess.run(["msgfmt", "--check", "-o", os.devnull, po_path], capture_output=True, text=True)
        results.append((check.returncode == 0, f"msgfmt --check accepts {language}.po", check.stderr.strip().splitlines()))

        translated = parse(po_path)
        missing = [key for key in template if not translated.get(key, ("", False))[0] or translated[key][1]]
        results.append((not missing, f"every catalog message is translated in {language} ({len(template) - len(missing)}/{len(template)})",
                        [f"{context}" for context, _ in missing[:20]] + (["…"] if len(missing) > 20 else [])))

        changed = []
        for (context, msgid), (msgstr, fuzzy) in translated.items():
            if not msgstr or fuzzy:
                continue
            for match in QUOTED.finditer(msgid):
                label = match.group(1) or match.group(2)
                if label not in msgstr:
                    changed.append(f"{context}: “{label}”")
        results.append((not changed, f"quoted labels stay as the platform writes them in {language}", changed[:20]))

print(f"1..{len(results)}")
for number, (ok, description, details) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {number} - {description}")
    for line in details:
        print(f"# {line}")
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
