# setup.sh - sourced by bench.sh and soak.sh: finds the repository, the
# shared corpora and third-party dictionaries they measure with, and stops
# with a message (naming the caller, $tool) when those are absent.
# Sets src, corpus, P (Phoenix files), T (TABARI files) and phoenix (the
# options that load the Phoenix actors and agents with TABARI's CAMEO verbs).
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
shared="$src/../shared"
corpus="$shared/corpora/reuters21578.jsonl"
P="$shared/third_party/petrarch"
T="$shared/third_party/tabari"
if [ ! -f "$corpus" ] || [ ! -d "$P" ] || [ ! -d "$T" ]; then
    echo "$tool: ../shared/corpora/ and ../shared/third_party/ are needed; they are absent, so nothing was measured"
    exit 1
fi
[ -x /usr/bin/time ] || { echo "$tool: /usr/bin/time is needed (apt-get install time)"; exit 1; }
phoenix="--actors $P/Phoenix.Countries.actors.txt --actors $P/Phoenix.International.actors.txt \
 --actors $P/Phoenix.MilNonState.actors.txt --agents $P/Phoenix.agents.txt \
 --verbs $T/CAMEO.091003.master.verbs --options $T/CAMEO.09b5.options"
