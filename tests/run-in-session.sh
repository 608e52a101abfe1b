#!/bin/sh
# run-in-session.sh: runs a test under Xvfb inside a private D-Bus session,
# as the UI and notification tests need.
# SPDX-License-Identifier: GPL-3.0-or-later

# In the sanitizer build, GTK's caches that live until exit are not leaks of
# ours: leak detection stays on for the core tests only.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS

exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" "$@"
