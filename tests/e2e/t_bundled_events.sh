#!/bin/sh
# The bundled dictionaries code each sentence of tests/dictionaries/events.tsv
# into exactly the events listed beside it (source, target and code, in
# any order). Each row once was miscoded; the table keeps it fixed.
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
table="$SRC/tests/dictionaries/events.tsv"
# the table's rows as a corpus: id, date, text
awk -F'\t' 'BEGIN { OFS = "\t"; print "id", "date", "text" } !/^#/ && NF >= 4 { print $1, $2, $4 }' "$table" >"$tmp/in.tsv"
"$POLYBIUS" code -q --input-format tsv --format tsv --no-text "$tmp/in.tsv" -o "$tmp/events.tsv" || exit 1
python3 - "$table" "$tmp/events.tsv" <<'PY'
import csv, sys
table, events = sys.argv[1], sys.argv[2]
got = {}
with open(events, newline="") as f:
    for r in csv.DictReader(f, delimiter="\t"):
        got.setdefault(r["doc_id"], []).append("%s %s %s" % (r["source"], r["target"], r["code"]))
fail = 0
rows = 0
for line in open(table, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    rid, date, expected, sentence, why = line.rstrip("\n").split("\t")
    rows += 1
    want = sorted(e.strip() for e in expected.split(";") if e.strip())
    have = sorted(got.get(rid, []))
    if want == have:
        print("  ok   %s" % rid)
    else:
        fail = 1
        print("  FAIL %s: expected %s, coded %s (%s)" % (rid, "; ".join(want), "; ".join(have) or "nothing", why))
print("%d sentences, %s" % (rows, "all coded as listed" if not fail else "some miscoded"))
sys.exit(fail)
PY
