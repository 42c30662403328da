#!/bin/bash
# Takes the README's and the AppStream screenshots of the demo library in a real X window (Xvfb), as a
# person would make them: open the camera folder, the new-album dialog, a drag onto an album, the viewer.
# Needs Xvfb, xdotool and ImageMagick's import. Usage:
#   packaging/screenshots/take.sh build/default/bin/koodrive-albums [OUT_DIR] [extra app arguments]
# LANGUAGE/LC_ALL pick the language (e.g. LC_ALL=zh_CN.UTF-8 for the Chinese screenshots).
set -eu
app=$(realpath "$1")
out=$(realpath -m "${2:-$(dirname "$0")}")
shift $(($# >= 2 ? 2 : 1))
mkdir -p "$out"
scratch=$(mktemp -d)
export HOME=$scratch XDG_RUNTIME_DIR=$scratch/run XDG_CONFIG_HOME=$scratch/config XDG_CACHE_HOME=$scratch/cache
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display
cleanup() { kill "${appPid:-}" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$scratch"; }
trap cleanup EXIT
sleep 1
"$app" --open Camera "$@" >"$scratch/app.log" 2>&1 &
appPid=$!
window=""
for _ in $(seq 50); do
    window=$(xdotool search --onlyvisible --class koodrive-albums 2>/dev/null | head -1) && [ -n "$window" ] && break
    sleep 0.2
done
[ -n "$window" ] || { echo "the window did not appear" >&2; cat "$scratch/app.log" >&2; exit 1; }
xdotool windowmove "$window" 0 0 windowsize "$window" 1280 800
sleep 2
shot() { import -window root "$out/$1.png"; echo "$out/$1.png"; }

# The camera folder (--open Camera).
sleep 1
shot main-window

# Save to…: three photos selected, Ctrl+S, a folder typed in the dialog; the Transfers panel once saved.
mkdir -p "$scratch/Saved"
xdotool mousemove 360 180 click 1
xdotool keydown ctrl mousemove 530 180 click 1 mousemove 700 180 click 1 keyup ctrl
sleep 0.8
xdotool key ctrl+s
sleep 1.5
xdotool key ctrl+a
xdotool type --delay 20 "$scratch/Saved"
xdotool key Return
sleep 4
shot save-to-transfers
xdotool mousemove 640 788 click 1 # the window focused again (no window manager), then the panel away
sleep 0.3
xdotool key ctrl+j
sleep 0.5

# A multi-selection dragged over an album: press on a photo, move in steps, and hold over the album.
xdotool mousemove 360 180 click 1
xdotool keydown ctrl mousemove 530 180 click 1 mousemove 700 180 click 1 keyup ctrl
sleep 0.8 # (not a double-click)
xdotool mousemove 700 180 mousedown 1
for step in $(seq 1 12); do xdotool mousemove $((700 - step * 50)) $((180 - step * 3)); sleep 0.05; done
xdotool mousemove 90 160; sleep 0.3; xdotool mousemove 92 162; sleep 0.5
shot drag-onto-album
xdotool mousemove 90 315; sleep 0.3; xdotool mousemove 92 317; sleep 0.5
shot drag-refused-by-collection
xdotool key Escape mouseup 1
sleep 0.5

# The viewer: a double-click on the second photo.
xdotool mousemove 530 180 click --repeat 2 --delay 80 1
sleep 3
shot viewer
# Its info panel (I): what the server has for the photo, and the folder it is in.
xdotool key i
sleep 1
shot viewer-info
xdotool key i
sleep 0.3
# Full screen (F11): the viewer alone (without a window manager the window keeps its size).
xdotool key F11
sleep 1.5
shot viewer-full-screen
xdotool key Escape
sleep 0.5
xdotool key Escape
sleep 0.5

# A video playing: up to My drive (Alt+Up), the Videos folder (the sixth tile, on the second row), its first
# video, a few seconds in; then back to Camera (the first tile of My drive).
xdotool key alt+Up
sleep 2
xdotool mousemove 360 370 click --repeat 2 --delay 80 1
sleep 2.5
xdotool mousemove 360 180 click --repeat 2 --delay 80 1
sleep 2.5
xdotool mousemove 700 400
sleep 0.5
shot video-playing
xdotool key Escape
sleep 0.5
xdotool key alt+Up
sleep 2
xdotool mousemove 360 180 click --repeat 2 --delay 80 1
sleep 2.5

# The new-album dialog, a collection being chosen.
xdotool key ctrl+n
sleep 1
xdotool type --delay 30 "Summer 2026"
sleep 0.5
shot new-album-dialog
xdotool key Escape
sleep 0.5
# The same dialog for a collection: the folders of the drive's top, photos and videos. (Without a window
# manager the closed dialog leaves no window focused: a click on the status bar gives it back.)
xdotool mousemove 640 788 click 1
sleep 0.3
xdotool key ctrl+n
sleep 1
xdotool type --delay 30 "Trips and pictures"
xdotool key alt+c
sleep 1
xdotool key Tab Tab Tab Right
sleep 1
xdotool key Tab Down Down space Down space
sleep 0.5
sleep 0.5
shot new-collection-dialog
xdotool key Escape
sleep 0.5

# A drop from the file manager onto an album: a second program (the file manager's stand-in, built beside
# the app as a test helper) drags six photos from its window onto "My albums"' first album; then the
# Transfers panel while they upload. The photos are big, so that the panel catches them under way.
standIn=$(dirname "$app")/koodrive-file-manager-stand-in
if [ -x "$standIn" ]; then
    photos=()
    for i in 1 2 3 4 5 6; do
        head -c $((90 * 1024 * 1024)) /dev/urandom >"$scratch/IMG_20$i.jpg"
        photos+=("$scratch/IMG_20$i.jpg")
    done
    xdotool mousemove 640 788 click 1
    "$standIn" --at 1060,600 "${photos[@]}" >"$scratch/stand-in.log" 2>&1 &
    sleep 1.5
    xdotool mousemove 1160 670 mousedown 1
    for step in $(seq 1 14); do xdotool mousemove $((1160 - step * 76)) $((670 - step * 36)); sleep 0.05; done
    xdotool mousemove 90 160; sleep 0.3; xdotool mousemove 92 162; sleep 0.6
    shot drop-from-file-manager
    xdotool mouseup 1
    sleep 1.2
    shot transfers-panel
fi

# "Send to" while the app is open: a second start hands the saved photos to the window, which opens the
# album and says in the upload summary where they go; Change folder… opens the folder chooser.
if ls "$scratch"/Saved/*/*.jpg >/dev/null 2>&1 || ls "$scratch"/Saved/*.jpg >/dev/null 2>&1; then
    xdotool mousemove 640 788 click 1
    "$app" "$@" --album "Best of 2024" $(ls "$scratch"/Saved/*.jpg "$scratch"/Saved/*/*.jpg 2>/dev/null | head -3) \
        >"$scratch/second.log" 2>&1
    sleep 3
    shot upload-summary
    xdotool mousemove 1185 109 click 1 # Change folder…, at the bar's right end
    sleep 2
    xdotool mousemove 640 400
    shot album-upload-folder
    xdotool key Escape
fi
