#!/usr/bin/env bash
# check.sh: runs every test twice — in the normal build, then in a build with
# AddressSanitizer and UndefinedBehaviorSanitizer — then runs each fuzz
# target briefly, and prints one line "N passed, N failed" counted from
# meson's test logs.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

build=${1:-build}
asan=${2:-build-asan}
cd "$(dirname "$0")/.."

run_suite() {
  local dir=$1
  rm -f "$dir/meson-logs/testlog.json"
  meson test -C "$dir" --print-errorlogs --num-processes 2
}

echo "== Tests ($build)"
run_suite "$build"

echo "== Tests again under AddressSanitizer and UndefinedBehaviorSanitizer ($asan)"
if [ ! -f "$asan/build.ninja" ]; then
  meson setup "$asan" -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debug
fi
# Leaks are found in the core and command-line tests; the UI tests switch
# leak detection off (tests/run-in-session.sh), as GTK keeps caches to exit.
if meson compile -C "$asan"; then
  ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1} run_suite "$asan"
else
  echo "The sanitizer build failed to compile."
fi

# Each libFuzzer target for 20 seconds: a clang build of the engine alone,
# whose tests' log is counted with the others (missing if it failed to build).
fuzz=${FUZZ_BUILD:-build-fuzz}
echo "== A short run of each fuzz target ($fuzz)"
FUZZ_BUILD=$fuzz tools/fuzz.sh --smoke

exec /usr/bin/python3 tools/count-tests.py \
  "$build/meson-logs/testlog.json" "$asan/meson-logs/testlog.json" \
  "$fuzz/meson-logs/testlog.json"
