#!/bin/sh
# TABARI's validation suite: polybius must pass at least 448 of the 471
# checked records (the records before FINAL-01 except START-00).
set -u
project="$SHARED/third_party/tabari/Validate.project"
if [ ! -f "$project" ]; then echo "../shared/third_party/tabari is absent"; exit 77; fi
line=$("$POLYBIUS" validate -q "$project" | tail -n 1)
echo "TABARI validation suite: $line (TABARI itself: 471 of 471)"
passed=${line%% passed*}
failed=$(echo "$line" | sed 's/.*passed, \([0-9]*\) failed.*/\1/')
[ $((passed + failed)) -eq 471 ] && [ "$passed" -ge 448 ]
