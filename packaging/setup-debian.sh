#!/usr/bin/env bash
# Installs the Debian 12 packages KooDrive Albums needs to build, test and run: every program the CMake
# files, the tests and the scripts call is named here with the package that brings it (a minimal Debian,
# e.g. a debootstrap root or a container, has none of them; packaging/check-fresh-debian.sh proves it).
# Idempotent: installs only what is missing, and says nothing when everything is present.
# Package list: ../shared/QT-6.4-NOTES.md ("Packages").
set -euo pipefail

packages=(
  # toolchain: cmake, ninja, g++ (the build), pkg-config; clang and its runtime for the libFuzzer
  # targets (tests/fuzz, run by the test `fuzzers`)
  cmake g++ ninja-build pkg-config clang libclang-rt-14-dev
  # Qt 6.4 (Widgets, Network, Test, HttpServer, Sql, Svg, tools: moc, uic, rcc, lupdate, lrelease)
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-httpserver-dev
  qt6-websockets-dev qt6-image-formats-plugins qt6-svg-dev libqt6sql6-sqlite
  qtkeychain-qt6-dev libxkbcommon-dev libgl-dev
  # libcrypto's SHA-256 for uploads (app/core/transfers/FileHasher)
  libssl-dev
  # zlib for the tests' gzip and PNG bombs (tests/support/HostileServer)
  zlib1g-dev
  # Qt's own translations (the app in Chinese)
  qt6-translations-l10n
  # videos in the viewer: Qt Multimedia on GStreamer (playbin, MP4, HTTP, the H.264/HEVC decoders of
  # -libav, -bad's parsers); ffmpeg makes koodrive-sim's demo clips when it is built (app/sim)
  qt6-multimedia-dev gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-libav ffmpeg
  # the packaging tests: desktop-file-validate, appstreamcli; CPack's .deb generator runs `file` and
  # dpkg-shlibdeps (dpkg-dev); test-deb.sh unpacks with dpkg-deb (dpkg)
  desktop-file-utils appstream dpkg-dev file
  # the GUI tests run offscreen (Qt's own platform plugin, in qt6-base); running the app, the startup
  # benchmark and screenshots under a virtual X server use these
  xvfb xauth x11-utils
  # the cross-process drag-and-drop test (tests/desktop) moves the mouse with xdotool
  xdotool
  # a real Secret Service for the keychain tests (tests/support/with-keyring.sh): a private D-Bus session
  # (dbus-run-session), GNOME Keyring in it, libsecret (which QtKeychain loads to reach it) and secret-tool
  # (the second program that reads what the app stored)
  dbus-daemon gnome-keyring libsecret-1-0 libsecret-tools
  # load: wrk (tst_UnderLoad); curl (the upload benchmark's baseline, README's curl walk)
  wrk curl
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "setup-debian: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
