#!/usr/bin/env bash
# tests/test-cli-trust.sh: checks trust add, list, remove and add-crl of par-desk-cli against docs/cli.md, and
# that what they change shows at once in evidence show and evidence list: a small PKI is made with openssl
# (a root, a government CA under it, a signer under that), a decision is signed with pdfsig, and the signer
# reads untrusted, trusted, then revoked as the trust list and revocation lists change.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-trust.sh PATH_TO_par-desk-cli   (prints TAP)

if [ $# -ne 1 ]; then
  echo "usage: $0 PATH_TO_par-desk-cli" >&2
  exit 2
fi
cli=$(realpath "$1")
for tool in openssl pdfsig certutil pk12util sqlite3; do
  if ! command -v $tool >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed (make check installs openssl, poppler-utils, libnss3-tools, sqlite3)"
    exit 0
  fi
done

w=$(mktemp -d) || exit 1
trap 'rm -rf "$w"' EXIT
. "$(dirname "$0")/cli-tap.sh"

db=$w/t.pardesk

run ()
{
  last="par-desk-cli $*"
  "$cli" --db "$db" "$@" >"$w/out" 2>"$w/err"
  rc=$?
}

kv () { sed -n "s/^$1: *//p" "$w/out" | head -n 1; }
fingerprint () { openssl x509 -in "$1" -noout -fingerprint -sha256 | sed 's/.*=//; s/://g' | tr 'A-F' 'a-f'; }
not_after () { date -u -d "$(openssl x509 -in "$1" -noout -enddate | sed 's/notAfter=//')" +%Y-%m-%d; }
n_trusted () { sqlite3 "$db" 'select count(*) from trust_certificate'; }

# --- a small PKI ------------------------------------------------------------

cd "$w" || exit 1
cat >ca.cnf <<'CNF'
[ ca ]
default_ca = gov
[ gov ]
dir = .
database = index.txt
new_certs_dir = .
serial = serial
crlnumber = crlnumber
default_md = sha256
policy = any
default_crl_days = 30
[ any ]
commonName = supplied
[ v3_ca ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ v3_leaf ]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
CNF
touch index.txt; echo 01 >serial; echo 01 >crlnumber
{
  openssl req -x509 -newkey rsa:2048 -nodes -keyout root.key -out root.pem -days 3650 -utf8 \
    -subj "/CN=Gốc Thử Nghiệm/O=PAR Desk Test" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign"
  openssl req -newkey rsa:2048 -nodes -keyout gov.key -out gov.csr -utf8 -subj "/CN=CA Chính phủ Thử nghiệm"
  openssl x509 -req -in gov.csr -CA root.pem -CAkey root.key -CAcreateserial -out gov.pem -days 3000 \
    -extfile ca.cnf -extensions v3_ca
  openssl req -newkey rsa:2048 -nodes -keyout leaf.key -out leaf.csr -utf8 -subj "/CN=Nguyễn Văn A"
  openssl x509 -req -in leaf.csr -CA gov.pem -CAkey gov.key -CAcreateserial -out leaf.pem -days 1000 \
    -extfile ca.cnf -extensions v3_leaf
  openssl ca -config ca.cnf -cert gov.pem -keyfile gov.key -gencrl -out empty.crl -batch
  openssl ca -config ca.cnf -cert gov.pem -keyfile gov.key -revoke leaf.pem -batch
  openssl ca -config ca.cnf -cert gov.pem -keyfile gov.key -gencrl -out revoked.crl -batch
  openssl x509 -in root.pem -outform DER -out root.cer
  cat root.pem gov.pem >both.pem
  openssl crl2pkcs7 -nocrl -certfile both.pem -out both.p7b
  openssl crl2pkcs7 -nocrl -certfile both.pem -outform DER -out both-der.p7c
  openssl crl -in revoked.crl -outform DER -out revoked-der.crl
  # The signer's chain goes into the signature, as signing software does; then a decision, signed.
  mkdir nss && certutil -N -d sql:nss --empty-password
  openssl pkcs12 -export -inkey leaf.key -in leaf.pem -certfile gov.pem -out leaf.p12 -passout pass: -name signer
  pk12util -i leaf.p12 -d sql:nss -W ""
  "$cli" --db unused.pardesk --help
} >"$w/pki.log" 2>&1
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R /Size 4 >>\n%%%%EOF\n' >plain.pdf
pdfsig -nssdir sql:nss -add-signature -nick signer plain.pdf signed.pdf >>"$w/pki.log" 2>&1
check "fixtures made (openssl, pdfsig)" '[ -s root.pem ] && [ -s gov.pem ] && [ -s revoked.crl ] && [ -s signed.pdf ]'

run init
run evidence add signed.pdf
doc=$(tr -dc '0-9' <"$w/out")
run evidence show "$doc"
check "a signer nobody trusts yet: certificate: untrusted" '[ "$(kv certificate)" = untrusted ]'
check "certificate-issuer names the signer's issuer" '[ "$(kv certificate-issuer)" = "CA Chính phủ Thử nghiệm" ]'
check "the verdict does not depend on trust" '[ "$(kv signature)" = valid ]'

# The score sheet's evidence column says the same as evidence show.
printf '{"format":"par-desk/criteria-set@1","name":"Trust","level":"department","year":2025,"nodes":[{"code":"1","title":"Plan","max":1,"children":[{"code":"1.1","title":"Plan issued","max":1}]}]}' >set.json
run criteria import set.json; set=$(tail -n 1 "$w/out" | tr -dc '0-9')
run unit add DEP1 "Department One" --level department
run evidence link "$doc" --set "$set" --unit DEP1 --code 1.1
evidence_cell () {
  run export scores --set "$set" --unit DEP1 -o "$w/scores.xlsx"
  /usr/bin/python3 - "$w/scores.xlsx" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
print('\n'.join(str(c.value) for row in ws.iter_rows() for c in row if c.value and 'signed.pdf' in str(c.value)))
PY
}
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
  check "score sheet: signed, issuer not trusted" \
    '[ "$(evidence_cell)" = "signed.pdf ($(says "Signed, issuer not trusted" "Đã ký số, tổ chức cấp chưa được tin cậy"))" ]'
fi

# --- trust add ----------------------------------------------------------------

root_line="$(fingerprint root.pem)	Gốc Thử Nghiệm	$(not_after root.pem)"
gov_line="$(fingerprint gov.pem)	CA Chính phủ Thử nghiệm	$(not_after gov.pem)"
run trust add root.pem
check "trust add prints FINGERPRINT, SUBJECT (the CN) and NOT_AFTER" '[ $rc = 0 ] && [ "$(cat "$w/out")" = "$root_line" ]'
run evidence show "$doc"
check "at once: the signer is trusted (the chain is judged when read)" '[ "$(kv certificate)" = trusted ]'
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
  check "score sheet: signed, issuer trusted" \
    '[ "$(evidence_cell)" = "signed.pdf ($(says "Signed, issuer trusted" "Đã ký số, tổ chức cấp được tin cậy"))" ]'
fi
run evidence list
check "evidence list keeps its verdict column" '[ "$(cut -f6 "$w/out")" = valid ]'
run trust add root.pem
check "adding again changes nothing and prints the same line" '[ $rc = 0 ] && [ "$(cat "$w/out")" = "$root_line" ] && [ "$(n_trusted)" = 1 ]'
run trust add root.cer
check "a DER .cer" '[ $rc = 0 ] && [ "$(cat "$w/out")" = "$root_line" ]'
run trust add both.pem
check "PEM with two blocks: one line each, in file order" '[ $rc = 0 ] && [ "$(cat "$w/out")" = "$root_line"$'"'"'\n'"'"'"$gov_line" ]'
run trust add both.p7b
check "a PKCS #7 bundle (PEM)" '[ $rc = 0 ] && [ "$(wc -l <"$w/out")" = 2 ]'
run trust add both-der.p7c
check "a PKCS #7 bundle (DER)" '[ $rc = 0 ] && [ "$(wc -l <"$w/out")" = 2 ]'
run trust list
check "trust list: the same columns, by subject" '[ "$(cat "$w/out")" = "$gov_line"$'"'"'\n'"'"'"$root_line" ]'

before=$(n_trusted)
cat root.pem leaf.pem >mixed.pem
run trust add mixed.pem
check "a file with a signer's certificate (not a CA) is refused whole: exit 1, the reason" \
  '[ $rc = 1 ] && grep -q "Nguyễn Văn A" "$w/err" && [ "$(n_trusted)" = "$before" ]'
echo "no certificate here" >junk.txt
run trust add junk.txt
check "a file with no certificate: exit 1, nothing added" '[ $rc = 1 ] && [ -s "$w/err" ] && [ "$(n_trusted)" = "$before" ]'
run trust add no-such-file.pem
check "a missing file: exit 1" '[ $rc = 1 ] && [ -s "$w/err" ]'
run trust add
check "no file named: exit 2" '[ $rc = 2 ]'

# --- trust remove -------------------------------------------------------------

run trust remove 1234567
check "a fingerprint of fewer than 8 digits: exit 1" '[ $rc = 1 ] && [ "$(n_trusted)" = 2 ]'
run trust remove 0000000000
check "no match: exit 1" '[ $rc = 1 ] && [ "$(n_trusted)" = 2 ]'
prefix=$(fingerprint gov.pem | cut -c1-12 | tr 'a-f' 'A-F' | sed 's/../&:/g; s/:$//')
run trust remove "$prefix"
check "remove by a prefix with colons, any case" '[ $rc = 0 ] && [ "$(n_trusted)" = 1 ]'
run trust list
check "the list no longer holds it" '[ "$(cat "$w/out")" = "$root_line" ]'
run trust remove "$(fingerprint root.pem)"
run evidence show "$doc"
check "at once: with the root gone the signer is untrusted again" '[ "$(kv certificate)" = untrusted ]'
run trust add root.pem

# --- trust add-crl --------------------------------------------------------------

run trust add-crl empty.crl
check "a revocation list that lists nobody: the signer stays trusted" '[ $rc = 0 ] && run evidence show "$doc" && [ "$(kv certificate)" = trusted ]'
run trust add-crl revoked.crl
check "add-crl prints nothing and leaves trust list as it was" '[ $rc = 0 ] && [ ! -s "$w/out" ] && run trust list && [ "$(cat "$w/out")" = "$root_line" ]'
run evidence show "$doc"
check "at once: revoked before the signing time reads revoked" '[ "$(kv certificate)" = revoked ]'
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
  check "score sheet: signed with a revoked certificate" \
    '[ "$(evidence_cell)" = "signed.pdf ($(says "Signed with a revoked certificate" "Đã ký bằng chứng thư số đã bị thu hồi"))" ]'
fi
run evidence list
check "evidence list still says valid for the file's verdict" '[ "$(cut -f6 "$w/out")" = valid ]'
run trust add-crl revoked-der.crl
check "a DER revocation list" '[ $rc = 0 ]'
run trust add-crl root.pem
check "a certificate is not a revocation list: exit 1" '[ $rc = 1 ] && [ -s "$w/err" ]'

# --- the list travels with the file -------------------------------------------------

cp "$db" copy.pardesk
"$cli" --db copy.pardesk trust list >"$w/out" 2>"$w/err"
check "a copy of the file trusts the same issuers" '[ "$(cat "$w/out")" = "$root_line" ]'

for c in "trust add" "trust list" "trust remove" "trust add-crl"; do
  # shellcheck disable=SC2086
  run $c --help
  check "$c --help" '[ $rc = 0 ] && grep -q "par-desk-cli $c" "$w/out"'
done

finish
