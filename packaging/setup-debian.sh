#!/usr/bin/env bash
# Installs the Debian 12 packages KooDrive Albums needs to build, test and run.
# Idempotent: installs only what is missing, and says nothing when everything is present.
# Package list: ../shared/QT-6.4-NOTES.md ("Packages").
set -euo pipefail

packages=(
  # toolchain; clang and its runtime for the libFuzzer targets (tests/fuzz)
  cmake g++ ninja-build pkg-config clang libclang-rt-14-dev
  # Qt 6.4 (Widgets, Network, Test, HttpServer, Sql, Svg, tools)
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-httpserver-dev
  qt6-websockets-dev qt6-image-formats-plugins qt6-svg-dev libqt6sql6-sqlite
  qtkeychain-qt6-dev libxkbcommon-dev libgl-dev
  # libcrypto's SHA-256 for uploads (app/core/transfers/FileHasher)
  libssl-dev
  # zlib for the tests' gzip bombs (tests/support/HostileServer)
  zlib1g-dev
  # Qt's own translations (the app in Chinese), and the packaging checks: desktop-file-validate,
  # appstreamcli, dpkg-shlibdeps for CPack's .deb
  qt6-translations-l10n desktop-file-utils appstream dpkg-dev
  # running the app and taking screenshots under a virtual X server
  xvfb xauth x11-utils
  # load measurements (see README, Performance)
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
