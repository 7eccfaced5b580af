#!/bin/sh
# make eval: code the gold-standard sentences (tests/gold/sentences.csv)
# with the bundled dictionaries and score them against tests/gold/gold.csv
# (strict and lenient precision, recall and F1, per CAMEO root). See
# docs/gold-standard.md for how the gold was made and what the scores mean.
# SHOW=1 lists every missed and extra event.
set -u
BIN=${1:-build/polybius}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$BIN" code -q --input-format csv "$here/sentences.csv" -o "$tmp/events.csv" || exit 1
if [ "${SHOW:-0}" = 1 ]; then
    "$BIN" eval --show --gold "$here/gold.csv" "$tmp/events.csv"
else
    "$BIN" eval --gold "$here/gold.csv" "$tmp/events.csv"
fi
