#!/bin/sh
# validate-schema.sh: compiles the GSettings schemas in data/ with
# glib-compile-schemas --strict --dry-run, and checks that the application's
# schema has its ID, path and gettext domain.
# Usage: validate-schema.sh SOURCE-DIR APPLICATION-ID GETTEXT-DOMAIN
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

usage="usage: validate-schema.sh SOURCE-DIR APPLICATION-ID GETTEXT-DOMAIN"
srcdir=${1:?$usage}
app_id=${2:?$usage}
domain=${3:?$usage}
schema="$srcdir/data/$app_id.gschema.xml"
path="/$(echo "$app_id" | tr . /)/"

echo "1..3"
failed=0
not_ok() { failed=$((failed + 1)); echo "not ok $1"; }

out=$(glib-compile-schemas --strict --dry-run "$srcdir/data" 2>&1)
status=$?
if [ $status -eq 0 ] && [ -z "$out" ]; then
  echo "ok 1 - glib-compile-schemas --strict accepts the schemas in data/"
else
  not_ok "1 - glib-compile-schemas --strict rejects the schemas in data/ (exit status $status)"
  echo "$out" | sed 's/^/# /'
fi

if grep -q "<schema id=\"$app_id\" path=\"$path\"" "$schema" 2>/dev/null; then
  echo "ok 2 - data/$app_id.gschema.xml holds schema $app_id at $path"
else
  not_ok "2 - data/$app_id.gschema.xml should hold <schema id=\"$app_id\" path=\"$path\">"
fi

# Without the domain, the summaries are extracted for translation but never
# shown translated (in dconf Editor, for one).
if grep -q "<schemalist[^>]* gettext-domain=\"$domain\"" "$schema" 2>/dev/null; then
  echo "ok 3 - the schema list names gettext domain $domain"
else
  not_ok "3 - the <schemalist> of data/$app_id.gschema.xml should have gettext-domain=\"$domain\""
fi

[ $failed -eq 0 ]
