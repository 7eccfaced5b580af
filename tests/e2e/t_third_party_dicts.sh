#!/bin/sh
# The field's published dictionaries load: 'dict lint' exits 0 (warnings
# allowed) on every file of ../shared/third_party (except PETRARCH-2's
# CAMEO.2.0.txt), and 'dict stats' agrees with counts made independently
# here with grep/awk on the raw files, corrected by the entries the lint
# warnings say were skipped.
set -u
T="$SHARED/third_party"
if [ ! -d "$T/petrarch" ] || [ ! -d "$T/tabari" ]; then echo "../shared/third_party is absent"; exit 77; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
for f in "$T"/tabari/*.actors "$T"/tabari/*.verbs "$T"/tabari/*.agents "$T"/tabari/*.options "$T"/tabari/*.project \
         "$T"/petrarch/Phoenix.*.txt "$T"/petrarch/CAMEO.verbpatterns.150430.txt; do
    "$POLYBIUS" dict lint "$f" >"$tmp/lint" 2>"$tmp/err"; rc=$?
    if [ $rc -ne 0 ]; then echo "lint $(basename "$f"): exit $rc"; grep ': error' "$tmp/lint" | head -5; fail=1; fi
done
[ $fail -eq 0 ] && echo "dict lint exits 0 on every third-party dictionary"

# The warnings, by kind, are the justified ones: each is a real defect of
# the published files that the loader repairs or skips as it says.
"$POLYBIUS" dict lint "$T"/petrarch/Phoenix.*.actors.txt "$T"/petrarch/Phoenix.agents.txt \
    "$T"/petrarch/CAMEO.verbpatterns.150430.txt "$T"/petrarch/Phoenix.discards.txt "$T"/petrarch/Phoenix.IssueCoding.txt \
    >"$tmp/lint" 2>/dev/null
sed 's/^[^ ]* warning: //' "$tmp/lint" | sed "s/'[^']*'/Q/g; s/[0-9][0-9]*/N/g; s/at [^ ]*;/at F;/" | sort | uniq -c | sort -rn >"$tmp/kinds"
allowed='indented line is not a code line|synonym set Q is defined but never used|duplicate discard phrase|duplicate actor phrase|duplicate agent phrase|verb form Q is already defined|has no code; it is read as null|date ranges of|issue phrase without a|verb block without a|pattern is the same as|has N digits: read as|more than one code without a date|end date N is before start date|pattern has N Q but|pattern has no Q|pattern without a|stray Q in a phrase|control character|phrase has no letters|without Q, Q or a range|without an open <ISSUE>|verb block has no verbs|Q outside of|text after the code is ignored|missing Q at the end|Q closes a code|has no Q; read as|agent Q has no'
if grep -v -E "$allowed" "$tmp/kinds" | grep -q .; then
    echo "unexpected kinds of warnings:"; grep -v -E "$allowed" "$tmp/kinds"; fail=1
fi

# Independent counts for Phoenix + PETRARCH-1 verbs.
stats() { "$POLYBIUS" dict stats --tsv "$@" 2>/dev/null; }
get() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$tmp/stats"; }
P="$T/petrarch"
stats "$P"/Phoenix.Countries.actors.txt "$P"/Phoenix.International.actors.txt "$P"/Phoenix.MilNonState.actors.txt >"$tmp/stats"
"$POLYBIUS" dict lint "$P"/Phoenix.Countries.actors.txt "$P"/Phoenix.International.actors.txt "$P"/Phoenix.MilNonState.actors.txt >"$tmp/lint" 2>/dev/null
# entries: lines that are not comments, synonyms (+), code lines ([...]) or tags
heads=$(cat "$P"/Phoenix.Countries.actors.txt "$P"/Phoenix.International.actors.txt "$P"/Phoenix.MilNonState.actors.txt |
        tr -d '\r' | awk '!/^[ \t]*$/ && !/^[ \t]*#/ && !/^\+/ && !/^[ \t]*\[/ && !/^</' | wc -l)
syns=$(cat "$P"/Phoenix.Countries.actors.txt "$P"/Phoenix.International.actors.txt "$P"/Phoenix.MilNonState.actors.txt |
       tr -d '\r' | grep -c '^+')
dups=$(grep -c 'duplicate actor phrase' "$tmp/lint")
empty=$(grep -c 'phrase has no letters' "$tmp/lint")
actors=$(get actors); phrases=$(get actor_phrases)
echo "Phoenix actors: $heads entries, $syns synonyms by grep; stats: $actors actors, $phrases phrases ($dups duplicates and $empty unmatchable phrases skipped)"
[ "$actors" -eq "$heads" ] || { echo "actors: stats $actors != grep $heads"; fail=1; }
[ "$phrases" -eq $((heads + syns - dups - empty)) ] || { echo "actor phrases: stats $phrases != $heads + $syns - $dups - $empty"; fail=1; }

stats "$P"/CAMEO.verbpatterns.150430.txt >"$tmp/stats"
"$POLYBIUS" dict lint "$P"/CAMEO.verbpatterns.150430.txt >"$tmp/lint" 2>/dev/null
plines=$(tr -d '\r' < "$P"/CAMEO.verbpatterns.150430.txt | grep '^-' | grep -c -v '^---')
skipped=$(grep -c -E 'pattern skipped|pattern is the same as' "$tmp/lint")
patterns=$(get patterns)
synsets=$(tr -d '\r' < "$P"/CAMEO.verbpatterns.150430.txt | grep -c '^&')
echo "PETRARCH-1 verbs: $plines pattern lines by grep, $skipped skipped by the loader; stats: $patterns patterns, $(get synsets) synsets ($synsets by grep)"
[ "$patterns" -eq $((plines - skipped)) ] || { echo "patterns: stats $patterns != $plines - $skipped"; fail=1; }
[ "$(get synsets)" -eq "$synsets" ] || { echo "synsets differ"; fail=1; }

stats "$P"/Phoenix.agents.txt >"$tmp/stats"
"$POLYBIUS" dict lint "$P"/Phoenix.agents.txt >"$tmp/lint" 2>/dev/null
alines=$(tr -d '\r' < "$P"/Phoenix.agents.txt | awk '!/^[ \t]*$/ && !/^[ \t]*#/ && !/^!.*=/' | wc -l)
nocode=$(grep -c 'has no \[~CODE\]' "$tmp/lint")
echo "Phoenix agents: $alines entry lines by grep, $nocode without a code; stats: $(get agents) agents"
[ "$(get agents)" -eq $((alines - nocode)) ] || { echo "agents: stats $(get agents) != $alines - $nocode"; fail=1; }

stats "$T"/tabari/CAMEO.091003.master.verbs >"$tmp/stats"
"$POLYBIUS" dict lint "$T"/tabari/CAMEO.091003.master.verbs >"$tmp/lint" 2>/dev/null
roots=$(tr -d '\r' < "$T"/tabari/CAMEO.091003.master.verbs | grep -c '^[A-Z]')
tpat=$(tr -d '\r' < "$T"/tabari/CAMEO.091003.master.verbs | grep -c '^-')
tskip=$(grep -c -E 'pattern skipped|pattern is the same as' "$tmp/lint")
echo "TABARI CAMEO verbs: $roots roots and $tpat patterns by grep ($tskip skipped); stats: $(get verbs) verbs, $(get patterns) patterns"
[ "$(get verbs)" -eq "$roots" ] || { echo "verbs differ"; fail=1; }
[ "$(get patterns)" -eq $((tpat - tskip)) ] || { echo "patterns differ"; fail=1; }
exit $fail
