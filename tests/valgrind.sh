#!/bin/sh
# valgrind on end-to-end runs: no invalid reads or writes, no leaks
# (definite or indirect). Usage: sh tests/valgrind.sh build/polybius
set -u
bin=${1:-build/polybius}
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
vg="valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect"
fail=0
run() {
    echo "valgrind: polybius $*"
    # 99: valgrind found an error; other statuses are the command's own
    $vg "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
    if [ $? -eq 99 ]; then echo "  FAILED"; tail -30 "$tmp/err"; fail=1; fi
}
run code --threads 2 "$here/corpus/corpus.csv" -o "$tmp/events.csv" --rejects "$tmp/rejects.csv"
run code --threads 1 --format jsonl "$here/tests/e2e/data/sample.jsonl" -o "$tmp/events.jsonl" --rejects "$tmp/r2.csv"
run code "$here/tests/e2e/data/sample.xml" -o "$tmp/x.csv"
run code --input-format tabari "$here/tests/e2e/data/sample.text" -o "$tmp/t.csv"
run explain --date 2026-01-08 "Colombian President Gustavo Petro condemned the U.S. raid on Venezuela."
run dict lint "$here/dictionaries"
run dict compile -o "$tmp/dicts.pbd"
run code --dictionary-cache "$tmp/dicts.pbd" "$here/corpus/corpus.csv" -o "$tmp/cached.csv"
run dict lookup --date 2026-01-08 "Gustavo Petro"
run eval --gold "$here/tests/gold/gold.csv" "$tmp/events.csv"
run aggregate "$tmp/events.csv" --period week --fill
project="$here/../shared/third_party/tabari/Validate.project"
[ -f "$project" ] && run validate -q "$project"
[ $fail -eq 0 ] && echo "valgrind: clean"
exit $fail
