#!/bin/sh
# validate-metainfo.sh: checks the built AppStream metainfo with appstreamcli,
# offline, first on its own and then installed beside the desktop file and
# icons as a software centre would find them. Errors, warnings and infos
# fail; so does every pedantic hint except the one the application ID
# cannot avoid (it has capitals, as reverse-DNS IDs usually do).
# Usage: validate-metainfo.sh METAINFO-FILE DESKTOP-FILE SOURCE-DIR
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

usage="usage: validate-metainfo.sh METAINFO-FILE DESKTOP-FILE SOURCE-DIR"
metainfo=${1:?$usage}
desktop=${2:?$usage}
srcdir=${3:?$usage}
allowed_hints="cid-contains-uppercase-letter"

if ! command -v appstreamcli >/dev/null 2>&1; then
  echo "1..0 # SKIP appstreamcli is not installed (Debian: appstream)"
  exit 0
fi

for f in "$metainfo" "$desktop"; do
  if [ ! -f "$f" ]; then
    echo "Bail out! $f was not built"
    exit 1
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "1..2"
failed=0
n=0

# report DESCRIPTION STATUS OUTPUT: one TAP line; the output is shown when
# appstreamcli failed or reported anything but an allowed pedantic hint.
report() {
  n=$((n + 1))
  # Issue lines look like "  P: io.github.x.Y:6: tag-name details".
  unexpected=$(printf '%s\n' "$3" |
    sed -n 's/^[[:space:]]*\([EWIP]\): [^ ]* \([^ ]*\).*/\1 \2/p' |
    grep -v -x -F "P $allowed_hints")
  if [ "$2" -eq 0 ] && [ -z "$unexpected" ]; then
    echo "ok $n - $1"
  else
    failed=$((failed + 1))
    echo "not ok $n - $1: appstreamcli reports problems (exit status $2)"
    printf '%s\n' "$3" | sed 's/^/# /'
  fi
}

out=$(appstreamcli validate --no-net --pedantic --strict --explain "$metainfo" 2>&1)
report "appstreamcli validate passes $(basename "$metainfo")" $? "$out"

# Laid out as installed, so the launchable must name the real desktop file.
mkdir -p "$tmp/usr/share/metainfo" "$tmp/usr/share/applications"
cp "$metainfo" "$tmp/usr/share/metainfo/"
cp "$desktop" "$tmp/usr/share/applications/"
cp -R "$srcdir/data/icons" "$tmp/usr/share/icons"
out=$(appstreamcli validate-tree --no-net --pedantic --strict --explain "$tmp" 2>&1)
report "appstreamcli validate-tree passes it installed with the desktop file and icons" $? "$out"

[ $failed -eq 0 ]
