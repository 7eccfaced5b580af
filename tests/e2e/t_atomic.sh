#!/bin/sh
# Runs that cannot lose data: an interrupted run (SIGINT, SIGTERM) and a
# failed run leave no output file and no temporary file behind, and say
# how far they got.
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 -c "
import json
with open('$tmp/big.jsonl', 'w') as f:
    for i in range(400000):
        f.write(json.dumps({'id': 'd%d' % i, 'date': '2026-01-08', 'text': 'Russia accused Ukraine of shelling the Zaporizhzhia plant, officials said on Monday.'}) + '\n')
"
fail=0
for sig in INT TERM; do
    "$POLYBIUS" code --threads 2 "$tmp/big.jsonl" -o "$tmp/out.csv" --rejects "$tmp/rej.csv" 2>"$tmp/err" &
    pid=$!
    sleep 1
    kill -s $sig $pid
    wait $pid; rc=$?
    if [ $rc -ne 130 ]; then echo "SIG$sig: exit $rc, expected 130"; fail=1; fi
    if ls "$tmp"/out.csv* "$tmp"/rej.csv* >/dev/null 2>&1; then echo "SIG$sig: files left behind:"; ls "$tmp"; fail=1; fi
    grep -q "interrupted by signal .* after [0-9]* documents; no output file was written" "$tmp/err" || { echo "SIG$sig: message"; cat "$tmp/err"; fail=1; }
done
# a signal while waiting on an idle pipe stops the run at once
mkfifo "$tmp/fifo"
sleep 20 > "$tmp/fifo" &
writer=$!
"$POLYBIUS" code - -o "$tmp/idle.csv" < "$tmp/fifo" 2>"$tmp/idle.err" &
pid=$!
sleep 1
kill -INT $pid
waited=0
while kill -0 $pid 2>/dev/null && [ $waited -lt 5 ]; do sleep 1; waited=$((waited + 1)); done
if kill -0 $pid 2>/dev/null; then echo "SIGINT on an idle pipe: still running"; kill $pid; fail=1; fi
wait $pid; rc=$?
[ $rc -eq 130 ] || { echo "SIGINT on an idle pipe: exit $rc, expected 130"; fail=1; }
kill $writer 2>/dev/null
grep -q "interrupted by signal 2" "$tmp/idle.err" || { echo "SIGINT on an idle pipe: message"; cat "$tmp/idle.err"; fail=1; }
ls "$tmp"/idle.csv* >/dev/null 2>&1 && { echo "SIGINT on an idle pipe left a file"; fail=1; }
# a run that fails on its second input writes nothing either
printf 'id,date,text\na,2026-01-08,Russia accused Ukraine of shelling.\n' > "$tmp/ok.csv"
"$POLYBIUS" code -q "$tmp/ok.csv" "$tmp/missing.csv" -o "$tmp/out2.csv" 2>/dev/null && { echo "missing input: exit 0"; fail=1; }
ls "$tmp"/out2.csv* >/dev/null 2>&1 && { echo "failed run left a file"; fail=1; }
# an existing output is replaced only on success
echo "previous" > "$tmp/keep.csv"
"$POLYBIUS" code -q "$tmp/missing.csv" -o "$tmp/keep.csv" 2>/dev/null
[ "$(cat "$tmp/keep.csv")" = "previous" ] || { echo "a failed run replaced the previous output"; fail=1; }
# a symbolic link stays a link: the file it points to gets the output
echo "old" > "$tmp/real.csv"
ln -s real.csv "$tmp/link.csv"
"$POLYBIUS" code -q "$tmp/ok.csv" -o "$tmp/link.csv" || { echo "symlink output: failed"; fail=1; }
[ -L "$tmp/link.csv" ] || { echo "the output symlink was replaced by a file"; fail=1; }
grep -q '^doc_id,' "$tmp/real.csv" || { echo "the symlink's target did not get the output"; fail=1; }
# /dev/stdout (a link into /proc) is written through, never renamed over
"$POLYBIUS" code -q "$tmp/ok.csv" -o /dev/stdout > "$tmp/via-stdout.csv" || { echo "-o /dev/stdout failed"; fail=1; }
[ -L /dev/stdout ] || { echo "/dev/stdout is no longer a link"; fail=1; }
grep -q '^doc_id,' "$tmp/via-stdout.csv" || { echo "-o /dev/stdout wrote nothing"; fail=1; }
[ $fail -eq 0 ] && echo "SIGINT and SIGTERM: exit 130, no partial file; failed runs leave the previous output; links and devices kept"
exit $fail
