#!/bin/sh
# test-cli.sh: the command line as a script would use it: exit codes,
# the one-line errors on stderr, and what check, backup and restore print.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

: "${CONCORDAT:?set CONCORDAT to the concordat binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CONCORDAT_DATA_DIR="$tmp/data"
unset DISPLAY WAYLAND_DISPLAY

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

# run ARGS...: sets $status, $out and $err
run() {
  "$CONCORDAT" "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
}

expect() { # expect DESCRIPTION STATUS OUT-PATTERN ERR-PATTERN
  desc=$1 want=$2 outpat=$3 errpat=$4
  # shellcheck disable=SC2254
  case "$out" in $outpat) o=1 ;; *) o=0 ;; esac
  # shellcheck disable=SC2254
  case "$err" in $errpat) e=1 ;; *) e=0 ;; esac
  if [ "$status" -eq "$want" ] && [ $o = 1 ] && [ $e = 1 ]; then
    ok "$desc"
  else
    not_ok "$desc" "status $status (wanted $want)" "stdout: $out" "stderr: $err"
  fi
}

run --version
expect "--version prints the version" 0 "concordat [0-9]*.[0-9]*.[0-9]*" ""

run --help
expect "--help lists the commands" 0 "*check*backup*restore FILE*" ""

run frobnicate
expect "an unknown command is refused with a usage hint" 1 "" \
  "concordat: unknown command “frobnicate”. Run “concordat --help” to see the commands."

CONCORDAT_TODAY=2026-13-40 run check
expect "a CONCORDAT_TODAY that is no date is refused, naming it" 1 "" \
  "concordat: CONCORDAT_TODAY is set to “2026-13-40”, which is not a date: set it to a date in the form YYYY-MM-DD*"

run check
expect "check before the first run says there is no database yet" 1 "" "concordat: There is no database at $tmp/data/concordat.db yet*"

run backup
expect "backup creates the database and prints the backup's path" 0 "$tmp/data/backups/concordat-*.db" ""
backup=$out

run check
expect "check on a good database prints ok" 0 "ok" ""

run check --json
expect "check --json reports ok" 0 "*\"ok\" : true*\"problems\" : \[\]*" ""

run check extra
expect "check refuses extra arguments" 1 "" "concordat: “check” takes no arguments*"

run restore
expect "restore without a file says what it takes" 1 "" "concordat: “restore” takes FILE.*"

run restore "$tmp/nowhere.db"
expect "restore of a missing file names it" 1 "" "concordat: Cannot restore $tmp/nowhere.db: there is no such file"

run restore "$backup"
expect "restore of a backup keeps the previous database" 0 "Restored $backup. The database as it was before is kept in $tmp/data/backups/concordat-*-before-restore.db." ""

# A damaged database: check reports it, exits 1, and leaves the file alone.
printf 'This is not a database. %.0s' $(seq 200) >"$tmp/data/concordat.db"
rm -f "$tmp/data/concordat.db-wal" "$tmp/data/concordat.db-shm"
before=$(md5sum <"$tmp/data/concordat.db")
run check
expect "check on a corrupt database says what is wrong" 1 \
  "the file is not a SQLite database*" \
  "concordat: the database $tmp/data/concordat.db failed its check. Restore a backup with “concordat restore FILE”."
after=$(md5sum <"$tmp/data/concordat.db")
if [ "$before" = "$after" ]; then ok "check leaves a corrupt database untouched"; else not_ok "check leaves a corrupt database untouched"; fi

run check --json
expect "check --json on a corrupt database" 1 "*\"ok\" : false*not a SQLite database*" "concordat: *"

# Restoring over a damaged database moves it aside first and then restores.
run restore "$backup"
expect "restore over a corrupt database recovers it" 0 "Restored $backup.*" \
  "concordat: warning: The database $tmp/data/concordat.db failed its check*moved aside, unchanged, to $tmp/data/concordat.db.corrupt-*"
run check
expect "after the restore the database checks ok" 0 "ok" ""

echo "1..$n"
[ "$failed" -eq 0 ]
