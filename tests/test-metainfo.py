#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Untrain developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks what appstreamcli cannot check offline: every screenshot in the metainfo is a file of
data/screenshots/ in this repository, published at the project's address, with a caption and a
size software centres show well. Prints TAP."""

import os
import struct
import sys
import xml.etree.ElementTree as ElementTree

RAW_BASE = "https://raw.githubusercontent.com/untrain/Untrain/main/"
HOMEPAGE = "https://github.com/untrain/Untrain"

root, metainfo = sys.argv[1], sys.argv[2]
component = ElementTree.parse(metainfo).getroot()
results = []


def check(ok, description):
    results.append((ok, description))


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", header[16:24])


urls = {url.get("type"): url.text for url in component.findall("url")}
check(urls.get("homepage") == HOMEPAGE, "the homepage is %s (got %r)" % (HOMEPAGE, urls.get("homepage")))
check(all(u and u.startswith(HOMEPAGE) for u in urls.values()),
      "every project URL is under the homepage: %r" % urls)

screenshots = component.findall("screenshots/screenshot")
check(len(screenshots) >= 3, "at least three screenshots (got %d)" % len(screenshots))
check(sum(1 for s in screenshots if s.get("type") == "default") == 1, "exactly one default screenshot")
for screenshot in screenshots:
    image = screenshot.findtext("image") or ""
    caption = screenshot.find("caption")
    check(caption is not None and (caption.text or "").strip() != "", "%s has a caption" % image)
    if not image.startswith(RAW_BASE):
        check(False, "%s is published under %s" % (image, RAW_BASE))
        continue
    relative = image[len(RAW_BASE):]
    path = os.path.join(root, relative)
    check(relative.startswith("data/screenshots/") and os.path.isfile(path),
          "%s is a file in this repository" % relative)
    size = png_size(path) if os.path.isfile(path) else None
    check(size is not None and size[0] >= 620 and size[1] >= 400,
          "%s is a PNG of at least 620x400 (got %r)" % (relative, size))

print("1..%d" % len(results))
for number, (ok, description) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", number, description))
sys.exit(0 if all(ok for ok, _ in results) else 1)
