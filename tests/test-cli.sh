#!/usr/bin/env bash
# tests/test-cli.sh: checks par-desk-cli against its reference, docs/cli.md
# (init, check, demo, unit add, unit list, evidence link and unlink, the plan and task commands, task items,
# the holiday commands, --db, --help, --version, exit codes).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli.sh PATH_TO_par-desk-cli
# Works in a fresh temporary directory, inspects the files with sqlite3 and
# prints TAP. Exits 1 if any check fails, 2 on bad usage.

if [ $# -ne 1 ]; then
  echo "usage: $0 PATH_TO_par-desk-cli" >&2
  exit 2
fi
cli=$1
if [ ! -x "$cli" ]; then
  echo "1..0 # SKIP $cli is not an executable"
  echo "$cli is not an executable" >&2
  exit 1
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "Bail out! sqlite3 not found (install sqlite3)"
  exit 1
fi

w=$(mktemp -d) || exit 1
trap 'rm -rf "$w"' EXIT

# Never touch the user's own files. The locale and language are the run's (make check runs
# this under C.UTF-8 in English and under vi_VN.UTF-8 in Vietnamese); UTF-8 output.
export HOME=$w/home XDG_DATA_HOME=$w/data XDG_CONFIG_HOME=$w/config XDG_CACHE_HOME=$w/cache
mkdir -p "$HOME"
utf8_locale=$(locale -a 2>/dev/null | grep -ixE 'c\.utf-?8|en_us\.utf-?8' | head -n 1)
export LC_ALL=${LC_ALL:-${utf8_locale:-C.UTF-8}}
export LANG=$LC_ALL LANGUAGE=${LANGUAGE:-en}
case $LANGUAGE in vi*) vi=1 ;; *) vi= ;; esac
# says ENGLISH VIETNAMESE: the text a message holds in the language of the run.
says () { if [ -n "$vi" ]; then printf '%s' "$2"; else printf '%s' "$1"; fi; }

n=0 failed=0 rc=0 last=""
: >"$w/out"; : >"$w/err"

# run ARGS...: runs the CLI; $rc, $w/out and $w/err hold what it did.
run ()
{
  last="par-desk-cli $*"
  "$cli" "$@" >"$w/out" 2>"$w/err"
  rc=$?
}

# check DESCRIPTION CONDITION: CONDITION is shell code, evaluated now.
# On failure the last command, its exit code, stderr and stdout are shown.
check ()
{
  n=$((n + 1))
  if eval "$2"; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    diagnose "$2"
    failed=$((failed + 1))
  fi
}

diagnose ()
{
  printf '%s\n' "$1" | sed 's/^/#   condition: /'
  echo "#   last command: $last (exit $rc)"
  [ -s "$w/err" ] && head -c 2000 "$w/err" | awk '{ print "#   stderr: " $0 }'
  [ -s "$w/out" ] && head -n 20 "$w/out" | awk '{ print "#   stdout: " $0 }'
  return 0
}

sha () { sha256sum <"$1" | cut -d' ' -f1; }
# q FILE SQL: a query on an existing file (sqlite3 would create a missing one).
q () { [ -f "$1" ] || { echo "(no file $1)"; return 1; }; sqlite3 "$1" "$2" 2>&1; }
# units_in FILE: the number of units, or "none" if it cannot be read.
units_in () { [ -f "$1" ] && sqlite3 "$1" 'select count(*) from org_unit' 2>/dev/null || echo none; }
is_number () { [[ $1 =~ ^[0-9]+$ ]]; }

# parents_first FILE: every non-empty parent code (3rd column) has appeared
# as a code (1st column) on an earlier line, and every line has 3 fields.
parents_first ()
{
  awk -F'\t' '
    END { if (NR == 0) { print "# no lines"; exit 1 } }
    NF != 3 { print "# line " NR " has " NF " fields"; bad = 1 }
    $3 != "" && !($3 in seen) { print "# line " NR ": parent " $3 " not listed before"; bad = 1 }
    { seen[$1] = 1 }
    END { exit bad }' "$1"
}

TAB=$'\t'

lists_commands ()
{
  local c
  for c in init check demo "unit add" "unit list" "plan create" "plan list" "plan carry-over" "task add" \
           "task list" "task progress" "task done" "task cancel"; do
    grep -qE "^ +$c " "$1" || { echo "# $c is not listed"; return 1; }
  done
}

# --- usage, help and version ---------------------------------------------

run --help
check "--help exits 0" '[ $rc = 0 ]'
check "--help lists every command" \
  'lists_commands "$w/out"'
for c in init check demo "unit add" "unit list"; do
  run $c --help
  check "$c --help exits 0 and describes the command" '[ $rc = 0 ] && grep -q . "$w/out"'
done
run unit add --help
check "unit add --help names --parent and --level" 'grep -q -- --parent "$w/out" && grep -q -- --level "$w/out"'
check "unit add --help shows the command in its usage line" 'grep -q "par-desk-cli unit add" "$w/out"'
run --version
check "--version prints the version" '[ $rc = 0 ] && grep -qE "^par-desk-cli [0-9]+\.[0-9]+(\.[0-9]+)?" "$w/out"'
run --db
check "--db without a file name is bad usage, and says so" \
  '[ $rc = 2 ] && grep -qF -- "$(says "--db needs a file name" "--db cần có tên tệp")" "$w/err"'
run --db=
check "--db= with an empty name is bad usage, and says so" \
  '[ $rc = 2 ] && grep -qF -- "$(says "--db needs a file name" "--db cần có tên tệp")" "$w/err"'

run --db "$w/u.pardesk" no-such-command
check "unknown command exits 2 with a message" '[ $rc = 2 ] && [ -s "$w/err" ] && [ ! -e "$w/u.pardesk" ]'
run --db "$w/u.pardesk" unit frobnicate
check "an unknown second word names both words" \
  '[ $rc = 2 ] && grep -qF "unit frobnicate" "$w/err" && [ ! -e "$w/u.pardesk" ]'
run --frobnicate init
check "unknown global option exits 2" '[ $rc = 2 ] && [ -s "$w/err" ]'
run --db "$w/u.pardesk"
check "no command exits 2" '[ $rc = 2 ] && [ -s "$w/err" ]'
run --db "$w/u.pardesk" unit add ONLY
check "unit add with one argument exits 2, creates nothing" '[ $rc = 2 ] && [ -s "$w/err" ] && [ ! -e "$w/u.pardesk" ]'
run --db "$w/u.pardesk" unit add X Y Z
check "unit add with three arguments exits 2" '[ $rc = 2 ]'
run --db "$w/u.pardesk" init extra
check "init with an argument exits 2, creates nothing" '[ $rc = 2 ] && [ ! -e "$w/u.pardesk" ]'
run --db "$w/u.pardesk" unit list extra
check "unit list with an argument exits 2" '[ $rc = 2 ]'
run --db "$w/u.pardesk" init --no-such-option
check "unknown command option exits 2" '[ $rc = 2 ] && [ ! -e "$w/u.pardesk" ]'
run init --db "$w/u.pardesk"
check "--db after the command is bad usage (exit 2)" '[ $rc = 2 ] && [ ! -e "$w/u.pardesk" ]'
check "--db with an empty name is refused" 'run --db "" init; [ $rc != 0 ]'

# Every command judges its command line before it opens the file: bad usage is exit 2 and a
# pointer to its --help, even where the file is missing, and creates nothing.
"$cli" --help 2>/dev/null | sed -nE 's/^  ([a-z]+( [a-z][a-z-]*)?)  +[^ ].*/\1/p' >"$w/commands"
check "--help lists 52 commands (export plan, export report, export inspections, export ics, plan import, task items, holiday, staff, inspection and trust commands among them)" '[ "$(wc -l <"$w/commands")" = 52 ]'
while read -r c; do
  # shellcheck disable=SC2086 # a command is one or two words
  run --db "$w/u.pardesk" $c --no-such-option
  check "$c --no-such-option exits 2, points to its --help, creates nothing" \
    '[ $rc = 2 ] && grep -qF -- "par-desk-cli $c --help" "$w/err" && [ ! -e "$w/u.pardesk" ]'
done <"$w/commands"

# --- init ----------------------------------------------------------------

f=$w/a.pardesk
run --db "$f" init
check "init exits 0 and creates the file" '[ $rc = 0 ] && [ -f "$f" ]'
check "init prints nothing on stdout" '[ ! -s "$w/out" ]'
appid=$(q "$f" 'pragma application_id')
check "application_id is 0x50415244 ($appid)" '[ "$appid" = 1346458180 ]'
uv=$(q "$f" 'pragma user_version')
check "user_version >= 1 ($uv)" '[ "$uv" -ge 1 ] 2>/dev/null'
jm=$(q "$f" 'pragma journal_mode')
check "journal_mode is wal ($jm)" '[ "$jm" = wal ]'
fk=$(q "$f" "select count(*) from sqlite_master where sql like '%REFERENCES%'")
check "foreign key clauses in the schema ($fk tables)" '[ "$fk" -ge 3 ] 2>/dev/null'
check "org_unit.parent_id references org_unit" \
  '[ "$(q "$f" "select \"table\" from pragma_foreign_key_list('"'org_unit'"')")" = org_unit ]'
check "audit_log table exists" '[ "$(q "$f" "select count(*) from sqlite_master where name='"'audit_log'"'")" = 1 ]'

