#!/usr/bin/env bash
# install-deps.sh: install the Debian 12 packages Concordat needs to build,
# run and test; does nothing when they are all present.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

packages=(
  # build
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libnotify-dev libjson-glib-dev
  # tests
  libglib-testing-0-dev sqlite3 valgrind xvfb xauth dbus dbus-bin
  python3-dbusmock python3-gi gir1.2-glib-2.0
  desktop-file-utils appstream
  # screenshots
  imagemagick
  # window tests and screenshots
  at-spi2-core python3-pyatspi gir1.2-atspi-2.0 libx11-dev x11-utils fonts-cantarell
  # fuzzing: clang, its libFuzzer and sanitizer runtimes, llvm-symbolizer for reports
  clang libclang-rt-14-dev llvm-14
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
else
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
