#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring Secret Service, so the
# keychain tests use a real OS keychain on headless machines (CI). Usage: dbus-run-session -- sh scripts/with-keyring.sh CMD...
set -eu
keyring_home=$(mktemp -d)
export XDG_DATA_HOME="$keyring_home"
# The login keyring is created unlocked with a throwaway password; it lives only as long as this session.
printf 'odradek-test-keyring' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
export ODRADEK_KEYRING_SESSION=1
status=0
"$@" || status=$?
rm -rf "$keyring_home"
exit $status
