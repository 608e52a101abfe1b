#!/usr/bin/env bash
# screenshot.sh: photographs the built main window, wide and narrow, into
# docs/screenshots/main-wide.png and docs/screenshots/main-narrow.png.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tools/screenshot.sh BUILD_DIR
#
# Each shot runs Concordat on its own X screen (Xvfb) the size of the window,
# with a private D-Bus session, a fresh data folder and in-memory settings,
# so nothing of the user's is read or written.  The bus's own chatter is
# left out of the output; anything else on stderr is shown.  GTK is given GNOME's font
# and title-bar buttons, so the window looks as it does on a GNOME desktop.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -x "$1/src/concordat" ]; then
  echo "usage: $0 BUILD_DIR (a build folder holding src/concordat)" >&2
  exit 2
fi

build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/docs/screenshots"
mkdir -p "$out"

# shoot WIDTH HEIGHT FILE: Concordat's window fills a screen of that size.
shoot() {
  local width=$1 height=$2 file=$3
  local scratch
  scratch=$(mktemp -d)
  # Runs even when a shot fails, so no temporary folder is left behind.
  trap 'rm -rf "$scratch"' RETURN

  mkdir -p "$scratch/data" "$scratch/config/gtk-4.0"
  cat > "$scratch/config/gtk-4.0/settings.ini" <<'EOF'
[Settings]
gtk-font-name=Cantarell 11
gtk-decoration-layout=:close
EOF

  env CONCORDAT_DATA_DIR="$scratch/data" \
      XDG_CONFIG_HOME="$scratch/config" \
      GSETTINGS_SCHEMA_DIR="$build/data" \
      GSETTINGS_BACKEND=memory \
      GTK_A11Y=none \
      LC_ALL=C.UTF-8 \
      CONCORDAT="$build/src/concordat" \
      SHOT="$file" \
    dbus-run-session -- \
    xvfb-run -a -s "-screen 0 ${width}x${height}x24 -nolisten tcp" \
    bash -c '
      "$CONCORDAT" >/dev/null 2>&1 &
      app=$!
      # Until the window is on the screen, then a moment for its first
      # frame and the switcher to settle.
      for _ in $(seq 100); do
        xwininfo -root -tree 2>/dev/null | grep -q "\"Concordat\": (\"concordat\"" && break
        kill -0 "$app" 2>/dev/null || { echo "concordat exited early" >&2; exit 1; }
        sleep 0.1
      done
      sleep 2
      import -window root "$SHOT"
      kill "$app"
      wait "$app" 2>/dev/null || true
    ' >/dev/null 2> >(grep -v '^dbus-daemon' >&2)

  echo "Wrote $file"
}

shoot 1000 700 "$out/main-wide.png"
shoot 360 720 "$out/main-narrow.png"
