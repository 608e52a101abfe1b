#!/usr/bin/env bash
# screenshot.sh: photographs the built Concordat into docs/screenshots/:
# reader-wide.png (the model protocol open at section 8), reader-narrow.png
# (the same on a phone's width, the sidebar folded away), search.png (a
# search for "briefing"), and guidance.png, record.png and duties.png (the
# views after a week of recorded guidance).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tools/screenshot.sh BUILD_DIR
#
# Each shot runs Concordat on its own X screen (Xvfb) the size of the window,
# with a private D-Bus session, a fresh data folder and in-memory settings,
# so nothing of the user's is read or written.  The bus's own chatter is
# left out of the output; anything else on stderr is shown.  GTK is given GNOME's font
# and title-bar buttons, so the window looks as it does on a GNOME desktop.
# The reader is opened at a section by a concordat: link, as a wizard opens
# it; the search is typed, as a user types it.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -x "$1/src/concordat" ]; then
  echo "usage: $0 BUILD_DIR (a build folder holding src/concordat)" >&2
  exit 2
fi

build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/docs/screenshots"
mkdir -p "$out"

# What the search shot does once the window is up: types "briefing", as
# a user would, into the window (typing starts a search in the reader);
# then waits for the results.  tests/concordat_xkeys.py does the typing.
type_briefing='
import sys, time
sys.path.insert(0, sys.argv[1])
import concordat_xkeys
concordat_xkeys.type_text("briefing")
time.sleep(1)
'

# What the view shots do once the window is up: press the keys in $KEYS
# ("alt+3" shows the Record view), as a user would.
press_keys='
import os, sys, time
sys.path.insert(0, sys.argv[1])
import concordat_xkeys
concordat_xkeys.press(os.environ["KEYS"].split())
time.sleep(1)
'

# A council with three party groups and two wards, and what a week of
# guidance records: a briefing, a visit and a press call.
record_a_week() {
  local c=$build/src/concordat
  "$c" groups add Labour --leader "Cllr Ann Lee" >/dev/null
  "$c" groups add Conservative --leader "Cllr Tom Hart" >/dev/null
  "$c" groups add "Liberal Democrat" >/dev/null
  "$c" wards add Abbey >/dev/null
  "$c" wards add Castle >/dev/null
  "$c" council set name "Anytown Borough Council" >/dev/null
  "$c" council set polling-day 2027-05-06 >/dev/null
  echo '{"requesting_group": "Labour", "requester_role": "group-leader", "topic": "Local plan",
         "council_business": true, "officer": "Director of Place", "officer_is_senior": true,
         "meeting_date": "2027-01-07", "non_members_present": false, "budget_proposals": false}' |
    "$c" wizard run briefing --answers - >/dev/null
  echo '{"member": "Cllr Ada Jones", "member_ward": "Abbey", "premises": "Willowholme depot",
         "premises_ward": "Castle", "visit_date": "2027-01-05", "purpose": "To see the new gritters",
         "vulnerable_setting": false, "arranged_with_manager": false,
         "health_safety_ack": true, "no_interference_ack": true}' |
    "$c" wizard run premises-visit --answers - >/dev/null
  echo '{"role": "officer", "outlet": "Cumberland News", "contact_date": "2026-12-23",
         "subject": "Bin collections over Christmas", "press_release_wanted": false,
         "authorised": true, "comms_informed": false, "members_to_inform": "Cllr Ada Jones",
         "sensitive_matter": false}' |
    "$c" wizard run media-contact --answers - >/dev/null
  "$c" ledger set "Local plan" Conservative offered >/dev/null
}

# shoot WIDTH HEIGHT FILE [ARGUMENT] [DRIVER]: Concordat's window fills a
# screen of that size; ARGUMENT is given to concordat, DRIVER is Python run
# once the window is there.
shoot() {
  local width=$1 height=$2 file=$3 argument=${4:-} driver=${5:-}
  local scratch
  scratch=$(mktemp -d)
  # Runs even when a shot fails, so no temporary folder is left behind.
  trap 'rm -rf "$scratch"' RETURN

  mkdir -p -m 0700 "$scratch/data"
  mkdir -p "$scratch/config/gtk-4.0"
  cat > "$scratch/config/gtk-4.0/settings.ini" <<'EOF'
[Settings]
gtk-font-name=Cantarell 11
gtk-decoration-layout=:close
EOF

  if [ -n "${SETUP:-}" ]; then
    CONCORDAT_DATA_DIR="$scratch/data" CONCORDAT_TODAY=2026-12-23 "$SETUP"
  fi

  env CONCORDAT_DATA_DIR="$scratch/data" \
      CONCORDAT_TODAY=2026-12-23 \
      KEYS="${KEYS:-}" \
      XDG_CONFIG_HOME="$scratch/config" \
      GSETTINGS_SCHEMA_DIR="$build/data" \
      GSETTINGS_BACKEND=memory \
      GTK_A11Y=none \
      LC_ALL=C.UTF-8 \
      CONCORDAT="$build/src/concordat" \
      ARGUMENT="$argument" \
      DRIVER="$driver" \
      TESTS="$root/tests" \
      SHOT="$file" \
    dbus-run-session -- \
    xvfb-run -a -s "-screen 0 ${width}x${height}x24 -nolisten tcp" \
    bash -c '
      "$CONCORDAT" ${ARGUMENT:+"$ARGUMENT"} >/dev/null 2>&1 &
      app=$!
      # Until the window is on the screen, then a moment for its first
      # frame and the switcher to settle.
      for _ in $(seq 100); do
        xwininfo -root -tree 2>/dev/null | grep -q "\"Concordat\": (\"concordat\"" && break
        kill -0 "$app" 2>/dev/null || { echo "concordat exited early" >&2; exit 1; }
        sleep 0.1
      done
      sleep 2
      if [ -n "$DRIVER" ] && ! /usr/bin/python3 -c "$DRIVER" "$TESTS"; then
        kill "$app"
        exit 1
      fi
      import -window root "$SHOT"
      kill "$app"
      wait "$app" 2>/dev/null || true
    ' >/dev/null 2> >(grep -v '^dbus-daemon' >&2)

  echo "Wrote $file"
}

shoot 1000 700 "$out/reader-wide.png" concordat:model/8
shoot 360 720 "$out/reader-narrow.png" concordat:model/8
shoot 1000 700 "$out/search.png" "" "$type_briefing"
export -f record_a_week
export build
SETUP=record_a_week KEYS="alt+2" shoot 1000 700 "$out/guidance.png" "" "$press_keys"
SETUP=record_a_week KEYS="alt+3" shoot 1000 700 "$out/record.png" "" "$press_keys"
SETUP=record_a_week KEYS="alt+4" shoot 1000 700 "$out/duties.png" "" "$press_keys"
SETUP=record_a_week KEYS="alt+3 alt+b" shoot 1000 700 "$out/ledger.png" "" "$press_keys"
SETUP=record_a_week KEYS="ctrl+comma" shoot 1000 760 "$out/preferences.png" "" "$press_keys"
SETUP=record_a_week KEYS="alt+2" shoot 360 720 "$out/guidance-narrow.png" "" "$press_keys"
SETUP=record_a_week KEYS="alt+3" shoot 360 720 "$out/record-narrow.png" "" "$press_keys"
SETUP=record_a_week KEYS="alt+3 alt+b" shoot 360 720 "$out/ledger-narrow.png" "" "$press_keys"
SETUP=record_a_week KEYS="alt+4" shoot 360 720 "$out/duties-narrow.png" "" "$press_keys"
