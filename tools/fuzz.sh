#!/usr/bin/env bash
# fuzz.sh: builds the libFuzzer targets in fuzz/ with clang in their own
# build folder and runs each for a while on its seeds, printing for each
# the runs, the coverage and anything found.
#
#   tools/fuzz.sh [--smoke] [TARGET...]
#
# FUZZ_SECONDS (default 600) is how long each target runs; FUZZ_BUILD
# (default build-fuzz) the build folder, under which the grown corpora and
# what broke a target are kept (FUZZ_BUILD/fuzz/corpus, .../artifacts).
# --smoke runs instead the fuzz build's tests, a short run of each, for
# make check.  Exits 1 when a target crashed, hung or leaked.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cd "$(dirname "$0")/.."

build=${FUZZ_BUILD:-build-fuzz}
seconds=${FUZZ_SECONDS:-600}
smoke=0
if [ "${1:-}" = --smoke ]; then
  smoke=1
  shift
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(importer answers wizard)

# A log left from an earlier run must not count for one that did not run.
[ $smoke -eq 0 ] || rm -f "$build/meson-logs/testlog.json"
tools/install-deps.sh || exit 1
if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false || exit 1
fi
meson compile -C "$build" || { echo "The fuzz targets failed to build."; exit 1; }

if [ $smoke -eq 1 ]; then
  exec meson test -C "$build" --suite fuzz --print-errorlogs --num-processes 2
fi

failed=0
summaries=()
for t in "${targets[@]}"; do
  echo "== Fuzzing $t for $seconds s"
  out=$(fuzz/run-fuzzer.sh "$build/fuzz/fuzz-$t" "$t" "$seconds" "$build/fuzz" "$PWD")
  status=$?
  echo "$out"
  summaries+=("$(echo "$out" | head -n 1)")
  [ $status -eq 0 ] || failed=1
done

echo "== Fuzzing done"
printf '%s\n' "${summaries[@]}"
if [ $failed -ne 0 ]; then
  echo "Inputs that broke a target are in $build/fuzz/artifacts/; keep each, small, as"
  echo "fuzz/regressions/TARGET/NAME (with NAME.expect for the message it must give)."
fi
exit $failed
