#!/bin/sh
# Build every libFuzzer target with clang (-fsanitize=fuzzer,address,
# undefined) and run each for FUZZ_SECONDS seconds from its seed corpus
# (tests/fuzz/seeds/<target>, copied to build-fuzz/ so the repository stays
# clean) with its token dictionary. Prints executions and coverage per
# target; a crash stops with the input saved under build-fuzz/crashes/.
set -u
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
out="$src/build-fuzz"
secs=${FUZZ_SECONDS:-30}
CC=${FUZZ_CC:-clang}
command -v "$CC" >/dev/null 2>&1 || { echo "fuzz: $CC is not installed (apt-get install clang)"; exit 1; }
mkdir -p "$out/obj" "$out/crashes"
pkg="$(pkg-config --cflags glib-2.0 jansson)"
libs="$(pkg-config --libs glib-2.0 jansson) -lcsv -lm -lpthread"
cflags="-g -O1 -std=gnu11 -I$src/include $pkg -fsanitize=address,undefined -fno-sanitize-recover=undefined"
objs=""
for c in "$src"/coder/*.c; do
    name=$(basename "$c" .c)
    [ "$name" = main ] && continue
    o="$out/obj/$name.o"
    if [ ! -f "$o" ] || [ "$c" -nt "$o" ] || [ -n "$(find "$src/include" -newer "$o" -name '*.h' | head -1)" ]; then
        $CC $cflags -fsanitize=fuzzer-no-link -c "$c" -o "$o" || exit 1
    fi
    objs="$objs $o"
done
build() { # target source defines
    $CC $cflags -fsanitize=fuzzer "$@" $objs $libs -o "$out/$T" || exit 1
}
targets="actors agents verbs discards issues options csv tsv jsonl tabari xml textfile text coder"
[ $# -gt 0 ] && targets="$*"
status=0
printf '%-10s %12s %8s %8s  %s\n' target runs cov ft result
for T in $targets; do
    case $T in
    actors) build "$here/fuzz_dict.c" -DPB_FUZZ_KIND=0 ;;
    agents) build "$here/fuzz_dict.c" -DPB_FUZZ_KIND=1 ;;
    verbs) build "$here/fuzz_dict.c" -DPB_FUZZ_KIND=2 ;;
    discards) build "$here/fuzz_dict.c" -DPB_FUZZ_KIND=3 ;;
    issues) build "$here/fuzz_dict.c" -DPB_FUZZ_KIND=4 ;;
    options) build "$here/fuzz_dict.c" -DPB_FUZZ_KIND=5 ;;
    textfile) build "$here/fuzz_reader.c" -DPB_FUZZ_FORMAT=1 ;;
    csv) build "$here/fuzz_reader.c" -DPB_FUZZ_FORMAT=2 ;;
    tsv) build "$here/fuzz_reader.c" -DPB_FUZZ_FORMAT=3 ;;
    jsonl) build "$here/fuzz_reader.c" -DPB_FUZZ_FORMAT=4 ;;
    tabari) build "$here/fuzz_reader.c" -DPB_FUZZ_FORMAT=5 ;;
    xml) build "$here/fuzz_reader.c" -DPB_FUZZ_FORMAT=6 ;;
    text) build "$here/fuzz_text.c" ;;
    coder) build "$here/fuzz_coder.c" ;;
    *) echo "unknown target $T"; exit 2 ;;
    esac
    corpus="$out/corpus/$T"
    mkdir -p "$corpus"
    [ -d "$here/seeds/$T" ] && cp -n "$here/seeds/$T"/* "$corpus"/ 2>/dev/null
    dict=""
    [ -f "$here/dicts/$T.dict" ] && dict="-dict=$here/dicts/$T.dict"
    log="$out/$T.log"
    ( cd "$out" && ASAN_OPTIONS=detect_leaks=1 "./$T" -max_total_time="$secs" -timeout=60 -rss_limit_mb=2048 \
        -max_len=65536 -artifact_prefix="$out/crashes/$T-" -print_final_stats=1 $dict "$corpus" >"$log" 2>&1 )
    rc=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
    if [ $rc -eq 0 ]; then result=ok; else result="CRASH (see $log)"; status=1; fi
    printf '%-10s %12s %8s %8s  %s\n' "$T" "${runs:-?}" "${cov:-?}" "${ft:-?}" "$result"
    [ $rc -eq 0 ] || grep -m 5 -E 'ERROR|SUMMARY|Test unit written' "$log"
done
exit $status
