#!/bin/sh
# SPDX-FileCopyrightText: 2026 The Untrain developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a throwaway folder and starts the installed app from there: it must
# find its resources (the bundled catalog and the UI), its settings schema and its data files.
# Prints TAP.
set -u
build=$1
root=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; rm -rf "$root"' EXIT
pid=

n=0
failed=0
check () { # description, command…
  n=$((n + 1))
  description=$1; shift
  if "$@" >/dev/null 2>&1; then echo "ok $n - $description"; else echo "not ok $n - $description"; failed=1; fi
}

echo "1..11"
check "meson install --destdir succeeds" meson install -C "$build" --destdir "$root/dest" --no-rebuild --quiet
binary=$(find "$root/dest" -path '*/bin/untrain' | head -n 1)
share=$(dirname "$(dirname "${binary:-/nonexistent/x}")")/share
check "the executable is installed" test -x "$binary"
check "the settings schema is installed" test -f "$share/glib-2.0/schemas/io.github.untrain.Untrain.gschema.xml"
check "the desktop file is installed" test -f "$share/applications/io.github.untrain.Untrain.desktop"
check "the metainfo is installed" test -f "$share/metainfo/io.github.untrain.Untrain.metainfo.xml"
check "the app icon is installed" test -f "$share/icons/hicolor/scalable/apps/io.github.untrain.Untrain.svg"
check "the German translation is installed" test -f "$share/locale/de/LC_MESSAGES/untrain.mo"
check "the French translation is installed" test -f "$share/locale/fr/LC_MESSAGES/untrain.mo"
check "the installed binary reads its bundled catalog" "$binary" --list --region=EU

glib-compile-schemas "$share/glib-2.0/schemas" 2>/dev/null
export HOME="$root/home" XDG_DATA_HOME="$root/home/data" XDG_CONFIG_HOME="$root/home/config" XDG_CACHE_HOME="$root/home/cache"
export GSETTINGS_SCHEMA_DIR="$share/glib-2.0/schemas" XDG_DATA_DIRS="$share:/usr/share"
unset G_DEBUG
"$binary" >"$root/app.log" 2>&1 &
pid=$!
# xdotool waits for the window itself; timeout bounds the wait.
check "the installed app opens its window" timeout 30 xdotool search --sync --onlyvisible --name '^Untrain$'
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
check "it started without warnings or criticals" sh -c "! grep -E 'WARNING|CRITICAL' '$root/app.log'"
[ "$failed" -eq 0 ]
