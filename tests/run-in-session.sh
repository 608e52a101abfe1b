#!/bin/sh
# run-in-session.sh: runs a test under Xvfb inside a private D-Bus session,
# as the UI and notification tests need.
# SPDX-License-Identifier: GPL-3.0-or-later

# In the sanitizer build, GTK's caches that live until exit are not leaks of
# ours: leak detection stays on for the core tests only.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS

# The accessibility bus keeps its address under XDG_RUNTIME_DIR: each run
# gets its own, so that two runs never meet on one bus.
runtime=$(mktemp -d)
trap 'rm -rf "$runtime"' EXIT
XDG_RUNTIME_DIR=$runtime
export XDG_RUNTIME_DIR

dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" "$@"
