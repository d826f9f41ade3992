#!/bin/bash
# tests/fuzz/run-fuzz.sh: runs libFuzzer targets of libpar-core for a while and says what they found
#
# Usage: run-fuzz.sh (--each SECONDS | --total SECONDS) [--jobs N] [--work DIR] [--fresh] FUZZER...
#   FUZZER    a libFuzzer binary fuzz-TARGET (meson -Dfuzzing=true); its seeds are corpus/TARGET/
#             beside this script, its dictionary dict/TARGET.dict when there is one
#   --each    seconds for each target; --total: seconds of wall time for all of them on N cores
#   --jobs    how many targets run at once (default 2, the cores of the machine)
#   --work    where the grown corpus (DIR/corpus/TARGET), the findings (DIR/findings/TARGET: crash-*,
#             leak-*, timeout-*, oom-*) and the logs (DIR/logs/TARGET.log) go; kept between runs
#   --fresh   start from the seeds alone, the corpus grown by earlier runs forgotten (a bounded run
#             then takes as long every time)
# Prints one line per target: executions, corpus size, findings of this run. Exit status 1 when a
# target found something (or failed to run), 0 otherwise. make check-sanitize runs every target a
# few seconds (meson suite 'fuzzing'); make fuzz FUZZ_SECONDS=N runs them for N seconds in all.
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

here=$(cd "$(dirname "$0")" && pwd)
each=
total=
jobs=2
work=fuzzing
fresh=
while [ $# -gt 0 ]; do
  case $1 in
    --each) each=$2; shift 2 ;;
    --total) total=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --fresh) fresh=1; shift ;;
    --) shift; break ;;
    -*) echo "run-fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
if [ $# -eq 0 ] || { [ -z "$each" ] && [ -z "$total" ]; }; then
  sed -n '4,15p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
# The total wall time shared out: the targets run $jobs at a time.
if [ -z "$each" ]; then
  rounds=$(( ($# + jobs - 1) / jobs ))
  each=$(( total / rounds ))
  [ "$each" -ge 1 ] || each=1
fi

# The same settings as the tests under the sanitizers (tests/meson.build), unless given. The slow
# unwinder costs two thirds of the executions, but without it a leak's stack stops in g_malloc
# (Debian's libraries have no frame pointers) and lsan.supp cannot tell json-glib's from ours.
asan=halt_on_error=1:print_stacktrace=1:detect_leaks=1:fast_unwind_on_malloc=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-$asan}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/../lsan.supp:print_suppressions=0}
export G_SLICE=${G_SLICE:-always-malloc}
export G_DEBUG=${G_DEBUG:-fatal-criticals,gc-friendly}

mkdir -p "$work/logs" || exit 1
stamp="$work/logs/.started-$$"
touch "$stamp"
sleep 1   # so that a finding of this run is newer than the stamp

run_one () {
  local fuzzer=$1 target
  target=$(basename "$fuzzer")
  target=${target#fuzz-}
  local seeds="$here/corpus/$target" dict="$here/dict/$target.dict"
  local corpus="$work/corpus/$target" findings="$work/findings/$target" log="$work/logs/$target.log"
  local args=()

  [ -n "$fresh" ] && rm -rf "$corpus"
  mkdir -p "$corpus" "$findings"
  [ -f "$dict" ] && args+=("-dict=$dict")
  "$fuzzer" -max_total_time="$each" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$findings/" "${args[@]}" "$corpus" "$seeds" >"$log" 2>&1
  echo $? >"$log.status"
}

running=0
for fuzzer in "$@"; do
  if [ ! -x "$fuzzer" ]; then
    echo "run-fuzz.sh: $fuzzer is not a fuzzer binary (build with -Dfuzzing=true)" >&2
    exit 2
  fi
  run_one "$fuzzer" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

rc=0
echo "Fuzzing, ${each}s per target ($work):"
for fuzzer in "$@"; do
  target=$(basename "$fuzzer")
  target=${target#fuzz-}
  log="$work/logs/$target.log"
  status=$(cat "$log.status" 2>/dev/null || echo '?')
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  [ -n "$runs" ] || runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
  [ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9]*\)\t.*/\1/p' "$log" | tail -n 1)
  corp=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -n 1 | sed 's/corp: //')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | sed 's/cov: //')
  saved=$(ls "$work/corpus/$target" | wc -l)
  found=$(find "$work/findings/$target" -type f -newer "$stamp" -printf '%f ' 2>/dev/null)
  printf '%-17s %9s executions, corpus %s (%s inputs kept in %s), coverage %s, findings: %s\n' \
    "$target" "${runs:-?}" "${corp:-?}" "$saved" "$work/corpus/$target" "${cov:-?}" "${found:-none}"
  if [ -n "$found" ] || [ "$status" != 0 ]; then
    rc=1
    echo "  $target: exit status $status; the end of $log:"
    grep -v '^#[0-9]' "$log" | tail -n 40 | sed 's/^/    /'
    for f in $found; do
      echo "  reproduce: $fuzzer $work/findings/$target/$f"
    done
  fi
done
rm -f "$stamp"
exit $rc
