#!/usr/bin/env bash
# tests/test-cli-inspections.sh: checks the staff, inspection, finding and recommendation commands of par-desk-cli
# against docs/cli.md: their output lines, the clash lines and their order, --force, free slots, statuses as
# of a date, and every exit code (2 bad usage, 1 a name the file does not hold or a refusal; nothing changes).
# The holidays named are the fixed-date days of the Labour Code, the same under every holiday table.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-inspections.sh PATH_TO_par-desk-cli   (prints TAP)

if [ $# -ne 1 ]; then
  echo "usage: $0 PATH_TO_par-desk-cli" >&2
  exit 2
fi
cli=$1
if [ ! -x "$cli" ]; then
  echo "1..0 # SKIP $cli is not an executable"
  exit 1
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "Bail out! sqlite3 not found (install sqlite3)"
  exit 1
fi

w=$(mktemp -d) || exit 1
trap 'rm -rf "$w"' EXIT
. "$(dirname "$0")/cli-tap.sh"

db=$w/t.pardesk
T=$'\t'

run ()
{
  last="par-desk-cli $*"
  "$cli" --db "$db" "$@" >"$w/out" 2>"$w/err"
  rc=$?
}

q () { sqlite3 "$db" "$1" 2>&1; }
# the clash lines on stderr: every line but a last one that starts with "par-desk-cli"
clash_lines () { grep -v '^par-desk-cli' "$w/err"; }
out () { tr '\t\n' '.;' <"$w/out"; }
id () { tr -dc '0-9' <"$w/out"; }
n_inspections () { q 'select count(*) from inspection'; }

run init
run unit add SNV "Sở Nội vụ" --level department
run unit add STP "Sở Tư pháp" --level department
run unit add SYT "Sở Y tế" --level department

# --- staff -----------------------------------------------------------------

run staff add SNV "Lê Quang Minh" --position "Phó Giám đốc Sở" --role steering-member --email minh@snv.example.vn --phone 0912
s1=$(id)
check "staff add prints the id" '[ $rc = 0 ] && [ "$s1" -gt 0 ]'
check "staff add keeps the phone" '[ "$(q "select phone from staff where id = $s1")" = 0912 ]'
run staff add SNV "Phạm Thị Lan Anh" --role par-officer; s2=$(id)
run staff add SNV "Võ Thị Mai"; s3=$(id)
run staff add STP "Phan Văn Long" --position "Phó Giám đốc"; s4=$(id)
run staff list
check "staff list: ID, UNIT, NAME, POSITION, ROLE, EMAIL by id" \
  '[ "$(head -n 1 "$w/out")" = "$s1${T}SNV${T}Lê Quang Minh${T}Phó Giám đốc Sở${T}steering-member${T}minh@snv.example.vn" ] && [ "$(sed -n 3p "$w/out")" = "$s3${T}SNV${T}Võ Thị Mai${T}${T}staff${T}" ] && [ "$(wc -l <"$w/out")" = 4 ]'
run staff list --unit STP
check "staff list --unit" '[ "$(cut -f1 "$w/out")" = "$s4" ]'
run staff list --unit NOPE
check "staff list of an unknown unit: exit 1" '[ $rc = 1 ]'
run staff add NOPE "X"
check "staff add to an unknown unit: exit 1, nothing added" '[ $rc = 1 ] && [ "$(q "select count(*) from staff")" = 4 ]'
run staff add SNV "X" --role boss
check "staff add with an unknown role: exit 2" '[ $rc = 2 ] && [ "$(q "select count(*) from staff")" = 4 ]'
run staff add SNV
check "staff add without a name: exit 2" '[ $rc = 2 ]'

# --- inspection add ----------------------------------------------------------

run inspection add --unit STP --from 2026-03-10 --to 11/03/2026 --title "Kiểm tra Sở Tư pháp" --scope "Chỉ đạo; TTHC" \
    --leader "$s1" --deputy "$s2" --member "$s3"
i1=$(id)
check "a clean inspection: exit 0, the id, nothing on stderr" '[ $rc = 0 ] && [ "$i1" -gt 0 ] && [ ! -s "$w/err" ]'
run inspection add --unit SYT --from 2026-03-11 --to 2026-03-12 --title "Y tế" --leader "$s4" --member "$s3"
check "a member busy: exit 1, one member-busy line with the shared days, nothing saved" \
  '[ $rc = 1 ] && [ "$(clash_lines)" = "member-busy${T}$s3${T}$i1${T}2026-03-11${T}2026-03-11" ] && [ ! -s "$w/out" ] && [ "$(n_inspections)" = 1 ]'
check "the refusal's last line says nothing was saved" \
  '[ "$(tail -n 1 "$w/err")" = "par-desk-cli inspection add: $(says "The inspection has 1 clash; it was not saved." "Cuộc kiểm tra có 1 trường hợp trùng lịch; chưa được lưu.")" ]'
run inspection add --unit STP --from 2026-03-07 --to 2026-03-10 --title "Nhiều" --member "$s2" --member "$s1"
check "several clashes in the documented order" \
  '[ $rc = 1 ] && [ "$(clash_lines | tr "\n" ";")" = "no-leader;unit-busy${T}STP${T}$i1${T}2026-03-10${T}2026-03-10;member-busy${T}$s1${T}$i1${T}2026-03-10${T}2026-03-10;member-busy${T}$s2${T}$i1${T}2026-03-10${T}2026-03-10;weekend${T}2026-03-07;weekend${T}2026-03-08;" ]'
run inspection add --unit SYT --from 2026-04-30 --to 2026-05-02 --title "Lễ" --leader "$s4"
check "holidays (30/4, 1/5) then the weekend, one line a day" \
  '[ $rc = 1 ] && [ "$(clash_lines | cut -f1,2 | tr "\t\n" ".;")" = "holiday.2026-04-30;holiday.2026-05-01;weekend.2026-05-02;" ]'
run inspection add --unit SYT --from 2026-04-30 --title "Lễ" --leader "$s4" --force
i2=$(id)
check "--force: saved, the id on stdout, the clash still on stderr, exit 0" \
  '[ $rc = 0 ] && [ "$i2" -gt "$i1" ] && clash_lines | grep -q "^holiday${T}2026-04-30${T}." && [ "$(n_inspections)" = 2 ]'
run inspection clashes "$i2"
check "inspection clashes: the forced one's line on stdout" '[ $rc = 0 ] && [ "$(cut -f1,2 "$w/out")" = "holiday${T}2026-04-30" ]'
run inspection clashes "$i1"
check "inspection clashes of a clean one: no output, exit 0" '[ $rc = 0 ] && [ ! -s "$w/out" ]'
run inspection clashes 999
check "inspection clashes of an unknown inspection: exit 1" '[ $rc = 1 ]'
run inspection clashes x
check "inspection clashes of a malformed id: exit 2" '[ $rc = 2 ]'

before=$(n_inspections)
bad () { run inspection add "$@"; echo $rc; }
codes="$(bad --unit SYT --from 2026-06-10 --to 2026-06-09 --title X --leader "$s4") $(bad --unit SYT --from 2026-06-10 --title X --leader 9999)"
codes="$codes $(bad --unit SYT --from 2026-06-10 --title X --leader "$s4" --member "$s4") $(bad --unit NOPE --from 2026-06-10 --title X --leader "$s4")"
codes="$codes $(bad --unit SYT --from 31/02/2026 --title X) $(bad --unit SYT --from 2026-06-10 --title X --leader abc)"
codes="$codes $(bad --unit SYT --from 2026-06-10 --leader "$s4") $(bad --unit SYT --from 2026-06-10 --title X --leader "$s4,$s1")"
check "bad inspections: --to before --from 2, unknown staff 1, one person twice 1, unknown unit 1, bad date 2, bad id 2, no title 2, two leaders 2" \
  '[ "$codes" = "2 1 1 1 2 2 2 2" ] && [ "$(n_inspections)" = "$before" ]'

# --- inspection list, cancel ---------------------------------------------------

run inspection list --year 2026
check "inspection list: ID, UNIT, FROM, TO, STATUS, TEAM by role, TITLE, by FROM" \
  '[ "$(head -n 1 "$w/out")" = "$i1${T}STP${T}2026-03-10${T}2026-03-11${T}planned${T}leader:$s1,deputy:$s2,member:$s3${T}Kiểm tra Sở Tư pháp" ] && [ "$(wc -l <"$w/out")" = 2 ] && [ "$(sed -n 2p "$w/out" | cut -f1,4)" = "$i2${T}2026-04-30" ]'
run inspection list --year 2027
check "inspection list --year keeps those that start in the year" '[ $rc = 0 ] && [ ! -s "$w/out" ]'
run inspection list --year 1999
check "inspection list with a bad year: exit 2" '[ $rc = 2 ]'
run inspection cancel "$i1"
check "inspection cancel" '[ $rc = 0 ] && [ "$(q "select status from inspection where id = $i1")" = cancelled ]'
run inspection cancel "$i1"
check "cancelling twice: exit 1" '[ $rc = 1 ]'
run inspection cancel 999
check "cancelling an unknown inspection: exit 1" '[ $rc = 1 ]'
run inspection list
check "a cancelled inspection is listed as cancelled" '[ "$(head -n 1 "$w/out" | cut -f5)" = cancelled ]'
run inspection add --unit SYT --from 2026-03-11 --to 2026-03-12 --title "Y tế" --leader "$s4" --member "$s3"
i3=$(id)
check "a cancelled inspection clashes no more" '[ $rc = 0 ] && [ -n "$i3" ]'

# --- free slots ------------------------------------------------------------

run inspection free-slots --unit STP --team "$s4,$s1" --days 2 --after 2026-04-27 --count 3
check "free slots skip 30/4, 1/5 and the weekend; runs overlap" \
  '[ $rc = 0 ] && [ "$(out)" = "2026-04-28.2026-04-29;2026-05-04.2026-05-05;2026-05-05.2026-05-06;" ]'
run inspection free-slots --unit STP --team "$s4" --days 1 --after 2026-03-10
check "free slots skip a busy member's days; five by default" \
  '[ "$(out)" = "2026-03-13.2026-03-13;2026-03-16.2026-03-16;2026-03-17.2026-03-17;2026-03-18.2026-03-18;2026-03-19.2026-03-19;" ]'
run inspection free-slots --unit SYT --team "$s1" --days 1 --after 2026-03-10 --count 1
check "free slots skip the unit's own days" '[ "$(out)" = "2026-03-13.2026-03-13;" ]'
run inspection free-slots --unit SYT --team "$s1" --days 6
check "no run of six working days: no line, exit 0" '[ $rc = 0 ] && [ ! -s "$w/out" ]'
codes=""
for args in "--days 0" "--days 2 --count 0" "--days x" "--days 1 --after 2026-02-30" "--days 1 --team abc"; do
  # shellcheck disable=SC2086
  run inspection free-slots --unit SYT --team "$s1" $args; codes="$codes $rc"
done
run inspection free-slots --unit SYT --days 1; codes="$codes $rc"
run inspection free-slots --unit NOPE --team "$s1" --days 1; codes="$codes $rc"
run inspection free-slots --unit SYT --team 999 --days 1; codes="$codes $rc"
check "free-slots refusals: bad N, K, date, id and no team 2; unknown unit or staff 1" '[ "$codes" = " 2 2 2 2 2 2 1 1" ]'

# --- findings and recommendations --------------------------------------------

run finding add "$i3" "Chưa niêm yết TTHC" --criterion 2.1.3
f1=$(id)
check "finding add prints the id" '[ $rc = 0 ] && [ -n "$f1" ]'
run finding add "$i3" "Thiếu báo cáo"; f2=$(id)
run finding list "$i3"
check "finding list: ID, CRITERION, TEXT by id" '[ "$(out)" = "$f1.2.1.3.Chưa niêm yết TTHC;$f2..Thiếu báo cáo;" ]'
run finding add 999 "X"
check "finding of an unknown inspection: exit 1" '[ $rc = 1 ]'
run finding list x
check "finding list of a malformed id: exit 2" '[ $rc = 2 ]'

run recommendation add "$i3" "Niêm yết đầy đủ TTHC" --unit SYT --deadline 30/04/2026 --finding "$f1"; r1=$(id)
run recommendation add "$i3" "Gửi báo cáo" --unit STP --deadline 2026-05-15; r2=$(id)
check "recommendation add prints the id" '[ $rc = 0 ] && [ "$r2" -gt "$r1" ]'
codes=""
run recommendation add "$i3" "X" --unit SYT --deadline 2026-02-30; codes="$codes $rc"
run recommendation add "$i3" "X" --unit SYT; codes="$codes $rc"
run recommendation add "$i3" "X" --unit NOPE --deadline 2026-05-01; codes="$codes $rc"
run recommendation add 999 "X" --unit SYT --deadline 2026-05-01; codes="$codes $rc"
run recommendation add "$i2" "X" --unit SYT --deadline 2026-05-01 --finding "$f1"; codes="$codes $rc"
check "recommendation add refusals: bad date 2, no deadline 2, unknown unit 1, unknown inspection 1, another inspection's finding 1" \
  '[ "$codes" = " 2 2 1 1 1" ] && [ "$(q "select count(*) from recommendation")" = 2 ]'
run recommendation list --as-of 2026-04-30
check "recommendation list: ID, INSPECTION, UNIT, DEADLINE, STATUS, CLOSED, TEXT; open on the deadline day" \
  '[ "$(head -n 1 "$w/out")" = "$r1${T}$i3${T}SYT${T}2026-04-30${T}open${T}${T}Niêm yết đầy đủ TTHC" ]'
run recommendation list --as-of 2026-05-01 --overdue
check "overdue the day after; --overdue keeps those" '[ "$(cut -f1,5 "$w/out")" = "$r1${T}overdue" ]'
run recommendation list --unit STP --as-of 2026-05-01
check "recommendation list --unit" '[ "$(cut -f1 "$w/out")" = "$r2" ]'
run recommendation list --inspection "$i2"
check "recommendation list --inspection" '[ $rc = 0 ] && [ ! -s "$w/out" ]'
run recommendation list --inspection 999
check "recommendation list of an unknown inspection: exit 1" '[ $rc = 1 ]'
run recommendation list --as-of 2026-13-01
check "recommendation list with a bad date: exit 2" '[ $rc = 2 ]'
run recommendation done "$r1" --date 05/05/2026 --note "Đã niêm yết"
check "recommendation done" '[ $rc = 0 ] && [ "$(q "select follow_up from recommendation where id = $r1")" = "Đã niêm yết" ]'
run recommendation done "$r2" --date 2026-05-15
run recommendation list --as-of 2026-05-15
check "done-late after the deadline with CLOSED, done on it" \
  '[ "$(cut -f1,5,6 "$w/out" | tr "\t\n" ".;")" = "$r1.done-late.2026-05-05;$r2.done.2026-05-15;" ]'
run recommendation list --as-of 2026-05-04
check "before its closing date it is still overdue, CLOSED empty" '[ "$(head -n 1 "$w/out" | cut -f5,6)" = "overdue${T}" ]'
run recommendation done "$r1"
check "closing twice: exit 1" '[ $rc = 1 ]'
run recommendation done 999
check "closing an unknown recommendation: exit 1" '[ $rc = 1 ]'
run recommendation done "$r2" --date 2026-02-30
check "closing with a bad date: exit 2" '[ $rc = 2 ]'

for c in "staff add" "staff list" "inspection add" "inspection clashes" "inspection list" "inspection cancel" \
         "inspection free-slots" "finding add" "finding list" "recommendation add" "recommendation list" "recommendation done"; do
  # shellcheck disable=SC2086
  run $c --help
  check "$c --help" '[ $rc = 0 ] && grep -q "par-desk-cli $c" "$w/out"'
done

finish
