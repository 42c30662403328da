#!/usr/bin/env bash
# Builds the .deb with CPack, unpacks it into a scratch root, and checks what a person installing it gets:
# the files where the freedesktop specs expect them (and nothing else), the runtime dependencies (with the
# Qt plugins that dpkg-shlibdeps cannot see), valid desktop and AppStream files, and a packaged program
# that runs. Usage: test-deb.sh BUILD_DIR VERSION APP_ID   (the ctest test packaging_deb)
set -euo pipefail
build=$1 version=$2 id=$3
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

if ! cpack --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1; then
    cat "$scratch/cpack.log"
    exit 1
fi
deb=$(ls "$scratch"/out/*.deb)
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
dpkg-deb -x "$deb" "$scratch/root"

fail=0
expected="./usr/bin/koodrive-albums
./usr/share/applications/$id.desktop
./usr/share/metainfo/$id.metainfo.xml
./usr/share/icons/hicolor/scalable/apps/$id.svg"
for size in 16 22 24 32 48 64 128 256 512; do
    expected+=$'\n'"./usr/share/icons/hicolor/${size}x${size}/apps/$id.png"
done
actual=$(cd "$scratch/root" && find . -type f | sort)
if [ "$actual" != "$(sort <<<"$expected")" ]; then
    echo "the package's files differ from the expected ones:"
    diff <(sort <<<"$expected") <(echo "$actual") || true
    fail=1
fi

control=$(dpkg-deb -f "$deb" Package Version Architecture Depends Section)
echo "$control"
depends=$(dpkg-deb -f "$deb" Depends)
for package in libqt6widgets6 libqt6network6 libqt6sql6 libqt6keychain1 libsecret-1-0 qt6-qpa-plugins libqt6sql6-sqlite \
               libqt6svg6 qt6-image-formats-plugins libqt6multimedia6 gstreamer1.0-plugins-good gstreamer1.0-libav; do
    if ! grep -q "\b$package\b" <<<"$depends"; then
        echo "Depends lacks $package"
        fail=1
    fi
done
grep -q "^Version: $version" <<<"$control" || { echo "the version is not $version"; fail=1; }

desktop-file-validate "$scratch/root/usr/share/applications/$id.desktop" || fail=1
appstreamcli validate --no-net --strict "$scratch/root/usr/share/metainfo/$id.metainfo.xml" >/dev/null || fail=1
grep -q "^Icon=$id$" "$scratch/root/usr/share/applications/$id.desktop" || { echo "Icon= is not $id"; fail=1; }

# The packaged program runs (no display needed for --version) and is the version built.
out=$("$scratch/root/usr/bin/koodrive-albums" --version)
echo "packaged koodrive-albums --version: $out"
grep -q "koodrive-albums $version" <<<"$out" || { echo "unexpected --version: $out"; fail=1; }
exit $fail
