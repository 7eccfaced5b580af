#!/bin/sh
# End-to-end tests: run every tests/e2e/t_*.sh with the binary in $POLYBIUS.
# A test exits 0 (pass), 77 (skipped, and says why) or anything else (fail).
set -u
here=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$here/../.." && pwd)
SHARED="$SRC/../shared"
export SRC SHARED POLYBIUS
pass=0; fail=0; skip=0; failed=""
for t in "$here"/t_*.sh; do
    name=$(basename "$t" .sh)
    out=$(sh "$t" 2>&1)
    rc=$?
    if [ $rc -eq 0 ]; then
        pass=$((pass + 1)); echo "PASS $name"
    elif [ $rc -eq 77 ]; then
        skip=$((skip + 1)); echo "SKIP $name: $(printf '%s\n' "$out" | tail -1)"
    else
        fail=$((fail + 1)); failed="$failed $name"
        echo "FAIL $name"; printf '%s\n' "$out" | sed 's/^/    /' | tail -40
    fi
    [ -n "$out" ] && [ $rc -eq 0 ] && printf '%s\n' "$out" | sed 's/^/    /'
done
echo "e2e: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
