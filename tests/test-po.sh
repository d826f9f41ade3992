#!/usr/bin/env bash
# tests/test-po.sh: the Vietnamese translation is complete and covers every source with strings.
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: test-po.sh PODIR   (prints TAP)
set -u
po=$1
root=$(dirname "$po")
n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
nok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/# /'; }

stats=$(msgfmt -c --statistics -o /dev/null "$po/vi.po" 2>&1 | tr "\n" " ")
if echo "$stats" | grep -qE 'untranslated|fuzzy|error'; then nok "vi.po complete" "$stats"; else ok "vi.po complete: $stats"; fi

# Every file with marked strings is listed in POTFILES.in.
missing=$(cd "$root" && grep -rlE '(^|[^A-Za-z_])(_|N_|C_|ngettext)\s*\(|translatable="yes"' src data --include='*.c' --include='*.ui' --include='*.in' --include='*.gschema.xml' \
  | sort | while read -r f; do grep -qxF "$f" po/POTFILES.in || echo "$f"; done)
if [ -z "$missing" ]; then ok "POTFILES.in lists every file with translatable strings"; else nok "POTFILES.in lists every file with translatable strings" "$missing"; fi

# Every msgid of the sources is in vi.po (vi.po is up to date with the code).
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$root" && xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
   --keyword=ngettext:1,2 --keyword=g_dngettext:2,3 -f po/POTFILES.in -o "$tmp/par-desk.pot" 2>"$tmp/err")
if [ -s "$tmp/par-desk.pot" ]; then
  msgmerge -q --no-fuzzy-matching "$po/vi.po" "$tmp/par-desk.pot" -o "$tmp/merged.po" 2>>"$tmp/err"
  stats=$(msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1 | tr "\n" " ")
  if echo "$stats" | grep -qE 'untranslated|fuzzy'; then
    nok "vi.po has every string of the sources" "$(msgattrib --untranslated "$tmp/merged.po" | grep '^msgid' | head -20)"
  else ok "vi.po has every string of the sources: $stats"; fi
else nok "xgettext extracted the sources" "$(cat "$tmp/err")"; fi

# Numbers and dates: the translations of the separators.
grep -A2 'msgctxt "decimal separator"' "$po/vi.po" | grep -q 'msgstr ","' && ok "decimal comma in Vietnamese" || nok "decimal comma in Vietnamese"
grep -A2 'msgctxt "date format"' "$po/vi.po" | grep -q 'msgstr "%d/%m/%Y"' && ok "dd/mm/yyyy dates in Vietnamese" || nok "dd/mm/yyyy dates in Vietnamese"

echo "1..$n"
exit $failed
