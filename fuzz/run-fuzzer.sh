#!/usr/bin/env bash
# run-fuzzer.sh: runs one libFuzzer target for a time, on its seeds, its
# regression inputs and the corpus earlier runs grew, and prints what it
# did: runs, coverage, and any crash, hang or leak, whose input is kept.
#
#   run-fuzzer.sh [--tap] FUZZER TARGET SECONDS WORKDIR SOURCE_ROOT
#
# The grown corpus is WORKDIR/corpus/TARGET, what broke it
# WORKDIR/artifacts/TARGET, and libFuzzer's own output WORKDIR/logs/TARGET.log.
# Exits 1 when the target failed.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

tap=0
if [ "${1:-}" = --tap ]; then
  tap=1
  shift
fi
fuzzer=$1 target=$2 seconds=$3 work=$4 root=$5

seeds=$work/seeds/$target
corpus=$work/corpus/$target
artifacts=$work/artifacts/$target
log=$work/logs/$target.log
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$artifacts" "$work/logs"

# Seeds are linked, not copied: the shared protocols stay where they are.
link() {
  local prefix=$1 f
  shift
  for f in "$@"; do
    case $f in *.expect|*.gz|*/README*) continue ;; esac
    [ -f "$f" ] && ln -sf "$(realpath "$f")" "$seeds/$prefix$(basename "$f")"
  done
}
case $target in
  importer) link "" "$root"/../shared/protocols/*.txt "$root"/data/model-protocol.md ;;
  answers) link "" "$root"/fuzz/corpus/answers/* ;;
  wizard) link "" "$root"/data/wizards/*.json "$root"/fuzz/corpus/wizard/* ;;
esac
link regression- "$root"/fuzz/regressions/"$target"/*

if [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

# Whole protocols run a few times a second; the first 8 KB of each, with
# everything the mutations make of them, run a hundred times faster.
case $target in
  importer) max_len=${FUZZ_MAX_LEN:-8192} ;;
  *) max_len=${FUZZ_MAX_LEN:-16384} ;;
esac

marker=$work/logs/$target.start
touch "$marker"
start=$(date +%s)
nice -n 10 "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
  -print_final_stats=1 -dict="$root/fuzz/$target.dict" \
  -artifact_prefix="$artifacts/" "$corpus" "$seeds" >"$log" 2>&1
status=$?
elapsed=$(( $(date +%s) - start ))

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
if [ -z "$runs" ]; then
  runs=$(grep -o '^#[0-9]*' "$log" | tail -n 1 | tr -d '#')
fi
cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1)
found=$(find "$artifacts" -type f -newer "$marker" | sort)
corpus_size=$(find "$corpus" -type f | wc -l)

summary="$target: ${elapsed} s, ${runs:-0} runs, ${cov:-cov: ? ft: ?}, corpus $corpus_size inputs"
if [ $status -eq 0 ] && [ -z "$found" ]; then
  summary="$summary, no crash"
else
  summary="$summary, FAILED (libFuzzer exit $status)"
fi

if [ $tap -eq 1 ]; then
  if [ $status -eq 0 ] && [ -z "$found" ]; then
    echo "ok 1 - $summary"
  else
    echo "not ok 1 - $summary"
  fi
  echo "1..1"
else
  echo "$summary"
fi
for f in $found; do
  echo "# found: $f ($(wc -c <"$f") bytes)"
done
if [ $status -ne 0 ]; then
  grep -E 'ERROR|SUMMARY|concordat-fuzz:|CRITICAL|WARNING|runtime error|^ *#[0-9]+ ' "$log" | head -n 40 | sed 's/^/# /'
  echo "# the whole report: $log"
fi
[ $status -eq 0 ] && [ -z "$found" ]
