#!/usr/bin/env bash
# Runs a program with a real Secret Service of its own, as a desktop session has one: a private D-Bus
# session bus (dbus-run-session) with GNOME Keyring in it, whose login keyring is made in a scratch home and
# unlocked with the test password (KOODRIVE_TEST_KEYRING_PASSWORD, given to the program too). Nothing of the
# machine's own session or keyrings is touched; the bus and the daemon end with the program.
# Usage: with-keyring.sh PROGRAM [ARGUMENTS...]
set -euo pipefail
if [ -z "${KOODRIVE_IN_TEST_KEYRING:-}" ]; then
    export KOODRIVE_IN_TEST_KEYRING=1
    # dbus-daemon may say it cannot raise its file limit (an unprivileged container): nothing to act on.
    exec dbus-run-session -- "$0" "$@" 2> >(grep -v --line-buffered 'Failed to set fd limit' >&2)
fi
scratch=$(mktemp -d "${TMPDIR:-/tmp}/koodrive-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_CACHE_HOME="$HOME/.cache"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export KOODRIVE_TEST_KEYRING_PASSWORD=koodrive-test-keyring
# --unlock reads the password on stdin and makes the login keyring with it (the default collection).
eval "$(printf '%s' "$KOODRIVE_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
