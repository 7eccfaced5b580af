#!/bin/sh
# The bundled dictionaries lint clean (no errors, no warnings), every
# ISO 3166-1 alpha-3 code of Debian's iso-codes appears in the country
# dictionary (or is listed in dictionaries/README.md as mapped elsewhere,
# with the reason), and the counts are those the README states.
set -u
fail=0
"$POLYBIUS" dict lint "$SRC/dictionaries" >"${TMPDIR:-/tmp}/lint.$$" 2>&1
rc=$?
tail -n 1 "${TMPDIR:-/tmp}/lint.$$"
[ $rc -eq 0 ] || { echo "dict lint: exit $rc"; head -20 "${TMPDIR:-/tmp}/lint.$$"; fail=1; }
grep -q '^0 errors, 0 warnings$' "${TMPDIR:-/tmp}/lint.$$" || { echo "the bundled dictionaries have warnings:"; head -20 "${TMPDIR:-/tmp}/lint.$$"; fail=1; }
rm -f "${TMPDIR:-/tmp}/lint.$$"
iso=/usr/share/iso-codes/json/iso_3166-1.json
if [ -f "$iso" ]; then
    python3 - "$iso" "$SRC/dictionaries/countries.actors.txt" "$SRC/dictionaries/README.md" <<'PY' || fail=1
import json, re, sys
iso = [c["alpha_3"] for c in json.load(open(sys.argv[1]))["3166-1"]]
codes = set(re.findall(r"\[([A-Z]{3})[A-Z]*[ \]/<>0-9-]", open(sys.argv[2]).read()))
readme = open(sys.argv[3]).read()
# "ISO XXX is coded YYY: reason" lines in the README's mapping section
mapped = set(re.findall(r"^\| *`?([A-Z]{3})`? *\| *`?[A-Z]{3}`? *\|", readme, re.M))
missing = [c for c in iso if c not in codes and c not in mapped]
print("ISO 3166-1: %d alpha-3 codes, %d coded directly, %d mapped elsewhere (README), %d missing"
      % (len(iso), len([c for c in iso if c in codes]), len([c for c in iso if c not in codes and c in mapped]), len(missing)))
if missing:
    print("missing:", " ".join(missing))
    sys.exit(1)
PY
else
    echo "iso-codes is not installed: the ISO coverage check is skipped"
fi
exit $fail
