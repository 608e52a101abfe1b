#!/usr/bin/env bash
# valgrind.sh: runs the core tests under valgrind's memcheck and fails on
# any memory error or definite leak.  Usage: tools/valgrind.sh [BUILD]
# Each test's full valgrind report is in BUILD/meson-logs/testlog-valgrind.txt.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

build=${1:-build}
cd "$(dirname "$0")/.."

# GLib's own suppressions cover its one-time allocations (type system,
# quarks), tools/valgrind.supp the regular-expression machine code;
# G_SLICE makes every allocation visible to valgrind.
wrapper="valgrind --quiet --leak-check=full --show-leak-kinds=definite \
  --errors-for-leak-kinds=definite --error-exitcode=99 --track-origins=yes \
  --num-callers=30 --suppressions=/usr/share/glib-2.0/valgrind/glib.supp \
  --suppressions=$PWD/tools/valgrind.supp"

G_SLICE=always-malloc meson test -C "$build" --suite core --wrapper "$wrapper" \
  --timeout-multiplier 20 --num-processes 2 --print-errorlogs