run --db "$f" unit add KEEP "Giữ lại"
run --db "$f" init
check "init twice exits 0" '[ $rc = 0 ]'
check "init twice leaves the units in place" '[ "$(units_in "$f")" = 1 ] && [ "$(q "$f" "select name from org_unit where code='"'KEEP'"'")" = "Giữ lại" ]'

run --db="$w/eq.pardesk" init
check "--db=FILE works too" '[ $rc = 0 ] && [ -f "$w/eq.pardesk" ]'
run --db "$w/new/sub/dir/b.pardesk" init
check "init creates missing folders" '[ $rc = 0 ] && [ -f "$w/new/sub/dir/b.pardesk" ]'
run init
check "without --db, init uses \$XDG_DATA_HOME/par-desk/par-desk.pardesk" \
  '[ $rc = 0 ] && [ "$(q "$XDG_DATA_HOME/par-desk/par-desk.pardesk" "pragma application_id")" = 1346458180 ]'

# --- files that are not ours ---------------------------------------------

junk=$w/junk.pardesk
head -c 4096 /dev/urandom >"$junk"
s1=$(sha "$junk")
run --db "$junk" init
check "init on random bytes exits 1 with a message" '[ $rc = 1 ] && [ -s "$w/err" ]'
check "random bytes left untouched" '[ "$(sha "$junk")" = "$s1" ]'

other=$w/other.db
sqlite3 "$other" 'create table t(x); insert into t values (1);'
s1=$(sha "$other")
run --db "$other" init
check "init on another program's SQLite file exits 1 with a message" '[ $rc = 1 ] && [ -s "$w/err" ]'
check "another program's SQLite file left untouched" '[ "$(sha "$other")" = "$s1" ]'
run --db "$other" unit add A "A"
check "unit add on another program's SQLite file exits 1, file untouched" '[ $rc = 1 ] && [ "$(sha "$other")" = "$s1" ]'

newer=$w/newer.pardesk
"$cli" --db "$newer" init 2>/dev/null
sqlite3 "$newer" 'pragma user_version=99'
s1=$(sha "$newer")
run --db "$newer" init
# Before anything else opens it: sqlite3 would tidy the -wal/-shm away.
check "refusing a newer file leaves no -wal/-shm beside it" '[ ! -e "$newer-wal" ] && [ ! -e "$newer-shm" ]'
check "init on a file from a newer version exits 1" '[ $rc = 1 ] && [ -s "$w/err" ]'
check "the message mentions a newer version" 'grep -qiF "$(says "newer version" "phiên bản PAR Desk mới hơn")" "$w/err"'
check "a newer file is left untouched" '[ "$(sha "$newer")" = "$s1" ] && [ "$(q "$newer" "pragma user_version")" = 99 ]'
run --db "$newer" unit list
check "unit list on a newer file exits 1" '[ $rc = 1 ] && [ "$(sha "$newer")" = "$s1" ]'

# --- a missing --db file is never created ---------------------------------

missing=$w/missing.pardesk
run --db "$missing" unit list
check "unit list on a missing file exits 1 and does not create it" '[ $rc = 1 ] && [ -s "$w/err" ] && [ ! -e "$missing" ]'
run --db "$missing" check
check "check on a missing file exits 1 and does not create it" '[ $rc = 1 ] && [ -s "$w/err" ] && [ ! -e "$missing" ]'
run --db "$missing" unit add A "Đơn vị A"
check "unit add on a missing file exits 1 and does not create it" '[ $rc = 1 ] && [ -s "$w/err" ] && [ ! -e "$missing" ]'
run --db "$w/nodir/missing.pardesk" unit list
check "unit list in a missing folder creates no folder" '[ $rc = 1 ] && [ ! -e "$w/nodir" ]'

# --- unit add / unit list ------------------------------------------------

f=$w/units.pardesk
"$cli" --db "$f" init 2>/dev/null
nfd=$(printf 'Ho\x61\xcc\x80 Vang')   # "Hoà Vang" with a combining grave accent: no normalisation
run --db "$f" unit add SNV "Sở Nội vụ" --level department
check "unit add exits 0 silently" '[ $rc = 0 ] && [ ! -s "$w/out" ]'
run --db "$f" unit add UBND "Ủy ban nhân dân tỉnh Quảng Nam" --level province
run --db "$f" unit add CCHC "Phòng Cải cách hành chính – Văn thư, lưu trữ" --parent SNV
check "unit add --parent exits 0" '[ $rc = 0 ]'
run --db "$f" unit add 01.TCBC "Phòng Tổ chức, biên chế và TCPCP" --parent SNV --level office
run --db "$f" unit add Q1 "$nfd" --parent CCHC --level commune
check "unit add with options before the code and name" \
  'run --db "$f" unit add --level district --parent UBND HV "Huyện Đại Lộc"; [ $rc = 0 ]'
cat >"$w/expected" <<EOF
SNV${TAB}Sở Nội vụ${TAB}
CCHC${TAB}Phòng Cải cách hành chính – Văn thư, lưu trữ${TAB}SNV
Q1${TAB}${nfd}${TAB}CCHC
01.TCBC${TAB}Phòng Tổ chức, biên chế và TCPCP${TAB}SNV
UBND${TAB}Ủy ban nhân dân tỉnh Quảng Nam${TAB}
HV${TAB}Huyện Đại Lộc${TAB}UBND
EOF
run --db "$f" unit list
check "unit list exits 0" '[ $rc = 0 ] && [ ! -s "$w/err" ]'
check "unit list prints exact tab-separated lines, UTF-8 byte for byte, tree order" 'cmp -s "$w/expected" "$w/out" || { diff "$w/expected" "$w/out" | sed "s/^/# /"; false; }'
check "unit list puts parents before children" 'parents_first "$w/out"'
check "names are stored byte for byte" \
  '[ "$(q "$f" "select hex(name) from org_unit where code='"'Q1'"'")" = "$(printf %s "$nfd" | od -An -tx1 | tr -d " \n" | tr a-f A-F)" ]'
check "--level is stored" \
  '[ "$(q "$f" "select group_concat(code || '"'='"' || level, '"' '"') from (select * from org_unit order by code)")" = "01.TCBC=office CCHC=office HV=district Q1=commune SNV=department UBND=province" ]'
cp "$w/out" "$w/list-utf8"
before=$(units_in "$f")

run --db "$f" unit add SNV "Sở khác"
check "duplicate code exits 1" '[ $rc = 1 ]'
check "the duplicate message names the code" 'grep -q "SNV" "$w/err"'
run --db "$f" unit add X1 "Không có cha" --parent NOPE
check "unknown --parent exits 1 naming it" '[ $rc = 1 ] && grep -q "NOPE" "$w/err"'
run --db "$f" unit add "A B" "Mã có dấu cách"
check "code with a space exits 1" '[ $rc = 1 ] && [ -s "$w/err" ]'
run --db "$f" unit add X2 ""
check "empty name exits 1" '[ $rc = 1 ] && [ -s "$w/err" ]'
run --db "$f" unit add X3 "   "
check "blank name exits 1" '[ $rc = 1 ] && [ -s "$w/err" ]'
run --db "$f" unit add "" "Tên"
check "empty code exits 1" '[ $rc = 1 ] && [ -s "$w/err" ]'
run --db "$f" unit add X4 "Thiên hà" --level galaxy
check "unit add --level galaxy exits 2" '[ $rc = 2 ] && [ -s "$w/err" ]'
run --db "$f" unit add --level galaxy
check "unit add --level galaxy without code and name exits 2" '[ $rc = 2 ]'
check "no refused unit was added" '[ "$before" = 6 ] && [ "$(units_in "$f")" = "$before" ]'

audit_before=$(q "$f" 'select count(*) from audit_log')
run --db "$f" unit add AUD "Đơn vị kiểm tra nhật ký"
audit_after=$(q "$f" 'select count(*) from audit_log')
check "unit add writes one audit_log row ($audit_before -> $audit_after)" \
  'is_number "$audit_before" && [ "$audit_after" = $((audit_before + 1)) ]'
check "the audit_log row names the new unit" \
  '[ "$(q "$f" "select count(*) from audit_log a join org_unit u on u.id = a.entity_id where a.entity = '"'org_unit'"' and u.code = '"'AUD'"'")" = 1 ]'

check "unit list output is UTF-8 whatever the locale (LC_ALL=C)" \
  '[ -s "$w/list-utf8" ] && LC_ALL=C "$cli" --db "$f" unit list 2>/dev/null | head -n 6 | cmp -s - "$w/list-utf8"'
check "a name with a tab or newline cannot break the one-line-per-unit output" \
  'run --db "$f" unit add TABNL "Tên${TAB}có
xuống dòng"; run --db "$f" unit list; [ "$(wc -l <"$w/out")" = "$(units_in "$f")" ] && parents_first "$w/out"'

# --- check ---------------------------------------------------------------

run --db "$f" check
check "check on a good file prints ok and exits 0" '[ $rc = 0 ] && [ "$(cat "$w/out")" = ok ]'
damaged=$w/damaged.pardesk
cp "$f" "$damaged"
size=$(stat -c %s "$damaged")
# A new file with one unit, bytes 4096 to 8191 overwritten as a failing disk would: check must see it
# whatever the schema's size (with big pages that range was once unused space of page 1).
run --db "$w/small.pardesk" init
run --db "$w/small.pardesk" unit add U1 "Unit One"
dd if=/dev/urandom of="$w/small.pardesk" bs=1024 seek=4 count=4 conv=notrunc status=none
run --db "$w/small.pardesk" check
check "check finds bytes 4096-8191 of a new file damaged (exit 1, a message)" '[ $rc = 1 ] && [ -s "$w/err" ]'
# Pages 2 and 3, whatever the page size: page 1, the schema's, may be a mostly empty interior page.
page_size=$(q "$damaged" 'pragma page_size')
check "the file is big enough to damage ($size bytes, pages of $page_size)" \
  'is_number "$page_size" && [ "$size" -gt $((3 * page_size)) ] && [ ! -e "$f-wal" ]'
