#!/bin/sh
# Runs a test against a real Secret Service: a private D-Bus session with an unlocked gnome-keyring,
# in a throwaway HOME so no real keyring is touched.
set -e
HOME=$(mktemp -d)
export HOME
trap 'rm -rf "$HOME"' EXIT
dbus-run-session -- sh -c 'printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@"
