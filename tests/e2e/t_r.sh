#!/bin/sh
# The event CSV loads in R the way docs/output.md tells users to: codes
# stay text with their leading zeros, dates are Dates, empty fields are NA.
set -u
command -v Rscript >/dev/null 2>&1 || { echo "Rscript is not installed (.ci/run installs r-base-core)"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$POLYBIUS" code -q "$SRC/corpus/corpus.csv" -o "$tmp/events.csv" || exit 1
cat > "$tmp/check.R" <<'R'
args <- commandArgs(trailingOnly = TRUE)
# the recipe of docs/output.md
codes <- c("source", "source_country", "source_role", "target", "target_country", "target_role",
           "code", "root_code")
ev <- read.csv(args[1], colClasses = setNames(rep("character", length(codes)), codes),
               na.strings = "", encoding = "UTF-8")
ev$date <- as.Date(ev$date)
stopifnot(nrow(ev) > 10)
stopifnot(is.character(ev$code), all(nchar(ev$code) >= 3))
stopifnot(any(substr(ev$code, 1, 1) == "0"))          # leading zeros kept: "036", not 36
stopifnot(all(ev$root_code == substr(ev$code, 1, 2), na.rm = TRUE))
stopifnot(inherits(ev$date, "Date"), !any(is.na(ev$date)))
stopifnot(any(is.na(ev$source_role)))                  # empty field -> NA
stopifnot(is.integer(ev$sentence), is.integer(ev$quad_class), is.numeric(ev$goldstein))
cat(sprintf("R: %d events, %d codes with a leading zero, dates from %s to %s\n", nrow(ev),
            sum(substr(ev$code, 1, 1) == "0"), min(ev$date), max(ev$date)))
R
Rscript "$tmp/check.R" "$tmp/events.csv"
