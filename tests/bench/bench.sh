#!/bin/sh
# make bench: throughput, dictionary load time and peak memory of
# `polybius code` on real newswire, as median, min and max of RUNS runs.
#
# Corpus: the first 15,029 stories of ../shared/corpora/reuters21578.jsonl,
# which polybius splits into about 100,000 sentences (13.8 MB of text) --
# the same text TABARI was timed on (TABARI 0.8.4b2 -O2 on this machine
# kind, one sentence per record: 10,384 sentences/s, 1.43 MB/s, 11.8-12.1
# MB peak RSS, about 0.8 s to load Phoenix actors and agents with the
# CAMEO verbs).
#
# Configurations: the bundled dictionaries, and the Phoenix actors and
# agents with TABARI's CAMEO verbs and options (../shared/third_party/),
# each with 1 and 2 threads; dictionary loading alone (empty input), also
# with the PETRARCH-1 verb patterns, and from a compiled dictionary
# (polybius dict compile; --dictionary-cache); and
# the memory check: the whole Reuters corpus once and five times over must
# peak at the same RSS (within 10%).
#
# Sentences/s and MB/s are polybius's own figures (coding time, without
# the dictionary load); load time is polybius's, wall time and peak RSS
# come from /usr/bin/time. Usage: bench.sh [POLYBIUS]; RUNS=n to change 5.
set -u
BIN=${1:-build/polybius}
RUNS=${RUNS:-5}
tool=bench
. "$(dirname "$0")/setup.sh"
work="$src/build/bench"
mkdir -p "$work"
head -n 15029 "$corpus" >"$work/reuters-100k.jsonl"
: >"$work/empty.jsonl"
rm -f "$work/reuters-x5.jsonl"
for i in 1 2 3 4 5; do cat "$corpus" >>"$work/reuters-x5.jsonl"; done

petrarch1="--actors $P/Phoenix.Countries.actors.txt --actors $P/Phoenix.International.actors.txt \
 --actors $P/Phoenix.MilNonState.actors.txt --agents $P/Phoenix.agents.txt \
 --verbs $P/CAMEO.verbpatterns.150430.txt --options /dev/null"

# one run: prints "sentences s_per_s mb_per_s load_s wall_s rss_mb"
one() {
    input=$1; threads=$2; shift 2
    /usr/bin/time -f "TIME %e %M" "$BIN" code "$input" --threads "$threads" --no-text --no-progress \
        -o "$work/events.csv" "$@" 2>"$work/err" || { cat "$work/err" >&2; return 1; }
    awk '
        /documents read/ { for (i = 1; i <= NF; i++) if ($i == "sentences") s = $(i - 1) }
        /dictionaries/ { gsub(/[(),]/, " "); for (i = 1; i <= NF; i++) {
            if ($i == "dictionaries") load = $(i + 1); if ($i == "sentences/s") sps = $(i - 1);
            if ($i == "MB/s") mbs = $(i - 1) } }
        /^TIME/ { wall = $2; rss = $3 / 1024 }
        END { printf "%s %s %s %s %s %.1f\n", s, sps, mbs, load, wall, rss }' "$work/err"
}

# stats over RUNS lines of one(): median [min-max] per column
summarise() {
    label=$1
    sort -n -k2 "$work/runs" | awk -v label="$label" -v runs="$RUNS" '
        function med(col,   i, n, v, t) {
            n = 0
            for (i = 1; i <= NR; i++) v[++n] = row[i, col]
            for (i = 1; i <= n; i++) for (t = i + 1; t <= n; t++) if (v[t] + 0 < v[i] + 0) { x = v[i]; v[i] = v[t]; v[t] = x }
            lo[col] = v[1]; hi[col] = v[n]
            return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
        }
        { for (c = 1; c <= 6; c++) row[NR, c] = $c }
        END {
            s = row[1, 1]
            m2 = med(2); m3 = med(3); m4 = med(4); m5 = med(5); m6 = med(6)
            printf "%-38s %8s %9.0f [%6.0f-%6.0f] %6.2f [%5.2f-%5.2f] %6.3f [%5.3f-%5.3f] %6.1f [%5.1f-%5.1f]\n",
                label, s, m2, lo[2], hi[2], m3, lo[3], hi[3], m4, lo[4], hi[4], m6, lo[6], hi[6]
        }'
}

measure() {
    label=$1; input=$2; threads=$3; shift 3
    : >"$work/runs"
    r=1
    while [ $r -le "$RUNS" ]; do
        one "$input" "$threads" "$@" >>"$work/runs" || exit 1
        r=$((r + 1))
    done
    summarise "$label"
}

echo "polybius benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "$("$BIN" --version 2>/dev/null | head -1); medians of $RUNS runs [min-max]"
echo
printf '%-38s %8s %25s %21s %24s %21s\n' configuration sentences "sentences/s" "MB/s" "load s" "peak RSS MB"
measure "bundled, 1 thread" "$work/reuters-100k.jsonl" 1
measure "bundled, 2 threads" "$work/reuters-100k.jsonl" 2
measure "Phoenix + CAMEO verbs, 1 thread" "$work/reuters-100k.jsonl" 1 $phoenix
measure "Phoenix + CAMEO verbs, 2 threads" "$work/reuters-100k.jsonl" 2 $phoenix
measure "load only: bundled" "$work/empty.jsonl" 1
measure "load only: Phoenix + CAMEO verbs" "$work/empty.jsonl" 1 $phoenix
measure "load only: Phoenix + PETRARCH-1 verbs" "$work/empty.jsonl" 1 $petrarch1
"$BIN" dict compile -o "$work/phoenix.pbd" $phoenix 2>/dev/null || { echo "bench: dict compile failed"; exit 1; }
measure "load only: Phoenix + CAMEO, compiled" "$work/empty.jsonl" 1 $phoenix --dictionary-cache "$work/phoenix.pbd"
echo
echo "memory independent of corpus size (Phoenix + CAMEO verbs, 2 threads):"
measure "Reuters once" "$corpus" 2 $phoenix
measure "Reuters five times" "$work/reuters-x5.jsonl" 2 $phoenix
echo
echo "TABARI 0.8.4b2 (-O2) on the same 100,000 sentences, Phoenix + CAMEO verbs: 10,384 sentences/s,"
echo "1.43 MB/s, about 0.8 s to load, 11.8-12.1 MB peak RSS (median of 5; single-threaded program)."
rm -f "$work/events.csv" "$work/err" "$work/runs" "$work/reuters-x5.jsonl" "$work/phoenix.pbd"
