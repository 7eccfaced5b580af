#!/bin/sh
# The event CSV loads in pandas the way docs/output.md tells users to.
set -u
PY=""
for p in python3 /usr/bin/python3; do
    if "$p" -c 'import pandas' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || { echo "pandas is not installed (.ci/run installs python3-pandas)"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$POLYBIUS" code -q "$SRC/corpus/corpus.csv" -o "$tmp/events.csv" || exit 1
"$PY" - "$tmp/events.csv" <<'PY'
import sys
import pandas as pd
codes = ["source", "source_country", "source_role", "target", "target_country", "target_role", "code", "root_code"]
# the recipe of docs/output.md
ev = pd.read_csv(sys.argv[1], dtype={c: "string" for c in codes}, parse_dates=["date"],
                 keep_default_na=False, na_values=[""])
assert len(ev) > 10
assert ev["code"].str.len().min() >= 3
assert (ev["code"].str[0] == "0").any()            # "036", not 36
assert str(ev["date"].dtype).startswith("datetime64")
assert ev["source_role"].isna().any()              # empty -> NA
assert (ev["root_code"] == ev["code"].str[:2]).all()
print("pandas: %d events, %d with a leading zero" % (len(ev), (ev["code"].str[0] == "0").sum()))
PY
