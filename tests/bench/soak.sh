#!/bin/sh
# make soak: the whole Reuters corpus (../shared/corpora/reuters21578.jsonl)
# coded ROUNDS times (default 10) with 2 threads and the Phoenix actors and
# agents with TABARI's CAMEO verbs. Every round must produce byte-identical
# events and rejects, the summary counts must reconcile, and peak memory
# must stay flat (no round more than 10% above the first). Not part of
# make check: it takes a few minutes.
set -u
BIN=${1:-build/polybius}
ROUNDS=${ROUNDS:-10}
tool=soak
. "$(dirname "$0")/setup.sh"
work="$src/build/soak"
rm -rf "$work"
mkdir -p "$work"
fail=0
first_rss=""
r=1
while [ $r -le "$ROUNDS" ]; do
    # shellcheck disable=SC2086 # $phoenix is a list of options
    /usr/bin/time -f "TIME %e %M" "$BIN" code "$corpus" --threads 2 --no-progress $phoenix \
        -o "$work/events.$r.csv" --rejects "$work/rejects.$r.csv" 2>"$work/err.$r" || { cat "$work/err.$r"; exit 1; }
    rss=$(awk '/^TIME/ {print $3}' "$work/err.$r")
    wall=$(awk '/^TIME/ {print $2}' "$work/err.$r")
    summary=$(grep 'documents read' "$work/err.$r")
    docs=$(echo "$summary" | sed 's/^polybius: \([0-9]*\) documents read.*/\1/')
    coded=$(echo "$summary" | sed 's/.*read: \([0-9]*\) coded.*/\1/')
    rej=$(echo "$summary" | sed 's/.*coded, \([0-9]*\) rejected.*/\1/')
    events=$(echo "$summary" | sed 's/.*; \([0-9]*\) events$/\1/')
    lines=$(($(wc -l <"$work/events.$r.csv") - 1))
    status=ok
    [ $((coded + rej)) -eq "$docs" ] && [ "$lines" -eq "$events" ] || { status="counts do not reconcile"; fail=1; }
    if [ $r -gt 1 ]; then
        cmp -s "$work/events.1.csv" "$work/events.$r.csv" && cmp -s "$work/rejects.1.csv" "$work/rejects.$r.csv" ||
            { status="output differs from round 1"; fail=1; }
        [ $((rss * 10)) -le $((first_rss * 11)) ] || { status="peak RSS grew more than 10%"; fail=1; }
        rm -f "$work/events.$r.csv" "$work/rejects.$r.csv"
    else
        first_rss=$rss
    fi
    printf 'round %2d: %s documents, %s events, %s s, peak RSS %s kB: %s\n' "$r" "$docs" "$events" "$wall" "$rss" "$status"
    r=$((r + 1))
done
[ $fail -eq 0 ] && echo "soak: $ROUNDS rounds, identical outputs, flat memory" && rm -rf "$work"
exit $fail
