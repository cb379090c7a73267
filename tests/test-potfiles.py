#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Untrain developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a file with translatable text is missing from po/POTFILES.in, or when POTFILES.in
names a file that does not exist. Prints TAP."""

import os
import re
import sys

root = sys.argv[1]
with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
    listed = {line.strip() for line in f if line.strip() and not line.startswith("#")}

marker = re.compile(r'\b(_|N_|ngettext|C_|NC_)\s*\(\s*"|translatable="yes"|<(summary|description|name|p|li|caption)>')
found = set()
for folder in ("src", "data"):
    for directory, _, files in os.walk(os.path.join(root, folder)):
        for name in files:
            if not name.endswith((".c", ".ui", ".in", ".xml")):
                continue
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, root)
            if relative.startswith("data/catalog"):
                continue  # the catalog has its own domain (data/catalog/README.md)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if name.endswith((".c", ".ui")) and marker.search(text):
                found.add(relative)
            elif name.endswith((".desktop.in.in", ".metainfo.xml.in.in", ".gschema.xml")):
                found.add(relative)

missing = sorted(found - listed)
stale = sorted(p for p in listed if not os.path.exists(os.path.join(root, p)))
print("1..2")
print(("ok" if not missing else "not ok") + " 1 - every file with translatable text is in po/POTFILES.in")
for path in missing:
    print(f"# missing: {path}")
print(("ok" if not stale else "not ok") + " 2 - every file in po/POTFILES.in exists")
for path in stale:
    print(f"# does not exist: {path}")
sys.exit(1 if missing or stale else 0)
