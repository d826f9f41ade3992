# tests/cli-tap.sh: what the TAP scripts of par-desk-cli share; sourced, after $w (a temporary folder) is set.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets a home of its own under $w, the locale of the run (C.UTF-8 in English unless the test's
# environment says otherwise), and gives says, check and finish. A script defines its own run,
# which leaves the command line in $last, its exit code in $rc and its output in $w/out and $w/err.

export HOME=$w/home XDG_DATA_HOME=$w/data XDG_CONFIG_HOME=$w/config XDG_CACHE_HOME=$w/cache
mkdir -p "$HOME"
export LC_ALL=${LC_ALL:-C.UTF-8}
export LANG=$LC_ALL LANGUAGE=${LANGUAGE:-en}
case $LANGUAGE in vi*) vi=1 ;; *) vi= ;; esac
# says ENGLISH VIETNAMESE: the text a message holds in the language of the run.
says () { if [ -n "$vi" ]; then printf '%s' "$2"; else printf '%s' "$1"; fi; }

n=0 failed=0 rc=0 last=""
: >"$w/out"; : >"$w/err"

# check DESCRIPTION CONDITION: CONDITION is shell code, evaluated now. On failure the last
# command, its exit code, stderr and stdout are shown.
check ()
{
  n=$((n + 1))
  if eval "$2"; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    printf '%s\n' "$2" | sed 's/^/#   condition: /'
    echo "#   last command: $last (exit $rc)"
    [ -s "$w/err" ] && head -c 2000 "$w/err" | awk '{ print "#   stderr: " $0 }'
    [ -s "$w/out" ] && head -n 20 "$w/out" | awk '{ print "#   stdout: " $0 }'
    failed=$((failed + 1))
  fi
}

# finish: the plan line, and the exit status of the script.
finish ()
{
  echo "1..$n"
  [ $failed -eq 0 ] || { echo "# $failed of $n checks failed"; exit 1; }
  exit 0
}
