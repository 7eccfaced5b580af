#!/bin/sh
# Scale-out: a corpus coded three ways - one process; --shard 1/3, 2/3 and
# 3/3 concatenated; GNU parallel --pipe over a stream filter - gives the
# same events once sorted.
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
in="$SRC/tests/gold/sentences.csv"
# a JSON Lines copy of the gold sentences: a line-oriented stream to split
python3 - "$in" "$tmp/in.jsonl" <<'PY'
import csv, json, sys
with open(sys.argv[2], "w") as out:
    for r in csv.DictReader(open(sys.argv[1], newline="")):
        out.write(json.dumps(r) + "\n")
PY
"$POLYBIUS" code -q --no-text "$tmp/in.jsonl" -o "$tmp/one.csv" || exit 1
: > "$tmp/shards.csv"
for i in 1 2 3; do
    "$POLYBIUS" code -q --no-text --shard $i/3 "$tmp/in.jsonl" -o "$tmp/s$i.csv" || exit 1
    tail -n +2 "$tmp/s$i.csv" >> "$tmp/shards.csv"
done
tail -n +2 "$tmp/one.csv" | sort > "$tmp/one.sorted"
sort "$tmp/shards.csv" > "$tmp/shards.sorted"
cmp "$tmp/one.sorted" "$tmp/shards.sorted" || { echo "shards differ from one process"; exit 1; }
echo "--shard 1/3..3/3: $(wc -l < "$tmp/one.sorted") events, identical to one process"
for i in 1 2 3; do [ "$(wc -l < "$tmp/s$i.csv")" -gt 1 ] || { echo "shard $i is empty"; exit 1; }; done
if ! command -v parallel >/dev/null 2>&1; then
    echo "GNU parallel is not installed (.ci/run installs it): the parallel --pipe part is skipped"
    exit 0
fi
parallel --will-cite --pipe --block 5k -j 3 "$POLYBIUS" code -q --no-text --input-format jsonl - < "$tmp/in.jsonl" \
    | grep -v '^doc_id,' | sort > "$tmp/parallel.sorted"
cmp "$tmp/one.sorted" "$tmp/parallel.sorted" || { echo "GNU parallel --pipe differs from one process"; exit 1; }
echo "GNU parallel --pipe --block 5k -j 3: identical"