dd if=/dev/urandom of="$damaged" bs="$page_size" seek=1 count=2 conv=notrunc status=none
run --db "$damaged" check
check "check on a damaged file exits 1 with a message" '[ $rc = 1 ] && [ -s "$w/err" ] && [ "$(cat "$w/out")" != ok ]'

# --- demo ----------------------------------------------------------------

d=$w/demo.pardesk
run --db "$d" demo
check "demo on a new file exits 0" '[ $rc = 0 ] && [ -f "$d" ]'
run --db "$d" unit list
check "after demo, unit list has at least 10 units" '[ $rc = 0 ] && [ "$(wc -l <"$w/out")" -ge 10 ]'
check "after demo, the unit SNV exists" 'cut -f1 "$w/out" | grep -qx SNV'
check "demo units are listed parents first" 'parents_first "$w/out"'
run --db "$d" check
check "check on the demo file is ok" '[ $rc = 0 ] && [ "$(cat "$w/out")" = ok ]'
check "the demo's progress was recorded by the office's staff, not the login user" \
  '[ "$(q "$d" "SELECT count (*) FROM progress_entry WHERE recorded_by NOT IN (SELECT full_name FROM staff)")" = 0 ] && [ "$(q "$d" "SELECT count (*) FROM progress_entry")" -gt 20 ]'
# The demo's signed documents (par-demo-signatures.c), each signature judged at its signing time.
run --db "$d" evidence list
cp "$w/out" "$w/demo-list"
check "the demo keeps documents signed valid and changed after signing" \
  'grep -q "${TAB}valid${TAB}QD-86-UBND.pdf$" "$w/out" && grep -q "${TAB}modified${TAB}KH-64-SNV.pdf$" "$w/out"'
demo_certificates () { "$cli" --db "$d" evidence show "$(awk -F'\t' -v f="$1" '$NF == f { print $1 }' "$w/demo-list")" | sed -n 's/^certificate: //p' | tr '\n' ' '; }
check "the demo's decision signed under its sample authority is trusted" '[ "$(demo_certificates QD-86-UBND.pdf)" = "trusted " ]'
check "the demo's document from an issuer it does not trust is untrusted" '[ "$(demo_certificates BC-95-UBND-DS.pdf)" = "untrusted " ]'
check "the demo's document signed by the leader, then the office, has two trusted signatures" \
  '[ "$(demo_certificates QD-142-SNV.pdf)" = "trusted trusted " ]'
check "the demo's decision signed in 2022 by a certificate expired since is trusted" '[ "$(demo_certificates QD-1450-UBND.pdf)" = "trusted " ]'
check "the demo's document signed after its certificate was revoked is revoked" '[ "$(demo_certificates KH-71-SNV.pdf)" = "revoked " ]'
check "the demo's notice signed after its certificate ran out is expired" '[ "$(demo_certificates TB-27-UBND.pdf)" = "expired " ]'
run --db "$d" trust list
check "the demo file trusts its sample root" '[ $rc = 0 ] && [ "$(wc -l <"$w/out")" = 1 ] && grep -q "gốc mẫu (PAR Desk)" "$w/out"'

run --db "$d" holiday list --year 2026
check "the demo's holiday table has a day the office added" \
  'grep -q "^2026-01-02${TAB}added${TAB}Nghỉ hoán đổi" "$w/out" && [ "$(wc -l <"$w/out")" = 13 ]'

# Output for scripts is the same in every locale: a dot, no grouping (docs/cli.md).
numbers_ok () { awk -F'\t' -v from="$1" -v to="$2" '{ for (i = from; i <= to; i++) if ($i !~ /^(-?[0-9]+(\.[0-9]+)?|NA)?$/) { print "# field " i ": " $0; bad = 1 } } END { exit bad }' "$w/out"; }
run --db "$d" score show --set 1 --unit SNV
check "score show prints numbers with a dot under $LC_ALL" '[ $rc = 0 ] && [ -s "$w/out" ] && numbers_ok 2 4 && grep -qE "^TOTAL	[0-9]+(\.[0-9]+)?	" "$w/out"'
run --db "$d" criteria list
check "criteria list prints MAX_TOTAL with a dot under $LC_ALL" '[ $rc = 0 ] && [ -s "$w/out" ] && numbers_ok 5 5'
# No memory is lost by the commands that list (valgrind: definite leaks are errors).
if command -v valgrind >/dev/null 2>&1; then
  for command in "unit list" "criteria list" "score show --set 1 --unit SNV" "evidence list"; do
    # shellcheck disable=SC2086
    valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9 \
      "$cli" --db "$d" $command >/dev/null 2>"$w/err"; rc=$?
    check "$command loses no memory (valgrind)" '[ $rc = 0 ] || { grep "definitely lost" "$w/err" | head -3; false; }'
  done
else
  echo "ok $((n + 1)) - no memory lost # SKIP valgrind is not installed"; n=$((n + 1))
fi
count=$(units_in "$d"); s1=$(sha "$d")
run --db "$d" demo
check "demo on a file that already holds data exits 1 with a message" '[ $rc = 1 ] && [ -s "$w/err" ]'
check "a refused demo does not change the unit count" 'is_number "$count" && [ "$(units_in "$d")" = "$count" ]'
count=$(units_in "$f")
run --db "$f" demo
check "demo on a file with hand-made units exits 1, units unchanged" \
  '[ $rc = 1 ] && is_number "$count" && [ "$count" -ge 1 ] && [ "$(units_in "$f")" = "$count" ]'
e=$w/empty.pardesk
"$cli" --db "$e" init 2>/dev/null
run --db "$e" demo
check "demo on a file made by init (still empty) exits 0" '[ $rc = 0 ] && [ "$(units_in "$e")" -ge 10 ]'

# --- a file from the version 0 prototype ---------------------------------

p=$w/proto.pardesk
sqlite3 "$p" "pragma application_id=1346458180;
  create table units(code text primary key, name text not null, parent text);
  insert into units values ('CCHC', 'Phòng Cải cách hành chính', 'SNV');
  insert into units values ('SNV', 'Sở Nội vụ', null);
  pragma user_version=0;"
run --db "$p" unit list
check "unit list on a version 0 file exits 0" '[ $rc = 0 ]'
printf 'SNV\tSở Nội vụ\t\nCCHC\tPhòng Cải cách hành chính\tSNV\n' >"$w/expected"
check "the prototype's units are listed, parent first, with the parent relation" 'cmp -s "$w/expected" "$w/out"'
check "a note about the update is printed on stderr" '[ -s "$w/err" ] && grep -q "v0-backup" "$w/err"'
uv=$(q "$p" 'pragma user_version')
check "the file's user_version is now >= 1 ($uv)" '[ "$uv" -ge 1 ] 2>/dev/null'
check "the backup $(basename "$p").v0-backup exists" '[ -f "$p.v0-backup" ]'
check "the backup's user_version is 0" '[ "$(q "$p.v0-backup" "pragma user_version")" = 0 ]'
check "the backup still holds the units table" '[ "$(q "$p.v0-backup" "select count(*) from units")" = 2 ]'
check "the updated file passes check" 'run --db "$p" check; [ $rc = 0 ] && [ "$(cat "$w/out")" = ok ]'
run --db "$p" unit list
check "a second open prints no update note and writes no new backup" \
  '[ $rc = 0 ] && [ ! -s "$w/err" ] && [ "$(ls "$w" | grep -c backup)" = 1 ]'


# --- evidence link / evidence unlink ---------------------------------------

