#!/usr/bin/env bash
# Builds the fuzzers with clang and runs each for SECONDS (default 3) on its seed corpus: the response
# parsers on the pages' example responses (seeds/), koodrive-sim's request handling on the pages' example
# requests (seeds-sim/), the bounded reader on sequences of lengths and pieces (seeds-bounded/), the upload
# parts' HTTP answer reader on storage answers (seeds-http/), local file names on hostile names
# (seeds-names/). Prints the executions run; fails on any crash or sanitizer report.
# Usage: tests/fuzz/run-fuzzers.sh BUILD_DIR [SECONDS]
set -euo pipefail
source_dir=$(cd "$(dirname "$0")" && pwd)
build_dir=$1
seconds=${2:-3}
cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
if ! log=$(cmake --build "$build_dir" 2>&1); then echo "$log" | tail -30; exit 1; fi
# Two at a time on two cores (one per core): each runs alone in its process, so the runs do not touch.
at_once=$(nproc 2>/dev/null || echo 1)
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
names=()
# fuzz NAME PROGRAM SEEDS: runs PROGRAM for SECONDS on a copy of SEEDS; its output in $results/NAME.log,
# and $results/NAME.ok when it found nothing.
fuzz() {
    local name=$1 program=$2 seeds=$3 corpus
    corpus=$(mktemp -d)
    cp "$seeds"/* "$corpus"/
    if (cd "$corpus" && "$program" -max_total_time="$seconds" -timeout=5 -print_final_stats=1 \
            -artifact_prefix="$build_dir/$name-" "$corpus") >"$results/$name.log" 2>&1; then
        touch "$results/$name.ok"
    fi
    rm -rf "$corpus"
}
# run NAME PROGRAM SEEDS: starts fuzz in the background once fewer than $at_once runs are going.
run() {
    while [ "$(jobs -rp | wc -l)" -ge "$at_once" ]; do wait -n || true; done
    fuzz "$@" &
    names+=("$1")
}
# One program fuzzes every response parser; the environment names the parser (fuzz_response_parser.cpp).
for parser in albumPage createdAlbumId filePage file albumContents downloadLinks space shareFolders session \
        createdUpload partUrls createdFolder renamedFileName jobId jobDetail jobPage starBatch starredPage searchPage; do
    KOODRIVE_FUZZ_PARSER=$parser run "fuzz_$parser" "$build_dir/fuzz_responses" "$source_dir/seeds"
done
run fuzz_bounded_body "$build_dir/fuzz_bounded_body" "$source_dir/seeds-bounded"
run fuzz_http_answer "$build_dir/fuzz_http_answer" "$source_dir/seeds-http"
run fuzz_local_names "$build_dir/fuzz_local_names" "$source_dir/seeds-names"
run fuzz_sim_request "$build_dir/fuzz_sim_request" "$source_dir/seeds-sim"
wait
# Each run's result, in the order they were started; any crash or sanitizer report fails the whole.
total=0
for name in "${names[@]}"; do
    if [ ! -e "$results/$name.ok" ]; then
        tail -60 "$results/$name.log"
        echo "$name found a failure" >&2
        exit 1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$results/$name.log")
    echo "$name: $runs executions in ${seconds} s"
    total=$((total + runs))
done
echo "fuzzing: $total executions in all"
