#!/bin/sh
# The Reuters-21578 corpus with the Phoenix dictionaries: the run completes
# and its counts reconcile (documents read = coded + rejected).
set -u
C="$SHARED/corpora/reuters21578.jsonl"; P="$SHARED/third_party/petrarch"
if [ ! -f "$C" ] || [ ! -d "$P" ]; then echo "../shared/corpora or ../shared/third_party is absent"; exit 77; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$POLYBIUS" code "$C" --actors "$P/Phoenix.Countries.actors.txt" --actors "$P/Phoenix.International.actors.txt" \
    --actors "$P/Phoenix.MilNonState.actors.txt" --agents "$P/Phoenix.agents.txt" \
    --verbs "$P/CAMEO.verbpatterns.150430.txt" --discards "$P/Phoenix.discards.txt" --issues "$P/Phoenix.IssueCoding.txt" \
    --options /dev/null --no-text -o "$tmp/events.csv" --rejects "$tmp/rejects.csv" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
cat "$tmp/err"
sum=$(grep '^polybius: [0-9]* documents read' "$tmp/err")
read=$(echo "$sum" | sed 's/^polybius: \([0-9]*\) documents read.*/\1/')
coded=$(echo "$sum" | sed 's/.*read: \([0-9]*\) coded.*/\1/')
rej=$(echo "$sum" | sed 's/.*coded, \([0-9]*\) rejected.*/\1/')
events=$(echo "$sum" | sed 's/.*; \([0-9]*\) events$/\1/')
[ "$read" -eq 19779 ] && [ $((coded + rej)) -eq "$read" ] && [ $(($(wc -l < "$tmp/rejects.csv") - 1)) -eq "$rej" ] &&
    [ $(($(wc -l < "$tmp/events.csv") - 1)) -eq "$events" ]
