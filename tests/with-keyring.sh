#!/bin/sh
# Runs a test against a real gnome-keyring-daemon: a private D-Bus session and a throwaway HOME,
# with a "login" collection created and unlocked by the password "test".
set -eu
# The Flatpak SDK has no gnome-keyring: say so, and let the file-backend runs stand in.
for program in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$program" >/dev/null 2>&1; then
    echo "1..0 # SKIP needs $program (Debian: dbus, gnome-keyring), which this system lacks; identity-file covers libsecret's file backend"
    exit 0
  fi
done
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# Without DISPLAY no unlock prompt can ever block the run.
unset DISPLAY WAYLAND_DISPLAY
# Not exec'd: the EXIT trap must run to remove the throwaway HOME.
status=0
dbus-run-session -- sh -c 'printf test | env -u G_DEBUG -u MALLOC_CHECK_ -u MALLOC_PERTURB_ gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null 2>&1 && exec "$@"' sh "$@" || status=$?
exit $status