# make_pdf FILE TEXT: a one-page PDF that says TEXT (ASCII), with a correct xref table.
make_pdf ()
{
  local out=$1 text=$2 body offsets=() i obj xref LC_ALL=C
  local stream="BT /F1 24 Tf 72 720 Td ($text) Tj ET"
  local objs=(
    "<< /Type /Catalog /Pages 2 0 R >>"
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
    "<< /Length ${#stream} >>"$'\n'"stream"$'\n'"$stream"$'\n'"endstream"
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
  )
  body="%PDF-1.4"$'\n'
  for i in "${!objs[@]}"; do
    offsets+=("${#body}")
    body+="$((i + 1)) 0 obj"$'\n'"${objs[$i]}"$'\n'"endobj"$'\n'
  done
  xref=${#body}
  body+="xref"$'\n'"0 $((${#objs[@]} + 1))"$'\n'"0000000000 65535 f "$'\n'
  for obj in "${offsets[@]}"; do body+=$(printf '%010d 00000 n ' "$obj")$'\n'; done
  body+="trailer"$'\n'"<< /Size $((${#objs[@]} + 1)) /Root 1 0 R >>"$'\n'"startxref"$'\n'"$xref"$'\n'"%%EOF"$'\n'
  printf '%s' "$body" >"$out"
}

L=$w/links.pardesk
"$cli" --db "$L" init 2>/dev/null
"$cli" --db "$L" unit add SNV "Sở Nội vụ" 2>/dev/null
"$cli" --db "$L" unit add STP "Sở Tư pháp" 2>/dev/null
cat >"$w/set.json" <<'END'
{"format": "par-desk/criteria-set@1", "name": "Bộ chỉ số sở", "level": "department", "year": 2025,
 "nodes": [{"code": "1", "title": "Chỉ đạo", "max": 2, "children": [
   {"code": "1.1", "title": "Ban hành kế hoạch", "max": 1},
   {"code": "1.2", "title": "Báo cáo định kỳ", "max": 1}]}]}
END
set_id=$("$cli" --db "$L" criteria import "$w/set.json" 2>/dev/null)
make_pdf "$w/kh.pdf" "Ke hoach cai cach hanh chinh 2025"
make_pdf "$w/bc.pdf" "Bao cao cai cach hanh chinh quy I"
doc=$("$cli" --db "$L" evidence add "$w/kh.pdf" 2>/dev/null)
doc2=$("$cli" --db "$L" evidence add "$w/bc.pdf" 2>/dev/null)
check "the link tests' file holds a set and two documents ($set_id, $doc, $doc2)" \
  'is_number "$set_id" && is_number "$doc" && is_number "$doc2" && [ "$doc" != "$doc2" ]'
# No command makes plans or inspections yet: task 4 of SNV's plan, inspection 2 of STP with its
# recommendation 3.
q "$L" "INSERT INTO plan (id, unit_id, year, title) SELECT 7, id, 2025, 'Kế hoạch CCHC năm 2025' FROM org_unit WHERE code = 'SNV';
  INSERT INTO task (id, plan_id, code, title) VALUES (4, 7, '3', 'Rà soát thủ tục hành chính');
  INSERT INTO inspection (id, unit_id, year, title) SELECT 2, id, 2025, 'Kiểm tra công tác CCHC' FROM org_unit WHERE code = 'STP';
  INSERT INTO recommendation (id, inspection_id, text, responsible_unit_id, deadline)
    SELECT 3, 2, 'Công khai đầy đủ TTHC', id, '2025-06-30' FROM org_unit WHERE code = 'STP';"
check "a plan task, an inspection and a recommendation were made with sqlite3" \
  '[ "$(q "$L" "select count(*) from task where id = 4") $(q "$L" "select count(*) from inspection where id = 2") $(q "$L" "select count(*) from recommendation where id = 3")" = "1 1 1" ]'

# links DOC: the document's link lines as evidence show prints them.
links () { "$cli" --db "$L" evidence show "$1" 2>/dev/null | grep '^link: '; }
# state: every link, assessment, audit entry and document; a refused command leaves it as it was.
state ()
{
  q "$L" "select (select group_concat(document_id || ':' || ifnull(assessment_id, '') || ':' || ifnull(node_id, '')
    || ':' || ifnull(task_id, '') || ':' || ifnull(inspection_id, '') || ':' || ifnull(recommendation_id, ''), ' ')
    from evidence_link),
    (select count(*) from assessment), (select count(*) from audit_log), (select count(*) from evidence_document)"
}

# names_link_options FILE: the help names every target option.
names_link_options ()
{
  local o
  for o in set unit code task inspection recommendation; do
    grep -q -- "--$o" "$1" || { echo "# --$o is not named"; return 1; }
  done
}

run --help
check "--help lists evidence link and evidence unlink" \
  'grep -qE "^ +evidence link " "$w/out" && grep -qE "^ +evidence unlink " "$w/out"'
for c in "evidence link" "evidence unlink"; do
  run $c --help
  check "$c --help exits 0 and names --set, --unit, --code, --task, --inspection and --recommendation" \
    '[ $rc = 0 ] && names_link_options "$w/out"'
done

audit_before=$(q "$L" 'select count(*) from audit_log')
run --db "$L" evidence link "$doc" --set "$set_id" --unit SNV --code 1.1
check "evidence link to an item exits 0 silently" '[ $rc = 0 ] && [ ! -s "$w/out" ] && [ ! -s "$w/err" ]'
check "evidence show lists the item link" '[ "$(links "$doc")" = "link: set $set_id SNV 1.1" ]'
check "the link is audited once" \
  'is_number "$audit_before" && [ "$(q "$L" "select count(*) from audit_log")" = $((audit_before + 1)) ]'
before=$(state)
run --db "$L" evidence link "$doc" --set "$set_id" --unit SNV --code 1.1
check "linking the same item again exits 0 and prints nothing" '[ $rc = 0 ] && [ ! -s "$w/out" ] && [ ! -s "$w/err" ]'
check "linking again adds no link and no audit entry" '[ "$(state)" = "$before" ] && [ "$(links "$doc" | wc -l)" = 1 ]'

run --db "$L" evidence link "$doc" --task 4
check "evidence link --task exits 0 silently" '[ $rc = 0 ] && [ ! -s "$w/out" ] && [ ! -s "$w/err" ]'
run --db "$L" evidence link "$doc" --inspection 2
check "evidence link --inspection exits 0 silently" '[ $rc = 0 ] && [ ! -s "$w/out" ] && [ ! -s "$w/err" ]'
run --db "$L" evidence link "$doc" --recommendation 3
check "evidence link --recommendation exits 0 silently" '[ $rc = 0 ] && [ ! -s "$w/out" ] && [ ! -s "$w/err" ]'
check "the recommendation link names the recommendation, not its inspection" \
  '[ "$(q "$L" "select ifnull(inspection_id, 0) || \":\" || recommendation_id from evidence_link where recommendation_id = 3")" = "0:3" ]'
before=$(state)
run --db "$L" evidence link "$doc" --task 4
check "linking the same task again exits 0, prints nothing, changes nothing" \
  '[ $rc = 0 ] && [ ! -s "$w/out" ] && [ ! -s "$w/err" ] && [ "$(state)" = "$before" ]'
printf 'link: set %s SNV 1.1\nlink: task 4\nlink: inspection 2\nlink: recommendation 3\n' "$set_id" >"$w/expected"
check "evidence show lists the item, the task, the inspection and the recommendation, once each" \
  'links "$doc" | cmp -s "$w/expected" - || { links "$doc" | sed "s/^/# got: /"; false; }'
check "the other document is linked to nothing" '[ -z "$(links "$doc2")" ]'
run --db "$L" evidence link "$doc2" --set "$set_id" --unit STP --code 1.2
check "evidence link to an item of a unit not yet scored exits 0" \
  '[ $rc = 0 ] && [ "$(links "$doc2")" = "link: set $set_id STP 1.2" ]'

# refused CODE DESCRIPTION TEXT VI_TEXT ARGS...: par-desk-cli ARGS exits CODE, prints nothing
# on stdout, says TEXT (VI_TEXT in Vietnamese) on stderr and changes nothing in the file.
refused ()
{
  local code=$1 what=$2 text before
  text=$(says "$3" "$4")
  shift 4
  before=$(state)
  run --db "$L" "$@"
  check "$what: exit $code, “$text” on stderr, nothing changed" \
    '[ $rc = '"$code"' ] && [ ! -s "$w/out" ] && grep -qF -- "$text" "$w/err" && [ "$(state)" = "$before" ]'
}
refused 1 "link of an unknown document" "no document with id 999" "Không có văn bản nào có ID 999" evidence link 999 --task 4
refused 1 "link to an unknown set" "no criteria set with id 999" "Không có bộ chỉ số nào có ID 999" evidence link "$doc2" --set 999 --unit SNV --code 1.1
refused 1 "link to an unknown unit" "no unit with code “NOPE”" "Không có đơn vị nào mang mã “NOPE”" evidence link "$doc2" --set "$set_id" --unit NOPE --code 1.1
refused 1 "link to an unknown code of a unit with no assessment yet" "no item with code “9.9”" "không có tiêu chí nào mang mã “9.9”" \
  evidence link "$doc" --set "$set_id" --unit STP --code 9.9
refused 1 "link to an unknown task" "no plan task with id 999" "Không có nhiệm vụ kế hoạch nào có ID 999" evidence link "$doc2" --task 999
refused 1 "link to an unknown inspection" "no inspection with id 998" "Không có đợt kiểm tra nào có ID 998" evidence link "$doc2" --inspection 998
refused 1 "link to an unknown recommendation" "no recommendation with id 997" "Không có kiến nghị nào có mã số 997" evidence link "$doc2" --recommendation 997
refused 2 "link without a target" "--recommendation" "--recommendation" evidence link "$doc2"
refused 2 "link to an inspection and a recommendation at once" "only one" "Chỉ nêu một trong số" evidence link "$doc2" --inspection 2 --recommendation 3
refused 2 "link to a task and an inspection at once" "only one" "Chỉ nêu một trong số" evidence link "$doc2" --task 4 --inspection 2
refused 2 "link to an item and a task at once" "only one" "Chỉ nêu một trong số" \
  evidence link "$doc2" --set "$set_id" --unit SNV --code 1.1 --task 4
refused 2 "link to an item without --unit" "all of --set, --unit and --code" "cung cấp đủ cả --set, --unit và --code" \
  evidence link "$doc2" --set "$set_id" --code 1.1
refused 2 "link without a document id" "document id" "ID của một văn bản" evidence link --task 4
refused 2 "link with a document id that is not a number" "document id" "ID của một văn bản" evidence link abc --task 4
refused 2 "link with two document ids" "document id" "ID của một văn bản" evidence link "$doc" "$doc2" --task 4
refused 1 "unlink of a task link that does not exist" "not linked to task 4" "chưa được gắn với nhiệm vụ 4" evidence unlink "$doc2" --task 4
refused 1 "unlink of an item link that does not exist" "not linked to item 1.2 of unit SNV" "chưa được gắn với tiêu chí 1.2 của đơn vị SNV" \
  evidence unlink "$doc" --set "$set_id" --unit SNV --code 1.2
