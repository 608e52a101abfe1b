#!/bin/sh
# validate-translations.sh: checks the gettext set-up in po/ — every
# translation named in LINGUAS compiles with msgfmt --check, every source file
# with translatable strings is listed in POTFILES.in (and every listed file
# exists), and xgettext extracts the template from them without a warning.
# Usage: validate-translations.sh SOURCE-DIR
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

srcdir=${1:?usage: validate-translations.sh SOURCE-DIR}
po="$srcdir/po"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
  n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift
  for l in "$@"; do printf '%s\n' "$l" | sed 's/^/# /'; done
}
# entries FILE: the entries of a gettext list file, without comments or blanks
entries() { sed -e 's/#.*//' "$1" | tr -s ' \t' '\n' | sed '/^$/d'; }

# --- translations ---
entries "$po/LINGUAS" >"$tmp/linguas"
if [ ! -s "$tmp/linguas" ]; then
  ok "LINGUAS names no translations yet"
fi
while read -r lang; do
  if [ ! -f "$po/$lang.po" ]; then
    not_ok "$lang: LINGUAS names it, but po/$lang.po does not exist"
  elif msgfmt --check -o /dev/null "$po/$lang.po" 2>"$tmp/err"; then
    ok "$lang: msgfmt --check accepts po/$lang.po"
  else
    not_ok "$lang: msgfmt --check rejects po/$lang.po" "$(cat "$tmp/err")"
  fi
done <"$tmp/linguas"

unlisted=
for f in "$po"/*.po; do
  [ -f "$f" ] || continue
  lang=$(basename "$f" .po)
  grep -q -x -F "$lang" "$tmp/linguas" || unlisted="$unlisted $lang.po"
done
if [ -z "$unlisted" ]; then
  ok "every po/*.po is named in LINGUAS"
else
  not_ok "po/LINGUAS should name these translations, or they are never built:$unlisted"
fi

# --- POTFILES.in ---
entries "$po/POTFILES.in" >"$tmp/potfiles"
missing=
while read -r f; do
  [ -f "$srcdir/$f" ] || missing="$missing $f"
done <"$tmp/potfiles"
if [ -z "$missing" ]; then
  ok "every file listed in po/POTFILES.in exists"
else
  not_ok "po/POTFILES.in lists files that do not exist:$missing"
fi

dups=$(sort "$tmp/potfiles" | uniq -d | tr '\n' ' ')
if [ -z "$dups" ]; then
  ok "po/POTFILES.in lists each file once"
else
  not_ok "po/POTFILES.in lists these files more than once: $dups"
fi

# The project's files: git's view (tracked, and new files not ignored) in a
# checkout, otherwise everything under the source folders.
cd "$srcdir" || exit 1
if git rev-parse --show-prefix >/dev/null 2>&1 &&
  [ -z "$(git rev-parse --show-prefix)" ]; then
  git ls-files --cached --others --exclude-standard -- src ui data
else
  find src ui data -type f 2>/dev/null
fi | sort -u >"$tmp/files"

# translatable FILE: whether FILE has strings xgettext would extract
translatable() {
  case $1 in
    *.c | *.h)
      grep -q -E '(^|[^[:alnum:]_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2) *\(' "$1" ;;
    *.ui)
      grep -q -i -E 'translatable="(yes|y|true|t|1)"' "$1" ;;
    *.desktop.in | *.metainfo.xml.in | *.appdata.xml.in)
      true ;;
    *.gschema.xml)
      grep -q -E '<(summary|description)>' "$1" ;;
    *)
      false ;;
  esac
}
unlisted=
while read -r f; do
  if [ -f "$f" ] && translatable "$f" && ! grep -q -x -F "$f" "$tmp/potfiles"; then
    unlisted="$unlisted $f"
  fi
done <"$tmp/files"
if [ -z "$unlisted" ]; then
  ok "every source file with translatable strings is listed in po/POTFILES.in"
else
  not_ok "po/POTFILES.in should list these files, which have translatable strings:$unlisted"
fi

# The same keywords and flags as Meson's "glib" preset (po/meson.build), so
# this sees what `ninja concordat-pot` would.
if xgettext --files-from="$po/POTFILES.in" --directory="$srcdir" \
  --output="$tmp/concordat.pot" --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
  --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
  --flag=g_log:3:c-format --flag=g_print:1:c-format \
  --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format \
  --flag=g_snprintf:3:c-format 2>"$tmp/err" && [ ! -s "$tmp/err" ]; then
  # The template has a header entry; xgettext writes none when it finds nothing.
  count=$(grep -c '^msgid ' "$tmp/concordat.pot" 2>/dev/null || echo 1)
  ok "xgettext extracts $((count - 1)) strings from po/POTFILES.in without a warning"
else
  not_ok "xgettext cannot extract the strings from po/POTFILES.in cleanly" "$(cat "$tmp/err")"
fi

echo "1..$n"
[ $failed -eq 0 ]
