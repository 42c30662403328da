#!/usr/bin/env bash
# Load on koodrive-sim's files list: first pages of 100 items of the camera folder of a 10 000-file
# library, under wrk on loopback. Prints wrk's figures. Bounded: DURATION seconds (default 10).
# Usage: tests/bench/files-list-load.sh [BUILD_DIR=build/default] [DURATION=10] [CONNECTIONS=8]
set -euo pipefail
build=${1:-build/default}
duration=${2:-10}
connections=${3:-8}
command -v wrk >/dev/null || { echo "wrk is missing: packaging/setup-debian.sh installs it" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill "$sim" 2>/dev/null || true; rm -rf "$work"' EXIT
"$build/bin/koodrive-sim" --port 0 --data-dir "$work/data" --demo 10000 >"$work/out" 2>"$work/log" &
sim=$!
for _ in $(seq 100); do [ "$(wc -l <"$work/out")" -ge 3 ] && break; sleep 0.1; done
url=$(awk '/^url/{print $2}' "$work/out")
user=$(awk '/^user/{print $2}' "$work/out")
token=$(awk '/^token/{print $2}' "$work/out")
date=$(date -u +%Y%m%dT%H%M%SZ)
headers=(-H "Authorization: Bearer $token" -H "X-User-Id: $user" -H "X-Date: $date" -H "Content-Type: application/json")

container=$(curl -sf "${headers[@]}" "$url/koodrive/ose/v1/space/$user?type=1" | sed -E 's/.*"containerId":"([^"]+)".*/\1/')
root=$(curl -sf "${headers[@]}" -d "{\"containerId\":\"$container\",\"parentFileId\":\"root\"}" "$url/koodrive/ose/v1/files/0")
camera=$(echo "$root" | grep -o '"fileName":"Camera"[^}]*"id":"[^"]*"\|"id":"[^"]*"[^{}]*"fileName":"Camera"' | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
body="{\"containerId\":\"$container\",\"parentFileId\":\"$camera\",\"pageInfo\":{\"pageSize\":100},\"sortInfo\":{\"sortType\":3,\"sortDirection\":2},\"imageProcess\":\"image/resize,m_lfit,h_256,w_256\"}"
bytes=$(curl -sf "${headers[@]}" -d "$body" "$url/koodrive/ose/v1/files/0" | wc -c)
echo "one page: 100 files, $bytes bytes of JSON"

cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["X-User-Id"] = "$user"
wrk.headers["X-Date"] = "$date"
wrk.headers["Content-Type"] = "application/json"
function response(status, headers, body)
  if status ~= 200 then io.stderr:write("status " .. status .. "\n") end
end
LUA
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$work/post.lua" "$url/koodrive/ose/v1/files/0"
