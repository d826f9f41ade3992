#!/usr/bin/env bash
# tests/test-data.sh: validates the data files (desktop, metainfo, schema, flatpak manifest, MIME, icons).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-data.sh DESKTOP METAINFO GSCHEMA FLATPAK_MANIFEST MIME_XML
#   DESKTOP   built .desktop file      METAINFO  built .metainfo.xml file
#   GSCHEMA   source .gschema.xml      FLATPAK_MANIFEST  flatpak/*.json
#   MIME_XML  source .mime.xml
# The icons are looked up next to the schema: data/icons/hicolor/...
# Prints TAP; exits 1 if any check fails, 2 on bad usage.

if [ $# -ne 5 ]; then
  echo "usage: $0 DESKTOP METAINFO GSCHEMA FLATPAK_MANIFEST MIME_XML" >&2
  exit 2
fi

desktop=$1 metainfo=$2 gschema=$3 manifest=$4 mime=$5
app_id=io.github.pardesk.ParDesk
datadir=$(dirname "$gschema")
icon=$datadir/icons/hicolor/scalable/apps/$app_id.svg
symbolic=$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg

n=0 failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# check DESCRIPTION COMMAND...: runs COMMAND, prints ok / not ok, and the
# command's output as TAP diagnostics when it fails.
check ()
{
  local desc=$1
  shift
  n=$((n + 1))
  if "$@" >"$out" 2>&1; then
    echo "ok $n - $desc"
  else
    echo "not ok $n - $desc"
    sed 's/^/# /' "$out"
    failed=$((failed + 1))
  fi
}

need ()
{
  command -v "$1" >/dev/null 2>&1 || { echo "$1 not found (install $2)"; return 1; }
}

desktop_valid ()
{
  need desktop-file-validate desktop-file-utils || return 1
  [ -f "$desktop" ] || { echo "missing $desktop"; return 1; }
  # desktop-file-validate exits 0 on hints; fail on errors and warnings too.
  local msg
  msg=$(desktop-file-validate "$desktop" 2>&1) || { echo "$msg"; return 1; }
  if echo "$msg" | grep -qE 'error:|warning:'; then echo "$msg"; return 1; fi
  grep -qx 'Exec=par-desk %f' "$desktop" && grep -qx "Icon=$app_id" "$desktop" \
    && grep -q '^MimeType=.*application/x-pardesk;' "$desktop" \
    || { echo "Exec, Icon or MimeType wrong"; return 1; }
}

metainfo_valid ()
{
  need appstream-util appstream-util || return 1
  [ -f "$metainfo" ] || { echo "missing $metainfo"; return 1; }
  appstream-util validate-relax --nonet "$metainfo"
}

schema_valid ()
{
  need glib-compile-schemas libglib2.0-bin || return 1
  [ -f "$gschema" ] || { echo "missing $gschema"; return 1; }
  glib-compile-schemas --strict --dry-run "$datadir"
}

manifest_valid ()
{
  [ -f "$manifest" ] || { echo "missing $manifest"; return 1; }
  /usr/bin/python3 - "$manifest" <<'PY'
import json, re, sys

m = json.load(open(sys.argv[1], encoding="utf-8"))

def need(cond, what):
    if not cond:
        sys.exit("manifest: " + what)

need(m.get("id") == "io.github.pardesk.ParDesk", "id is io.github.pardesk.ParDesk")
need(m.get("runtime") == "org.gnome.Platform", "runtime is org.gnome.Platform")
need(m.get("sdk") == "org.gnome.Sdk", "sdk is org.gnome.Sdk")
need(m.get("command") == "par-desk", "command is par-desk")

modules = [x for x in m.get("modules", []) if isinstance(x, dict)]
names = [x.get("name") for x in modules]
for name in ("libxlsxwriter", "poppler", "par-desk"):
    need(name in names, "module %s present (have %s)" % (name, names))
need(names and names[-1] == "par-desk", "par-desk is the last module")

poppler = modules[names.index("poppler")]
opts = poppler.get("config-opts", [])
# Only what PAR Desk uses: signatures are checked with OpenSSL, not poppler's NSS or GPGME.
for opt in ("-DENABLE_GLIB=ON", "-DENABLE_QT5=OFF", "-DENABLE_QT6=OFF", "-DENABLE_NSS3=OFF", "-DENABLE_GPGME=OFF"):
    need(opt in opts, "poppler config-opts contain " + opt)

def sources(mods):
    for mod in mods:
        if not isinstance(mod, dict):
            continue
        for src in mod.get("sources", []):
            if isinstance(src, dict):
                yield mod.get("name"), src
        yield from sources(mod.get("modules", []))

for name, src in sources(modules):
    if src.get("type") in ("archive", "file"):
        need(src.get("url", "").startswith("https://"), "%s: archive has an https url" % name)
        need(re.fullmatch(r"[0-9a-f]{64}", src.get("sha256", "")), "%s: sha256 is 64 hex digits" % name)
PY
}

mime_valid ()
{
  need xmllint libxml2-utils || return 1
  [ -f "$mime" ] || { echo "missing $mime"; return 1; }
  xmllint --noout "$mime" || return 1
  local type glob
  type=$(xmllint --xpath "string(//*[local-name()='mime-type']/@type)" "$mime") || return 1
  glob=$(xmllint --xpath "string(//*[local-name()='mime-type'][@type='application/x-pardesk']/*[local-name()='glob']/@pattern)" "$mime") || return 1
  [ "$type" = application/x-pardesk ] || { echo "mime-type is '$type'"; return 1; }
  [ "$glob" = '*.pardesk' ] || { echo "glob is '$glob'"; return 1; }
}

svg_valid ()
{
  need xmllint libxml2-utils || return 1
  [ -f "$1" ] || { echo "missing $1"; return 1; }
  xmllint --noout "$1" || return 1
  local root
  root=$(xmllint --xpath "local-name(/*)" "$1") || return 1
  [ "$root" = svg ] || { echo "root element is '$root', not svg"; return 1; }
}

echo "1..7"
check "desktop file is valid ($(basename "$desktop"))" desktop_valid
check "metainfo passes appstream-util validate-relax" metainfo_valid
check "GSettings schema compiles with --strict" schema_valid
check "flatpak manifest: id, runtime, modules, poppler options, sha256" manifest_valid
check "MIME type application/x-pardesk with glob *.pardesk" mime_valid
check "scalable app icon is well-formed SVG" svg_valid "$icon"
check "symbolic app icon is well-formed SVG" svg_valid "$symbolic"

[ "$failed" -eq 0 ] || exit 1
