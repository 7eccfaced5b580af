#!/bin/sh
# The command line: every subcommand has --help (exit 0), the codebook,
# explain and lookup work with the bundled dictionaries.
set -u
fail=0
for c in code validate explain eval codebook aggregate; do
    "$POLYBIUS" $c --help >/dev/null 2>&1 || { echo "$c --help failed"; fail=1; }
done
"$POLYBIUS" --help | grep -q '^Usage: polybius COMMAND' || { echo "no usage"; fail=1; }
"$POLYBIUS" --version | grep -q '^polybius [0-9]' || { echo "no version"; fail=1; }
"$POLYBIUS" dict --help | grep -q lint || { echo "dict --help"; fail=1; }
n=$("$POLYBIUS" codebook | wc -l)
[ "$n" -eq 318 ] || { echo "codebook has $n lines"; fail=1; }
"$POLYBIUS" codebook | grep -q '^"036","Express intent to meet or negotiate","03",1,4.0$' || { echo "codebook 036 row"; fail=1; }
"$POLYBIUS" explain --date 2026-01-08 "Colombian President Gustavo Petro condemned the U.S. raid on Venezuela." >"${TMPDIR:-/tmp}/explain.$$" 2>&1
grep -q 'Result: coded' "${TMPDIR:-/tmp}/explain.$$" || { echo "explain:"; cat "${TMPDIR:-/tmp}/explain.$$"; fail=1; }
grep -q 'COLGOV USA 111' "${TMPDIR:-/tmp}/explain.$$" || { echo "explain did not code COLGOV USA 111"; fail=1; }
rm -f "${TMPDIR:-/tmp}/explain.$$"
"$POLYBIUS" dict lookup --date 2022-05-01 "Donald Trump" | grep -q -- '-> USAELI' || { echo "lookup Trump 2022"; fail=1; }
"$POLYBIUS" dict lookup --date 2019-05-01 "Donald Trump" | grep -q -- '-> USAGOV' || { echo "lookup Trump 2019"; fail=1; }
exit $fail
