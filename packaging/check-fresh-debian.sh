#!/usr/bin/env bash
# Proves README's two commands on a bare Debian 12: builds a minimal root with debootstrap
# (--variant=minbase, plus what a person who clones a C++ project has: build-essential, cmake, ninja-build,
# git, ca-certificates, python3), clones this checkout's HEAD into it, and runs there
#   1. README's test command (setup, default workflow, asan workflow), and
#   2. README's first command (build and open the app), offscreen, checking that the app starts and stays up.
# Run by hand, as root, with network access to a Debian mirror; not part of CI (it takes about an hour on two
# cores). Usage: packaging/check-fresh-debian.sh [WORK_DIR] [MIRROR]
# The root is kept in WORK_DIR (default /var/tmp/koodrive-fresh-debian) for a look afterwards; a second run
# makes it anew. Prints the outcome and the time of each step.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/var/tmp/koodrive-fresh-debian}
mirror=${2:-http://deb.debian.org/debian}
root=$work/root

[ "$(id -u)" -eq 0 ] || { echo "run as root (debootstrap and chroot need it)" >&2; exit 2; }
command -v debootstrap >/dev/null || apt-get install -y -qq --no-install-recommends debootstrap >/dev/null

cleanup() {
  for m in proc sys dev/pts dev; do umount -l "$root/$m" 2>/dev/null || true; done
}
trap cleanup EXIT
cleanup
rm -rf "$root"
mkdir -p "$work"

step() { echo "== $1 ($(date -u +%H:%M:%S))"; }
started=$(date +%s)
step "debootstrap bookworm (minbase) into $root"
debootstrap --variant=minbase --include=build-essential,cmake,ninja-build,git,ca-certificates,python3 \
  bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || { tail -30 "$work/debootstrap.log"; exit 1; }
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"
echo "deb $mirror bookworm main" >"$root/etc/apt/sources.list"

step "clone HEAD ($(git -C "$here" rev-parse --short HEAD)) into the root"
git clone -q "$here" "$root/src/koodrive-albums"

run() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 bash -c "$1"; }

# README's test command, word for word (read from README so that the two cannot drift apart).
test_command=$(grep -m1 -F 'packaging/setup-debian.sh && cmake --workflow --preset default' "$here/README.md")
step "README's test command: $test_command"
t0=$(date +%s)
if run "cd /src/koodrive-albums && $test_command" >"$work/test-command.log" 2>&1; then
  test_result=passed
else
  test_result=FAILED
fi
t1=$(date +%s)
tail -25 "$work/test-command.log"
echo "test command: $test_result in $(((t1 - t0) / 60)) min $(((t1 - t0) % 60)) s (log: $work/test-command.log)"

# README's first command, with the app started offscreen and stopped after 15 s if it is still up.
# In a clone of its own, so that it builds from nothing as a person's first try would.
app_command=$(grep -m1 -E '^packaging/setup-debian.sh && cmake --preset default && .*build/default/bin/koodrive-albums$' "$here/README.md")
git clone -q "$here" "$root/src/app-check"
step "README's first command, offscreen: $app_command"
t0=$(date +%s)
if run "cd /src/app-check && export QT_QPA_PLATFORM=offscreen && ${app_command%build/default/bin/koodrive-albums} timeout 15 build/default/bin/koodrive-albums --demo 500; test \$? -eq 124" \
    >"$work/app-command.log" 2>&1; then
  app_result="passed (up for 15 s)"
else
  app_result=FAILED
fi
t1=$(date +%s)
tail -10 "$work/app-command.log"
echo "app command: $app_result in $((t1 - t0)) s (log: $work/app-command.log)"
echo "total: $((($(date +%s) - started) / 60)) min"
[ "$test_result" = passed ] && [ "$app_result" = "passed (up for 15 s)" ]
