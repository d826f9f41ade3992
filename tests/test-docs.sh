#!/usr/bin/env bash
# tests/test-docs.sh: the documentation stays true to par-desk-cli and stays inside the repository.
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: test-docs.sh PAR-DESK-CLI SOURCE-ROOT   (prints TAP)
#
# - every command docs/cli.md describes exists (`par-desk-cli COMMAND --help` exits 0);
# - every command `par-desk-cli --help` lists is described in docs/cli.md and in the man page;
# - the man page renders without a warning (when groff is installed);
# - README.md and docs/*.md link to nothing outside the repository (no ../shared, no absolute path),
#   and to nothing that is not there.
set -u
cli=$1
root=$(cd "$2" && pwd -P)
n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
nok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/# /'; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# The command line in English, and never near a real file: --help must not touch one.
export LANGUAGE=en XDG_DATA_HOME="$tmp/data"
db="$tmp/none.pardesk"

cli_md="$root/docs/cli.md"
man_page="$root/docs/par-desk-cli.1"

# The commands par-desk-cli lists: "  unit add         Add an organisation unit".
if "$cli" --help > "$tmp/help" 2> "$tmp/err"; then ok "par-desk-cli --help exits 0"
else nok "par-desk-cli --help exits 0" "$(cat "$tmp/err")"; fi
sed -nE 's/^  ([a-z]+( [a-z][a-z-]*)?)  +[^ ].*/\1/p' "$tmp/help" > "$tmp/cli-commands"
if [ "$(wc -l < "$tmp/cli-commands")" -ge 10 ]; then ok "--help lists the commands ($(wc -l < "$tmp/cli-commands"))"
else nok "--help lists the commands" "$(cat "$tmp/help")"; fi

# The commands docs/cli.md describes: the "### " headings of its "## Commands" section.
awk '/^## /{ in_commands = ($0 == "## Commands") } in_commands && /^### /{ sub(/^### /, ""); print }' "$cli_md" \
  > "$tmp/doc-commands"
if [ -s "$tmp/doc-commands" ]; then ok "docs/cli.md describes commands ($(wc -l < "$tmp/doc-commands"))"
else nok "docs/cli.md describes commands" "no '### COMMAND' heading under '## Commands'"; fi

# Every command described exists.
while read -r command; do
  # shellcheck disable=SC2086 # a command is one or two words
  if "$cli" --db "$db" $command --help > "$tmp/out" 2> "$tmp/err" && grep -q "par-desk-cli $command" "$tmp/out"; then
    ok "docs/cli.md: par-desk-cli $command --help exits 0"
  else
    nok "docs/cli.md: par-desk-cli $command --help exits 0" "$(cat "$tmp/err")"
  fi
done < "$tmp/doc-commands"
if [ ! -e "$db" ]; then ok "--help of a command creates no file"; else nok "--help of a command creates no file"; fi

# Every command of the CLI is in docs/cli.md.
missing=$(grep -vxF -f "$tmp/doc-commands" "$tmp/cli-commands")
if [ -z "$missing" ]; then ok "docs/cli.md describes every command of par-desk-cli --help"
else nok "docs/cli.md describes every command of par-desk-cli --help" "missing: $missing"; fi

# The man page: the tags (the line after each .TP) of its COMMANDS section, escapes and quotes
# taken out, so that '\fBunit add\fR [\fB\-\-parent\fR ...' reads 'unit add [--parent ...'.
awk '/^\.SH /{ in_commands = ($0 ~ /^\.SH "?COMMANDS"?$/) } in_commands && tag { print; tag = 0 }
     in_commands && /^\.TP/{ tag = 1 }' "$man_page" \
  | sed -E 's/\\f[BIRP]//g; s/\\-/-/g; s/^\.[A-Z]+ //; s/"//g; s/  +/ /g' > "$tmp/man-tags"
if [ -s "$tmp/man-tags" ]; then ok "the man page lists commands ($(wc -l < "$tmp/man-tags"))"
else nok "the man page lists commands" "no .TP tags in its COMMANDS section"; fi
missing=""
while read -r command; do
  grep -qE "^$command( |$)" "$tmp/man-tags" || missing="$missing $command,"
done < "$tmp/cli-commands"
if [ -z "$missing" ]; then ok "the man page describes every command of par-desk-cli --help"
else nok "the man page describes every command of par-desk-cli --help" "missing:${missing%,}"; fi
unknown=""
while read -r first second _; do
  grep -qxF "$first" "$tmp/cli-commands" || grep -qxF "$first $second" "$tmp/cli-commands" \
    || unknown="$unknown $first $second,"
done < "$tmp/man-tags"
if [ -z "$unknown" ]; then ok "every command of the man page exists"
else nok "every command of the man page exists" "unknown:${unknown%,}"; fi

if command -v groff > /dev/null; then
  # UTF-8 terminals, and man in the C locale (ASCII)
  warnings=$(groff -man -Tutf8 -ww -z "$man_page" 2>&1; LC_ALL=C groff -man -Tascii -ww -z "$man_page" 2>&1)
  if [ -z "$warnings" ]; then ok "the man page renders without warnings (groff -man -ww, utf8 and ascii)"
  else nok "the man page renders without warnings (groff -man -ww, utf8 and ascii)" "$warnings"; fi
else
  skip "the man page renders without warnings (groff -man -ww, utf8 and ascii)" "groff is not installed"
fi

# Links: README.md and every docs/*.md.
for doc in "$root/README.md" "$root"/docs/*.md; do
  name=${doc#"$root"/}
  if grep -n '\.\./shared' "$doc" > "$tmp/shared"; then
    nok "$name names no ../shared path" "$(cat "$tmp/shared")"
  else ok "$name names no ../shared path"; fi

  # [text](target) and [label]: target, without a title; web and mail links and anchors are fine.
  { grep -oE '\]\([^) ]+' "$doc" | sed 's/^](//'
    grep -oE '^ {0,3}\[[^]]+\]: *[^ ]+' "$doc" | sed -E 's/^[^]]*\]: *//'; } > "$tmp/links"
  bad=""
  while read -r target; do
    case $target in
      http://* | https://* | mailto:* | '#'*) continue ;;
      /* | ~* | [A-Za-z]:*) bad="$bad$target (absolute)"$'\n'; continue ;;
    esac
    path=${target%%#*}
    resolved=$(realpath -m "$(dirname "$doc")/$path")
    case $resolved in
      "$root" | "$root"/*) [ -e "$resolved" ] || bad="$bad$target (not in the repository)"$'\n' ;;
      *) bad="$bad$target (outside the repository)"$'\n' ;;
    esac
  done < "$tmp/links"
  if [ -z "$bad" ]; then ok "$name links only inside the repository ($(wc -l < "$tmp/links") links)"
  else nok "$name links only inside the repository" "${bad%$'\n'}"; fi
done

echo "1..$n"
exit $failed
