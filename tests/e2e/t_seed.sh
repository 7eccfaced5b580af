#!/bin/sh
# The seed story, coded with the bundled dictionaries, yields the events a
# careful CAMEO coder records (corpus/01-trump-invites-petro.expected.csv):
# the invitation, the accusations, the threats of military action, the
# sanctions, the capture of Maduro, Petro's condemnation and threat, the
# aid and the continued cooperation.
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$POLYBIUS" code -q "$SRC/corpus/corpus.csv" -o "$tmp/events.csv" || exit 1
awk -F'","|",|,"' '$1 ~ /01-trump-invites-petro/' "$tmp/events.csv" >"$tmp/seed.csv"
n=$(wc -l < "$tmp/seed.csv")
echo "seed story: $n events"
# has SOURCE_REGEX TARGET_REGEX CODE_REGEX DESCRIPTION
fail=0
has() {
    if python3 - "$tmp/seed.csv" "$1" "$2" "$3" <<'PY'
import csv, re, sys
rows = list(csv.reader(open(sys.argv[1])))
src, tgt, code = sys.argv[2:5]
sys.exit(0 if any(re.fullmatch(src, r[3]) and re.fullmatch(tgt, r[6]) and re.fullmatch(code, r[9]) for r in rows) else 1)
PY
    then echo "  ok   $4"; else echo "  MISS $4 ($1 -> $2, $3)"; fail=1; fi
}
has USAGOV COLGOV '036|04.' "the invitation (USAGOV -> COLGOV, 036 or 04x)"
has USAGOV COLGOV '112.?' "the accusations (112)"
has 'USA(GOV)?' 'COL(GOV)?' '13.' "the threats of military action (13x)"
has USAGOV COLGOV 163 "the sanctions (163)"
has 'USA(GOV|MIL)?' 'VEN(GOV)?' 173 "the capture of Maduro (173)"
has COLGOV 'USA(GOV|MIL)?' 111 "Petro's condemnation (111)"
has COLGOV 'USA(GOV|MIL)?|COL' '13.' "Petro's threat (13x)"
has 'USA(GOV)?' 'COL(GOV)?' '07.' "the aid (07x)"
has 'COL(GOV)?|USA(GOV)?' 'USA(GOV)?|COL(GOV)?' '06.' "the continued cooperation (06x)"
exit $fail