refused 1 "unlink of an item link of a unit with no assessment" "not linked to item 1.1 of unit STP" "chưa được gắn với tiêu chí 1.1 của đơn vị STP" \
  evidence unlink "$doc" --set "$set_id" --unit STP --code 1.1
refused 1 "unlink of an unknown document" "no document with id 999" "Không có văn bản nào có ID 999" evidence unlink 999 --inspection 2
refused 1 "unlink from an unknown task" "no plan task with id 999" "Không có nhiệm vụ kế hoạch nào có ID 999" evidence unlink "$doc" --task 999
refused 1 "unlink from an unknown unit" "no unit with code “NOPE”" "Không có đơn vị nào mang mã “NOPE”" \
  evidence unlink "$doc" --set "$set_id" --unit NOPE --code 1.1
refused 2 "unlink without a target" "--task" "--task" evidence unlink "$doc"
refused 2 "unlink from a task and an inspection at once" "only one" "Chỉ nêu một trong số" evidence unlink "$doc" --task 4 --inspection 2

docs_before=$(q "$L" 'select count(*) from evidence_document')
run --db "$L" evidence unlink "$doc" --set "$set_id" --unit SNV --code 1.1
check "evidence unlink from an item exits 0 silently" '[ $rc = 0 ] && [ ! -s "$w/out" ] && [ ! -s "$w/err" ]'
printf 'link: task 4\nlink: inspection 2\nlink: recommendation 3\n' >"$w/expected"
check "the item link is gone, the others stay" 'links "$doc" | cmp -s "$w/expected" -'
run --db "$L" evidence unlink "$doc" --task 4
run --db "$L" evidence unlink "$doc" --inspection 2
check "evidence unlink --task and --inspection exit 0, the recommendation's link stays" \
  '[ $rc = 0 ] && [ "$(links "$doc")" = "link: recommendation 3" ]'
run --db "$L" evidence unlink "$doc" --recommendation 3
check "evidence unlink --recommendation exits 0, no link is left" '[ $rc = 0 ] && [ -z "$(links "$doc")" ]'
refused 1 "unlinking the same recommendation twice" "not linked to recommendation 3" "chưa được gắn với kiến nghị 3" \
  evidence unlink "$doc" --recommendation 3
check "the other document keeps its link" '[ "$(links "$doc2")" = "link: set $set_id STP 1.2" ]'
check "unlinked documents stay kept" \
  '[ "$(q "$L" "select count(*) from evidence_document")" = "$docs_before" ] && "$cli" --db "$L" evidence list | cut -f1 | grep -qx "$doc"'
refused 1 "unlinking the same task twice" "not linked to task 4" "chưa được gắn với nhiệm vụ 4" evidence unlink "$doc" --task 4
"$cli" --db "$L" evidence link "$doc" --recommendation 3 >/dev/null 2>&1
q "$L" "PRAGMA foreign_keys = ON; DELETE FROM recommendation WHERE id = 3"
check "deleting a recommendation removes its links; the document stays kept" \
  '[ -z "$(links "$doc")" ] && [ "$(q "$L" "select count(*) from evidence_link where recommendation_id is not null")" = 0 ] && [ "$(q "$L" "select count(*) from evidence_document where id = $doc")" = 1 ]'

# --- bad usage is exit 2 in every command ---------------------------------
# A value judged wrong before the file is opened is bad usage, like --set abc; one the file's
# data refuses (a score above the item's maximum) is a failure.

refused 2 "score set --set that is not a number" "--set" "--set" score set --set abc --unit SNV --code 1.1 --self 1
refused 2 "score set --self that is not a number" "“abc” is not a number" "“abc” không phải là số" \
  score set --set "$set_id" --unit SNV --code 1.1 --self abc
refused 2 "score set --appraised that is not a number" "“abc” is not a number" "“abc” không phải là số" \
  score set --set "$set_id" --unit SNV --code 1.1 --appraised abc
refused 2 "score set --self below 0" "“-1” is negative" "“-1” là số âm" \
  score set --set "$set_id" --unit SNV --code 1.1 --self -1
refused 2 "score set --self with four decimals" "more than three decimals" "nhiều hơn ba chữ số thập phân" \
  score set --set "$set_id" --unit SNV --code 1.1 --self 0.1234
refused 2 "score set --self abc for an unknown set: the usage comes first" "“abc” is not a number" \
  "“abc” không phải là số" score set --set 999 --unit SNV --code 1.1 --self abc
refused 1 "score set --self above the item's maximum" "allows 0 to 1 points, not 5" \
  "từ 0 đến 1 điểm, không được chấm 5 điểm" score set --set "$set_id" --unit SNV --code 1.1 --self 5
run --db "$L" score set --set "$set_id" --unit SNV --code 1.1 --self abc
check "score set --self abc points to score set --help" 'grep -qF "par-desk-cli score set --help" "$w/err"'

sets_before=$(q "$L" 'select count(*) from criteria_set')
run --db "$L" criteria import "$w/set.json" --level galaxy
check "criteria import --level galaxy exits 2, as unit add --level galaxy does" \
  '[ $rc = 2 ] && grep -qF "“galaxy”" "$w/err" && grep -qF "par-desk-cli criteria import --help" "$w/err"'
run --db "$L" criteria import "$w/no-such-set.json" --level galaxy
check "criteria import --level galaxy of a missing file exits 2: the level is judged first" '[ $rc = 2 ]'
run --db "$L" criteria import "$w/set.json" --year 1999
check "criteria import --year 1999 exits 2" '[ $rc = 2 ] && grep -qF -- "--year" "$w/err"'
run --db "$L" criteria import "$w/set.json" --year 2101
check "criteria import --year 2101 exits 2" '[ $rc = 2 ]'
run --db "$L" criteria import "$w/set.json" --year abc
check "criteria import --year abc exits 2" '[ $rc = 2 ]'
check "no refused criteria import imported a set" '[ "$(q "$L" "select count(*) from criteria_set")" = "$sets_before" ]'
run --db "$L" criteria import "$w/no-such-set.json"
check "criteria import of a missing file exits 1" '[ $rc = 1 ] && [ -s "$w/err" ]'
run --db "$L" export ranking --set "$set_id" -o "$w/r.xlsx" --basis galaxy
check "export ranking --basis galaxy exits 2, writes nothing" '[ $rc = 2 ] && [ ! -e "$w/r.xlsx" ]'

# --- nothing lands on the open file; damaged documents are found ------------

