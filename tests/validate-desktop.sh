#!/bin/sh
# validate-desktop.sh: checks the built desktop entry with
# desktop-file-validate (any error, warning or hint fails) and that its
# Icon names an application icon the source tree installs.
# Usage: validate-desktop.sh DESKTOP-FILE SOURCE-DIR
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

desktop=${1:?usage: validate-desktop.sh DESKTOP-FILE SOURCE-DIR}
srcdir=${2:?usage: validate-desktop.sh DESKTOP-FILE SOURCE-DIR}

if ! command -v desktop-file-validate >/dev/null 2>&1; then
  echo "1..0 # SKIP desktop-file-validate is not installed (Debian: desktop-file-utils)"
  exit 0
fi

echo "1..3"
failed=0
not_ok() { failed=$((failed + 1)); echo "not ok $1"; }

if [ ! -f "$desktop" ]; then
  echo "Bail out! $desktop was not built"
  exit 1
fi

out=$(desktop-file-validate "$desktop" 2>&1)
status=$?
if [ $status -eq 0 ] && [ -z "$out" ]; then
  echo "ok 1 - desktop-file-validate passes $(basename "$desktop") cleanly"
else
  not_ok "1 - desktop-file-validate reports problems in $(basename "$desktop") (exit status $status)"
  echo "$out" | sed 's/^/# /'
fi

# The desktop file's name is what the metainfo's launchable and the shell use.
app_id=$(basename "$desktop" .desktop)
icon=$(sed -n 's/^Icon=//p' "$desktop" | head -n 1)
if [ "$icon" = "$app_id" ]; then
  echo "ok 2 - Icon is the application ID, $app_id"
else
  not_ok "2 - Icon is \"$icon\", but it should be the application ID, \"$app_id\""
fi

missing=
for svg in "scalable/apps/$app_id.svg" "symbolic/apps/$app_id-symbolic.svg"; do
  [ -f "$srcdir/data/icons/hicolor/$svg" ] || missing="$missing data/icons/hicolor/$svg"
done
if [ -z "$missing" ]; then
  echo "ok 3 - the full-colour and symbolic icons for $app_id exist"
else
  not_ok "3 - the application icon is missing:$missing"
fi

[ $failed -eq 0 ]
