#!/bin/sh
# The output is byte-identical with 1, 2 and 4 threads (and small batches).
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
in="$SRC/tests/gold/sentences.csv"
"$POLYBIUS" code -q --threads 1 "$in" -o "$tmp/t1.csv" || exit 1
"$POLYBIUS" code -q --threads 2 --batch 3 "$in" -o "$tmp/t2.csv" || exit 1
"$POLYBIUS" code -q --threads 4 --batch 1 "$in" -o "$tmp/t4.csv" || exit 1
"$POLYBIUS" code -q --threads 4 "$SRC/corpus/corpus.csv" -o "$tmp/c4.csv" || exit 1
"$POLYBIUS" code -q --threads 1 "$SRC/corpus/corpus.csv" -o "$tmp/c1.csv" || exit 1
cmp "$tmp/t1.csv" "$tmp/t2.csv" && cmp "$tmp/t1.csv" "$tmp/t4.csv" && cmp "$tmp/c1.csv" "$tmp/c4.csv" || exit 1
echo "1, 2 and 4 threads: identical ($(wc -l < "$tmp/t1.csv") lines)"
