#!/bin/sh
# run-in-session.sh: runs a test under Xvfb inside a private D-Bus session,
# as the UI and notification tests need.
# SPDX-License-Identifier: GPL-3.0-or-later
exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" "$@"