O=$w/outputs.pardesk
"$cli" --db "$O" init 2>/dev/null
"$cli" --db "$O" unit add SNV "Sở Nội vụ" --level department 2>/dev/null
set_o=$("$cli" --db "$O" criteria import "$w/set.json" 2>/dev/null | tail -n 1)
make_pdf "$w/one.pdf" "Quyet dinh mot"
make_pdf "$w/two.pdf" "Quyet dinh hai with enough text to be damaged in the middle of its bytes"
d1=$("$cli" --db "$O" evidence add "$w/one.pdf" 2>/dev/null)
d2=$("$cli" --db "$O" evidence add "$w/two.pdf" 2>/dev/null)
ln -s outputs.pardesk "$w/link.xlsx"
ln "$O" "$w/hard.xlsx"
s_o=$(sha "$O")
for target in "$O" "$O-wal" "$O-shm" "$w/link.xlsx" "$w/hard.xlsx"; do
  name=${target#"$w/"}
  run --db "$O" evidence export "$d1" -o "$target"
  check "evidence export -o $name (the open file) is refused" '[ $rc = 1 ] && grep -qF "$(says "you are working in" "đang làm việc")" "$w/err"'
  run --db "$O" export scores --set "$set_o" --unit SNV -o "$target"
  check "export scores -o $name (the open file) is refused" '[ $rc = 1 ] && [ -s "$w/err" ]'
  run --db "$O" export ranking --set "$set_o" -o "$target"
  check "export ranking -o $name (the open file) is refused" '[ $rc = 1 ] && [ -s "$w/err" ]'
done
check "the file is unchanged and whole after the refused exports" \
  '[ "$(sha "$O")" = "$s_o" ] && [ -L "$w/link.xlsx" ] && "$cli" --db "$O" check >/dev/null'
# 32 bytes of the second document flipped inside the file
sqlite3 "$O" "UPDATE evidence_blob SET data = substr (data, 1, 300) || randomblob (32) || substr (data, 333)
              WHERE id = (SELECT blob_id FROM evidence_document WHERE id = $d2)"
run --db "$O" check
check "check finds the damaged document and names it" \
  '[ $rc = 1 ] && grep -q "$(says "document $d2 (two.pdf)" "văn bản $d2 (two.pdf)")" "$w/err" && ! grep -q "(one.pdf)" "$w/err"'
run --db "$O" check --quick
check "check --quick checks the database only, as before" '[ $rc = 0 ] && [ "$(cat "$w/out")" = ok ]'
run --db "$O" evidence export "$d2" -o "$w/two-out.pdf"
check "evidence export of the damaged document exits 1 and writes nothing" \
  '[ $rc = 1 ] && [ -s "$w/err" ] && [ ! -e "$w/two-out.pdf" ] && [ ! -e "$w/two-out.pdf.part" ]'
run --db "$O" evidence export "$d1" -o "$w/one-out.pdf"
check "the intact document still exports, byte for byte" '[ $rc = 0 ] && cmp -s "$w/one.pdf" "$w/one-out.pdf"'

# Names from a file (crafted elsewhere: unit add refuses them) with tabs or line breaks keep
# one record a line.
sqlite3 "$O" "INSERT INTO org_unit (code, name, level) VALUES ('TAB', 'Phòng' || char(9) || 'có' || char(10) || 'ngắt dòng', 'office')"
run --db "$O" unit list
check "unit list: a name with a tab and a line break stays one field of one line" \
  '[ $rc = 0 ] && [ "$(awk -F"\t" "NF != 3" "$w/out" | wc -l)" = 0 ] && grep -q "^TAB	Phòng có ngắt dòng	" "$w/out"'
printf '{"format":"par-desk/criteria-set@1","name":"Bộ\\tchỉ số\\nmới","level":"department","year":2025,"nodes":[{"code":"1","title":"A","max":1}]}' >"$w/tab-name.json"
"$cli" --db "$O" criteria import "$w/tab-name.json" >/dev/null 2>&1
run --db "$O" criteria list
check "criteria list: a set name with a tab and a line break stays one field of one line" \
  '[ $rc = 0 ] && [ "$(awk -F"\t" "NF != 5" "$w/out" | wc -l)" = 0 ] && grep -q "Bộ chỉ số mới" "$w/out"'

# --- private files; read-only files and folders -------------------------

P=$w/private/folder/new.pardesk
(umask 022; "$cli" --db "$P" init 2>/dev/null; "$cli" --db "$P" unit add A A 2>/dev/null; sleep 0)
check "a new file is private (0600), and the folders made for it (0700)" \
  '[ "$(stat -c %a "$P")" = 600 ] && [ "$(stat -c %a "$w/private/folder")" = 700 ] && [ "$(stat -c %a "$w/private")" = 700 ]'

# As root every file is writable: the read-only cases run as an ordinary user.
as_user () { "$@"; }
if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null 2>&1; then
    as_user () { setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$w/ro-home" "$@"; }
  else
    as_user () { return 99; }
  fi
fi
R=$w/ro
mkdir -p "$R" "$w/ro-home"
cp "$cli" "$R/cli"
chmod 0777 "$R" "$w/ro-home"; chmod 0755 "$w" "$R/cli"
as_user "$R/cli" --db "$R/a.pardesk" init 2>/dev/null
as_user "$R/cli" --db "$R/a.pardesk" unit add A "Unit A" 2>/dev/null
as_user chmod 0444 "$R/a.pardesk"
as_user "$R/cli" --db "$R/a.pardesk" unit list >"$w/out" 2>"$w/err"; rc=$?
if [ $rc = 99 ]; then
  echo "ok $((n + 1)) - read-only files # SKIP no setpriv to run as an ordinary user"; n=$((n + 1))
else
  check "a read-only file is listed" '[ $rc = 0 ] && grep -q "Unit A" "$w/out"'
  check "reading a read-only file leaves no -wal or -shm behind" '[ ! -e "$R/a.pardesk-shm" ] && [ ! -e "$R/a.pardesk-wal" ]'
  as_user "$R/cli" --db "$R/a.pardesk" unit add B "Unit B" >"$w/out" 2>"$w/err"; rc=$?
  check "a change to a read-only file is refused with a message" '[ $rc = 1 ] && grep -qF -- "$(says "read-only" "chỉ đọc")" "$w/err"'
  as_user chmod 0644 "$R/a.pardesk"
  as_user "$R/cli" --db "$R/a.pardesk" unit add B "Unit B" >"$w/out" 2>"$w/err"; rc=$?
  check "once writable again, the file takes changes" '[ $rc = 0 ]'
  # a read-only -shm, left by a program that read the read-only file (an older PAR Desk did),
  # does not block writing once the file is writable again
  as_user chmod 0444 "$R/a.pardesk"
  as_user sqlite3 "$R/a.pardesk" "PRAGMA journal_mode = WAL; SELECT count(*) FROM org_unit" >/dev/null 2>&1
  shm_mode=$(stat -c %a "$R/a.pardesk-shm" 2>/dev/null)
  as_user chmod 0644 "$R/a.pardesk"
  as_user "$R/cli" --db "$R/a.pardesk" unit add D "Unit D" >"$w/out" 2>"$w/err"; rc=$?
  check "a -shm left read-only ($shm_mode) by an earlier reader does not block writing" \
    '[ "$shm_mode" = 444 ] && [ $rc = 0 ]'
  as_user mkdir "$R/sub"
  as_user "$R/cli" --db "$R/sub/b.pardesk" init 2>/dev/null
  as_user "$R/cli" --db "$R/sub/b.pardesk" unit add C "Unit C" 2>/dev/null
  as_user chmod 0555 "$R/sub"
  as_user "$R/cli" --db "$R/sub/b.pardesk" unit list >"$w/out" 2>"$w/err"; rc=$?
  check "a file in a read-only folder is listed" '[ $rc = 0 ] && grep -q "Unit C" "$w/out"'
  as_user "$R/cli" --db "$R/sub/b.pardesk" check >"$w/out" 2>"$w/err"; rc=$?
  check "a file in a read-only folder is checked" '[ $rc = 0 ] && [ "$(cat "$w/out")" = ok ]'
  as_user chmod 0755 "$R/sub"
fi

# --- the annual reform plan ------------------------------------------------

P=$w/plan.pardesk
pl () { run --db "$P" "$@"; }
pl init
pl unit add UBND "Ủy ban nhân dân" --level district
pl unit add PNV "Phòng Nội vụ" --parent UBND
pl unit add VP "Văn phòng" --parent UBND
pl plan create --unit UBND --year 2026
check "plan create prints the plan's id" '[ $rc = 0 ] && is_number "$(cat "$w/out")"'
pid=$(cat "$w/out")
pl plan create --unit UBND --year 2026
check "a second plan of the unit and year: exit 1 with a message" '[ $rc = 1 ] && [ -s "$w/err" ]'
pl plan create --unit NOPE --year 2027
check "plan create for an unknown unit: exit 1" '[ $rc = 1 ]'
for y in 1999 2101 20x6 ""; do
  pl plan create --unit UBND --year "$y"
  check "plan create --year '$y' is bad usage (exit 2)" '[ $rc = 2 ]'
done
pl plan list
# The default title in the run's language, as the build's catalogue gives it.
title_format=$(TEXTDOMAINDIR=${PAR_DESK_LOCALEDIR:-} gettext par-desk "Annual reform plan %d" 2>/dev/null)
# shellcheck disable=SC2059 # the format is the translation
default_title=$(printf "${title_format:-Annual reform plan %d}" 2026)
[ -n "$vi" ] || check "the English default title" '[ "$default_title" = "Annual reform plan 2026" ]'
check "plan list: ID YEAR UNIT TASKS and the default title" \
  '[ $rc = 0 ] && [ "$(cat "$w/out")" = "$pid${TAB}2026${TAB}UBND${TAB}0${TAB}$default_title" ]'

pl task add --plan "$pid" --title "Kiện toàn Ban Chỉ đạo" --area I --lead PNV --coordinating VP --deadline 31/03/2026 \
  --output "Quyết định"
t1=$(cat "$w/out")
check "task add prints the task's id" '[ $rc = 0 ] && is_number "$t1"'
pl task add --plan "$pid" --title "Công khai TTHC" --area "cai cach thu tuc hanh chinh" --lead VP --quarter 2
t2=$(cat "$w/out")
pl task add --plan "$pid" --title $'Theo dõi\tthi hành' --area 2 --lead VP --ongoing --code "2.1"
t3=$(cat "$w/out")
check "tasks added with a date, a quarter and ongoing" 'is_number "$t2" && is_number "$t3"'
before=$(q "$P" "select count(*) from task")
for args in "--deadline 31/02/2026" "--quarter 0" "--quarter 5" "--deadline 2026-03-31 --ongoing" "" \
            "--deadline 2026-3-31x"; do
  # shellcheck disable=SC2086 # several options
  pl task add --plan "$pid" --title X --area I --lead PNV $args
  check "task add $args: bad usage (exit 2)" '[ $rc = 2 ]'
done
pl task add --plan "$pid" --title X --area nowhere --lead PNV --quarter 1
check "task add with an unknown area: exit 2" '[ $rc = 2 ]'
pl task add --plan "$pid" --title X --area I --lead NOPE --quarter 1
check "task add with an unknown lead unit: exit 1" '[ $rc = 1 ]'
pl task add --plan "$pid" --title X --area I --lead PNV --coordinating VP,NOPE --quarter 1
check "task add with an unknown coordinating unit: exit 1" '[ $rc = 1 ]'
pl task add --plan "$pid" --title X --area I --lead PNV --coordinating PNV --quarter 1
check "task add naming the lead as coordinating: exit 1" '[ $rc = 1 ]'
pl task add --plan "$pid" --title X --area I --lead PNV --quarter 1 --code 2.1
check "task add with a code the plan uses: exit 1" '[ $rc = 1 ]'
pl task add --plan 999 --title X --area I --lead PNV --quarter 1
check "task add to an unknown plan: exit 1" '[ $rc = 1 ]'
check "refused task adds added nothing" '[ "$(q "$P" "select count(*) from task")" = "$before" ]'

pl task list --plan "$pid" --as-of 2026-03-31
check "task list: one line per task, ten columns" \
  '[ $rc = 0 ] && [ "$(wc -l <"$w/out")" = 3 ] && [ "$(awk -F"\t" "NF != 10" "$w/out" | wc -l)" = 0 ]'
check "task list: the columns of a task with a date deadline" \
  '[ "$(head -n 1 "$w/out")" = "$t1${TAB}I.1${TAB}direction${TAB}PNV${TAB}VP${TAB}2026-03-31${TAB}0${TAB}${TAB}not-started${TAB}Kiện toàn Ban Chỉ đạo" ]'
check "task list: default code, quarter end as the deadline" \
  '[ "$(sed -n 2p "$w/out" | cut -f2,3,6)" = "III.1${TAB}procedures${TAB}2026-06-30" ]'
check "task list: tabs in a title become spaces, ongoing is due on 31 December" \
  '[ "$(sed -n 3p "$w/out" | cut -f2,6,10)" = "2.1${TAB}2026-12-31${TAB}Theo dõi thi hành" ]'
pl task list --plan "$pid" --as-of 2026-04-01 --status overdue
check "task list --status overdue the day after the deadline" '[ $rc = 0 ] && [ "$(cut -f1 "$w/out")" = "$t1" ]'
pl task list --plan "$pid" --as-of 2026-03-31 --status overdue
check "task list --status overdue on the deadline day: none" '[ $rc = 0 ] && [ ! -s "$w/out" ]'
pl task list --plan "$pid" --unit PNV
check "task list --unit: the tasks the unit leads or coordinates" '[ $rc = 0 ] && [ "$(cut -f1 "$w/out")" = "$t1" ]'
pl task list --plan "$pid" --unit VP
check "task list --unit counts coordinating units" '[ "$(wc -l <"$w/out")" = 3 ]'
pl task list --plan "$pid" --status finished
check "task list with an unknown status: exit 2" '[ $rc = 2 ]'
pl task list --plan "$pid" --as-of 31/13/2026
check "task list with a malformed --as-of: exit 2" '[ $rc = 2 ]'
pl task list --plan "$pid" --unit NOPE
check "task list with an unknown unit: exit 1" '[ $rc = 1 ]'
pl task list --plan 999
check "task list of an unknown plan: exit 1" '[ $rc = 1 ]'

pl task progress "$t1" --percent 40 --date 15/3/2026 --note "Dự thảo"
check "task progress exits 0" '[ $rc = 0 ]'
pl task progress "$t1" --percent 60 --date 2026-03-15
pl task list --plan "$pid" --as-of 2026-03-14
check "progress counts from its date on" '[ "$(head -n 1 "$w/out" | cut -f7,9)" = "0${TAB}not-started" ]'
pl task list --plan "$pid" --as-of 2026-03-15
check "of two entries on one date the last recorded counts" '[ "$(head -n 1 "$w/out" | cut -f7,9)" = "60${TAB}in-progress" ]'
for p in 101 -1 abc 4.5 ""; do
  pl task progress "$t1" --percent "$p"
  check "task progress --percent '$p': exit 2" '[ $rc = 2 ]'
done
pl task progress abc --percent 10
check "task progress with a malformed id: exit 2" '[ $rc = 2 ]'
pl task progress 999 --percent 10
check "task progress of an unknown task: exit 1" '[ $rc = 1 ]'
pl task done "$t1" --date 2026-04-10 --note "Xong"
check "task done exits 0" '[ $rc = 0 ]'
pl task list --plan "$pid" --as-of 2026-04-09
check "completed late: overdue before the completion date" '[ "$(head -n 1 "$w/out" | cut -f7-9)" = "60${TAB}${TAB}overdue" ]'
pl task list --plan "$pid" --as-of 2026-04-10
check "completed late: done-late, 100 and the date from then" \
  '[ "$(head -n 1 "$w/out" | cut -f7-9)" = "100${TAB}2026-04-10${TAB}done-late" ]'
pl task done "$t1" --date 2026-01-01
check "task done on a completed task: exit 1" '[ $rc = 1 ] && [ -s "$w/err" ]'
pl task cancel "$t2" --date 2026-05-01 --note "Không còn phù hợp"
pl task list --plan "$pid" --as-of 2026-12-31 --status cancelled
check "task cancel: cancelled from its date on" '[ "$(cut -f1 "$w/out")" = "$t2" ]'
pl task progress "$t2" --percent 10
check "progress on a cancelled task: exit 1" '[ $rc = 1 ]'
pl task cancel "$t2"
check "cancelling twice: exit 1" '[ $rc = 1 ]'
entries=$(q "$P" "select count(*) from progress_entry")
check "refusals recorded nothing ($entries progress entries)" '[ "$entries" = 3 ]'

pl plan carry-over --from "$pid" --to-year 2026
check "carry-over into the same year: exit 1" '[ $rc = 1 ]'
pl plan carry-over --from "$pid" --to-year 20x7
check "carry-over with a malformed year: exit 2" '[ $rc = 2 ]'
pl plan carry-over --from 999 --to-year 2027
check "carry-over of an unknown plan: exit 1" '[ $rc = 1 ]'
pl plan carry-over --from "$pid" --to-year 2027
pid2=$(cat "$w/out")
check "carry-over prints the new plan's id" '[ $rc = 0 ] && is_number "$pid2" && [ "$pid2" != "$pid" ]'
pl task list --plan "$pid2" --as-of 2027-01-01
check "carry-over copies only the unfinished task, ongoing kept, no progress" \
  '[ "$(cut -f2,6,7,9 "$w/out")" = "2.1${TAB}2027-12-31${TAB}0${TAB}not-started" ]'
pl plan carry-over --from "$pid" --to-year 2027
check "carry-over again: same plan, nothing more" \
  '[ "$(cat "$w/out")" = "$pid2" ] && [ "$(q "$P" "select count(*) from task where plan_id = $pid2")" = 1 ]'
pl plan list
check "plan list by year with task counts" '[ "$(cut -f1-4 "$w/out" | tr "\t\n" "|;")" = "$pid|2026|UBND|3;$pid2|2027|UBND|1;" ]'

# task items: the PAR Index items a task serves, set all or nothing and listed in order.
pl criteria import "$w/set.json"
sid=$(cat "$w/out")
pl task items "$t3"
check "task items of a task that serves none: nothing, exit 0" '[ $rc = 0 ] && [ ! -s "$w/out" ]'
pl task items "$t3" --set "$sid" --code 1.2 --code " 1.1 "
check "task items --set --code exits 0, prints nothing" '[ $rc = 0 ] && [ ! -s "$w/out" ]'
pl task items "$t3"
check "task items lists SET, YEAR, CODE and TITLE in the order given" \
  '[ "$(tr "\t\n" "|;" <"$w/out")" = "$sid|2025|1.2|Báo cáo định kỳ;$sid|2025|1.1|Ban hành kế hoạch;" ]'
check "setting the items is in the audit log" \
  '[ "$(q "$P" "select new_value from audit_log where entity = '"'task'"' and field = '"'items'"'")" = "1.2,1.1" ]'
links_before=$(q "$P" "select group_concat(node_id) from task_item")
for args in "--set $sid" "--code 1.1" "--clear --set $sid --code 1.1" "--set $sid --code ,"; do
  pl task items "$t3" $args
  check "task items $args: bad usage (exit 2)" '[ $rc = 2 ]'
done
pl task items abc
check "task items with a malformed id: exit 2" '[ $rc = 2 ]'
pl task items 999
check "task items of an unknown task: exit 1" '[ $rc = 1 ] && [ -s "$w/err" ]'
pl task items 999 --set "$sid" --code 1.1
check "task items --set on an unknown task: exit 1" '[ $rc = 1 ]'
pl task items "$t3" --set 999 --code 1.1
check "task items with an unknown set: exit 1" '[ $rc = 1 ]'
pl task items "$t3" --set "$sid" --code 1.1,9.9
check "task items with a code the set lacks: exit 1, named" '[ $rc = 1 ] && grep -q "9\.9" "$w/err"'
pl task items "$t3" --set "$sid" --code 1
check "task items naming a group: exit 1" '[ $rc = 1 ] && [ -s "$w/err" ]'
pl task items "$t3" --set "$sid" --code 1.1,1.1
check "task items naming an item twice: exit 1" '[ $rc = 1 ]'
check "refused task items changed no link" '[ "$(q "$P" "select group_concat(node_id) from task_item")" = "$links_before" ]'
pl task items "$t3" --clear
pl task items "$t3"
check "task items --clear: the task serves none" '[ $rc = 0 ] && [ ! -s "$w/out" ] && [ "$(q "$P" "select count(*) from task_item")" = 0 ]'

# plan import: a CSV file of tasks; every problem as FILE:LINE: on stderr, all or nothing.
pl plan create --unit PNV --year 2026
pid3=$(cat "$w/out")
printf '\xef\xbb\xbfSTT;Nội dung nhiệm vụ;Lĩnh vực;Đơn vị chủ trì;Đơn vị phối hợp;Thời hạn\r\n' >"$w/tasks.csv"
printf 'II;CẢI CÁCH THỂ CHẾ;;;;\r\n1;"Rà soát; ""văn bản""";;phong noi vu;VP;Quý II/2026\r\n' >>"$w/tasks.csv"
printf ';Công khai TTHC;III;VP;;Tháng 6 năm 2026\r\n' >>"$w/tasks.csv"
pl plan import --plan "$pid3" "$w/tasks.csv"
check "plan import prints ID<TAB>CODE for each new task, in file order" \
  '[ $rc = 0 ] && [ "$(cut -f2 "$w/out" | tr "\n" " ")" = "II.1 III.1 " ] && is_number "$(head -n 1 "$w/out" | cut -f1)"'
pl task list --plan "$pid3" --as-of 2026-01-01
check "plan import: units by name and code, quarter and month deadlines, quotes" \
  '[ "$(cut -f2-6,10 "$w/out" | tr "\t\n" "|;")" = "II.1|institutions|PNV|VP|2026-06-30|Rà soát; \"văn bản\";III.1|procedures|VP||2026-06-30|Công khai TTHC;" ]'
printf 'code,title,area,lead,deadline\nK.1,Good,I,PNV,Q1\nK.2,"Two\nlines",I,NOPE,Q1\nII.1,Taken code,I,PNV,Q1\nK.4,,I,PNV,soon\n' >"$w/bad.csv"
pl plan import --plan "$pid3" "$w/bad.csv"
check "plan import of a file with problems: exit 1, FILE:LINE: per problem, nothing on stdout" \
  '[ $rc = 1 ] && [ ! -s "$w/out" ] && [ "$(cut -d: -f1-2 "$w/err" | sort -u | tr "\n" " ")" = "$w/bad.csv:3 $w/bad.csv:5 $w/bad.csv:6 " ] && [ "$(wc -l <"$w/err")" = 4 ]'
check "plan import of a file with problems wrote nothing" \
  '[ "$(q "$P" "select count(*) from task where plan_id = $pid3")" = 2 ]'
printf 'title,area,lead,deadline\nPh\xf2ng,I,PNV,Q1\n' >"$w/cp1252.csv"
pl plan import --plan "$pid3" "$w/cp1252.csv"
check "plan import of a Windows code page file: exit 1, told to save as CSV UTF-8" \
  '[ $rc = 1 ] && grep -q "^$w/cp1252.csv:2: .*CSV UTF-8" "$w/err"'
pl plan import --plan abc "$w/tasks.csv"
check "plan import with a malformed --plan: exit 2" '[ $rc = 2 ]'
pl plan import "$w/tasks.csv"
check "plan import without --plan: exit 2" '[ $rc = 2 ]'
pl plan import --plan "$pid3"
check "plan import without a file: exit 2" '[ $rc = 2 ]'
pl plan import --plan 999 "$w/tasks.csv"
check "plan import into an unknown plan: exit 1" '[ $rc = 1 ] && [ -s "$w/err" ]'
pl plan import --plan "$pid3" "$w/missing.csv"
check "plan import of a missing file: exit 1" '[ $rc = 1 ] && [ -s "$w/err" ]'
check "refused imports wrote nothing" '[ "$(q "$P" "select count(*) from task where plan_id = $pid3")" = 2 ]'

# --- holiday list / add / remove -----------------------------------------
# The law's table (docs/cli.md, "Working days and public holidays"), then the file's edits.

H=$w/holidays.pardesk
hd () { run --db "$H" "$@"; }
hd init
hd holiday list --year 2026
check "holiday list 2026: DATE and KIND as docs/cli.md lists them (Tết 16–20/02, Hùng Kings' Sunday made up on Monday)" \
  '[ $rc = 0 ] && [ "$(cut -f1,2 "$w/out" | tr "\t\n" " ;")" = "2026-01-01 new-year;2026-02-16 tet;2026-02-17 tet;2026-02-18 tet;2026-02-19 tet;2026-02-20 tet;2026-04-26 hung-kings;2026-04-27 compensatory;2026-04-30 victory-day;2026-05-01 labour-day;2026-09-01 national-day;2026-09-02 national-day;" ]'
check "holiday list: the names in the language of the run" \
  'grep -qxF "2026-02-17${TAB}tet${TAB}$(says "Lunar New Year (Tết)" "Tết Nguyên đán")" "$w/out" && grep -qxF "2026-04-27${TAB}compensatory${TAB}$(says "Compensatory day off" "Nghỉ bù")" "$w/out" && grep -qxF "2026-09-02${TAB}national-day${TAB}$(says "National Day" "Quốc khánh")" "$w/out"'
hd holiday list --year 2027
check "holiday list 2027: Tết's weekend and 1 May (a Saturday) made up, the National Day's second day after it" \
  '[ $rc = 0 ] && [ "$(cut -f1,2 "$w/out" | tr "\t\n" " ;")" = "2027-01-01 new-year;2027-02-05 tet;2027-02-06 tet;2027-02-07 tet;2027-02-08 tet;2027-02-09 tet;2027-02-10 compensatory;2027-02-11 compensatory;2027-04-16 hung-kings;2027-04-30 victory-day;2027-05-01 labour-day;2027-05-03 compensatory;2027-09-02 national-day;2027-09-03 national-day;" ]'
hd holiday list --year 2030
check "holiday list 2030: the lunar year 2029 ends on 1 February 2030 (UTC+7)" \
  '[ "$(grep -c "${TAB}tet${TAB}" "$w/out")" = 5 ] && grep -q "^2030-02-01${TAB}tet" "$w/out" && grep -q "^2030-02-05${TAB}tet" "$w/out"'
hd holiday add 20/03/2026 "Nghỉ bù theo thông báo"
check "holiday add DD/MM/YYYY: exit 0, nothing on stdout" '[ $rc = 0 ] && [ ! -s "$w/out" ]'
hd holiday list --year 2026
check "holiday add: the day listed as added, with its name as given" \
  'grep -qxF "2026-03-20${TAB}added${TAB}Nghỉ bù theo thông báo" "$w/out" && [ "$(wc -l <"$w/out")" = 13 ]'
cp "$H" "$w/holidays-before.pardesk"
hstate () { q "$1" "select day || '|' || ifnull(name, '-') from holiday_edit order by day" | tr '\n' ';'; }
before=$(hstate "$H")
hd holiday add 2026-03-20 "Lần nữa"
check "holiday add of a date already added: exit 1, a message" '[ $rc = 1 ] && [ -s "$w/err" ] && [ ! -s "$w/out" ]'
hd holiday add 2026-02-17 "Mùng một Tết"
check "holiday add of a law day: exit 1, says it is a holiday already" \
  '[ $rc = 1 ] && grep -qF "$(says "2026-02-17 is already a holiday" "Ngày 2026-02-17 đã là ngày nghỉ lễ")" "$w/err"'
hd holiday remove 2026-03-21
check "holiday remove of a working day: exit 1, says it is not a holiday" \
  '[ $rc = 1 ] && grep -qF "$(says "2026-03-21 is not a holiday" "Ngày 2026-03-21 không phải là ngày nghỉ lễ")" "$w/err"'
hd holiday add 2026-02-30 X
check "holiday add of a date that does not exist: exit 2" '[ $rc = 2 ] && grep -qF -- "par-desk-cli holiday add --help" "$w/err"'
hd holiday add 2026-03-23 "  "
check "holiday add with an empty name: exit 2" '[ $rc = 2 ]'
hd holiday add 2026-03-23
check "holiday add without a name: exit 2" '[ $rc = 2 ]'
hd holiday add 1999-03-23 "Xưa"
check "holiday add of a year the table does not cover: exit 2" '[ $rc = 2 ]'
hd holiday remove 32/01/2026
check "holiday remove of a malformed date: exit 2" '[ $rc = 2 ]'
hd holiday list --year 1999
check "holiday list of a year out of 2000–2100: exit 2" '[ $rc = 2 ] && [ ! -s "$w/out" ]'
hd holiday list
check "holiday list without --year: exit 2" '[ $rc = 2 ]'
hd holiday list --year 20x6
check "holiday list with a malformed year: exit 2" '[ $rc = 2 ]'
run --db "$w/none.pardesk" holiday list --year 2026
check "holiday list of a missing file: exit 1, creates nothing" '[ $rc = 1 ] && [ ! -e "$w/none.pardesk" ]'
check "the refused holiday commands changed nothing" '[ "$(hstate "$H")" = "$before" ] && [ "$(q "$H" "select count(*) from audit_log where entity = '"'holiday'"'")" = 1 ]'
hd holiday remove 2026-03-20
hd holiday remove 1/9/2026
hd holiday remove 2026-04-26
hd holiday list --year 2026
check "holiday remove: an added and two law days become working days; no other day moves" \
  '[ "$(cut -f1,2 "$w/out" | tr "\t\n" " ;")" = "2026-01-01 new-year;2026-02-16 tet;2026-02-17 tet;2026-02-18 tet;2026-02-19 tet;2026-02-20 tet;2026-04-27 compensatory;2026-04-30 victory-day;2026-05-01 labour-day;2026-09-02 national-day;" ]'
hd holiday add 2026-09-01 "Nghỉ Quốc khánh"
hd holiday list --year 2026
check "holiday add of a removed law day: listed as added" 'grep -qxF "2026-09-01${TAB}added${TAB}Nghỉ Quốc khánh" "$w/out"'
hd holiday list --year 2027
check "edits of 2026 leave 2027 as it was" '[ "$(wc -l <"$w/out")" = 14 ]'
hd holiday add 2026-12-31 "$(printf 'Tab\there')"
hd holiday list --year 2026
check "holiday list: a tab in a name becomes a space" 'grep -qxF "2026-12-31${TAB}added${TAB}Tab here" "$w/out"'

echo "1..$n"
[ $failed -eq 0 ] || { echo "# $failed of $n checks failed"; exit 1; }
exit 0
