#!/usr/bin/env bash
# Runs one test program and, when it fails, repeats its failures (Qt Test's FAIL! lines with their
# locations, a sanitizer's summary) at the end of its output: a CI log shown by its head and tail keeps them.
# Usage: recap.sh PROGRAM [ARGUMENTS...]   (CTest's command for every test program; it only reads the output)
set -uo pipefail
log=$(mktemp "${TMPDIR:-/tmp}/recap.XXXXXX")
trap 'rm -f "$log"' EXIT
"$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
    echo "---- what failed in $(basename "$1") (exit $status) ----"
    grep -E -A3 '^FAIL!|^XPASS|^QFATAL' "$log" | grep -v -E '^(QWARN|QDEBUG|QINFO|PASS) ' | head -n 60
    grep -E '^SUMMARY: |^==[0-9]+==ERROR' "$log" | head -n 10
fi
exit "$status"
