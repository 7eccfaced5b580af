#!/bin/sh
# Every reader and writer end to end on small files of each format, each
# with malformed records: the bad records land in the rejects file with
# their reason, the rest is coded, and the summary reconciles
# (documents read = coded + rejected).
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
D="$SRC/tests/e2e/data"
fail=0
check() { # name expected_read expected_rejected -- polybius args
    name=$1; want_read=$2; want_rej=$3; shift 4
    "$POLYBIUS" code "$@" --rejects "$tmp/$name.rej" -o "$tmp/$name.out" 2>"$tmp/$name.err"
    rc=$?
    sum=$(grep '^polybius: [0-9]* documents read' "$tmp/$name.err")
    read=$(echo "$sum" | sed 's/^polybius: \([0-9]*\) documents read.*/\1/')
    coded=$(echo "$sum" | sed 's/.*read: \([0-9]*\) coded.*/\1/')
    rej=$(echo "$sum" | sed 's/.*coded, \([0-9]*\) rejected.*/\1/')
    rejrows=$(($(wc -l < "$tmp/$name.rej") - 1))
    if [ $rc -ne 0 ] || [ "$read" != "$want_read" ] || [ "$rej" != "$want_rej" ] || [ $((coded + rej)) -ne "$read" ] || [ "$rejrows" -ne "$rej" ]; then
        echo "$name: exit $rc, read $read coded $coded rejected $rej (rejects file: $rejrows rows); expected $want_read read, $want_rej rejected"
        cat "$tmp/$name.err"; cat "$tmp/$name.rej"; fail=1
    else
        echo "$name: $read read = $coded coded + $rej rejected; $(($(wc -l < "$tmp/$name.out") - 1)) events"
    fi
}
check csv 5 2 -- "$D/sample.csv" --keep-columns outlet
check tsv 3 1 -- "$D/sample.tsv"
check jsonl 5 3 -- "$D/sample.jsonl"
check tabari 3 1 -- "$D/sample.text" --input-format tabari
check xml 3 1 -- "$D/sample.xml"
check docs 3 1 -- "$D/docs"
check docs-dated 3 0 -- "$D/docs" --date 2025-03-01
check stdin 5 3 -- --input-format jsonl - < "$D/sample.jsonl"

# the reasons are specific
grep -q 'row has 2 fields; the header has 4' "$tmp/csv.rej" || { echo "csv: ragged row reason"; fail=1; }
grep -q "unreadable date '2025-02-30'" "$tmp/csv.rej" || { echo "csv: date reason"; fail=1; }
grep -q "field 'text' is a number, expected a string" "$tmp/jsonl.rej" || { echo "jsonl: type reason"; fail=1; }
grep -q "not a JSON object" "$tmp/jsonl.rej" || { echo "jsonl: array reason"; fail=1; }
grep -q "unreadable date '250399'" "$tmp/tabari.rej" || { echo "tabari: date reason"; fail=1; }
# --keep-columns carries the outlet, quoted, as the last column
head -n 1 "$tmp/csv.out" | grep -q ',text,outlet$' || { echo "csv: no outlet column"; fail=1; }
grep -q '"Wire ""C"""$' "$tmp/csv.out" || { echo "csv: outlet value not carried"; fail=1; }

# the three output formats carry the same events
"$POLYBIUS" code -q "$D/sample.jsonl" --format tsv -o "$tmp/j.tsv"
"$POLYBIUS" code -q "$D/sample.jsonl" --format jsonl -o "$tmp/j.jsonl"
"$POLYBIUS" code -q "$D/sample.jsonl" --format csv --no-text -o "$tmp/j.csv"
python3 - "$tmp/j.csv" "$tmp/j.tsv" "$tmp/j.jsonl" <<'PY' || fail=1
import csv, json, sys
c = list(csv.DictReader(open(sys.argv[1], newline='')))
t = list(csv.DictReader(open(sys.argv[2], newline=''), delimiter='\t', quoting=csv.QUOTE_NONE))
j = [json.loads(l) for l in open(sys.argv[3])]
key = lambda r: (r['doc_id'], str(r['sentence']), r['source'] or '', r['target'] or '', r['code'])
assert len(c) == len(t) == len(j) and len(c) > 0, (len(c), len(t), len(j))
assert [key(r) for r in c] == [key(r) for r in t] == [key(r) for r in j]
assert 'text' not in c[0] and 'text' in t[0] and 'text' in j[0]
assert all(isinstance(r['sentence'], int) for r in j)
print("csv, tsv and jsonl agree on %d events" % len(c))
PY
exit $fail
