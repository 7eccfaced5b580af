#!/bin/sh
# The bad-input catalogue (tests/bad-inputs/NN-name/): each case runs
# polybius with its 'args' in a scratch copy of its directory and checks
# every line of its 'expect' file:
#   status N        the exit status
#   stderr LINE     the first line of standard error
#   stdout LINE     the first line of standard output
#   rejects LINE    the first record of rejects.csv
#   nofile NAME     NAME (and any NAME.tmp-*) does not exist afterwards
set -u
cat_dir="$SRC/tests/bad-inputs"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$cat_dir"/dict "$work/dict"
n=0; bad=0
for case in "$cat_dir"/[0-9]*; do
    name=$(basename "$case")
    n=$((n + 1))
    dir="$work/$name"
    cp -r "$case" "$dir"
    ( cd "$dir" && { [ ! -f setup.sh ] || sh setup.sh; } && eval "\"$POLYBIUS\" $(cat args)" >stdout.txt 2>stderr.txt
      echo $? > status.txt )
    while IFS= read -r line; do
        kind=${line%% *}; want=${line#* }
        [ "$kind" = "$line" ] && want=""
        case $kind in
        status) got=$(cat "$dir/status.txt") ;;
        stderr) got=$(head -n 1 "$dir/stderr.txt") ;;
        stdout) got=$(head -n 1 "$dir/stdout.txt") ;;
        rejects) got=$(sed -n 2p "$dir/rejects.csv" 2>/dev/null) ;;
        nofile) if ls "$dir/$want"* >/dev/null 2>&1; then got="exists"; else got="$want"; fi ;;
        *) got="unknown expectation '$kind'" ;;
        esac
        if [ "$got" != "$want" ]; then
            echo "$name: $kind"
            echo "  expected: $want"
            echo "  got:      $got"
            bad=$((bad + 1))
        fi
    done < "$dir/expect"
done
echo "bad-input catalogue: $n cases, $bad mismatches"
[ $n -ge 50 ] && [ $bad -eq 0 ]
