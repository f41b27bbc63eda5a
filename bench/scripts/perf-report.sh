#!/usr/bin/env bash
# Issue 20's end-to-end comparisons in one run and one Markdown table (bench/scripts/perf-report.py merges them):
#   compare.sh        SCU with the receiver's bound (replaystore.c), SCP --no-fsync with the no-op receiver's floor
#                     and the ceiling (floor + create/write/rename), durable SCP with the fsync bound and the ceiling,
#                     8 parallel durable, durable vs storescp -od, C-ECHO, raw loopback TCP for large objects
#   async-window.sh   dsg store --async-ops 8 vs storescu into the same dsg scp, and vs storescu -> storescp -od
#   scp-memory.sh     one 1 GB object; 64 associations at once
#   index-scale.sh    the archive index at COUNT instances: insert rate last/first, STUDY-level C-FIND times, size;
#                     after each run a reference run into one patient (--patients 1), row 21's bound
#
#   bench/scripts/perf-report.sh                 # full: R=5, 1000/100/4 objects, window 2000, index 1,000,000 (~8 min idle on 2026-12-08, plus the build)
#   bench/scripts/perf-report.sh --quick         # R=3, 1000/100/2 objects, window 2000, index 100,000 (~5 min once built)
#   bench/scripts/perf-report.sh --update-doc    # full, then the table replaces the generated part of docs/performance.md
#   bench/scripts/perf-report.sh --quick --count 20000 --only compare,window   # parts: compare, window, memory, index
# Environment: R (repetitions), RF (repetitions of the SCU rows and C-ECHO, default 3R), IR (index-scale runs, default 3), DATA (data folder, default /tmp/dsg-compare-data), OUT (output folder), TMO (seconds
# per process), TMPDIR (where OUT is made, default /tmp; the receivers write there: see create-cost.py, and prefer a
# folder with no mass deletions nearby in the last hour, e.g. a new top-level folder), and compare.sh's SMALL, CT,
# LARGE, ECHO_N.
# Every process is bounded by `timeout`; loopback only; TCP_NODELAY=1 for every process (senders and receivers).
# Receivers' folders stay until the end of the whole run (on this VM's ext4 without a journal, deleting thousands of
# files slows the next creations for minutes), then are deleted (--keep: left in $OUT).
set -u -o pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
S=$ROOT/bench/scripts
QUICK=0 UPDATE=0 KEEPALL=0 COUNT="" ONLY=compare,window,memory,index
ARGS="$*"
while [ $# -gt 0 ]; do
  case $1 in
    --quick) QUICK=1 ;;
    --update-doc) UPDATE=1 ;;
    --keep) KEEPALL=1 ;;
    --count) COUNT=$2; shift ;;
    --only) ONLY=$2; shift ;;
    *) echo "usage: perf-report.sh [--quick] [--count N] [--only compare,window,memory,index] [--update-doc] [--keep]" >&2; exit 2 ;;
  esac
  shift
done
if [ $QUICK = 1 ]; then : "${R:=3}" "${COUNT:=100000}" "${SMALL:=1000}" "${CT:=100}" "${LARGE:=2}"; export SMALL CT LARGE; WN=2000; WCASES="dcmtk scu-fast fast-w8 replay-w8"; MODEARG=--quick
else : "${R:=5}" "${COUNT:=1000000}"; WN=2000; WCASES="dcmtk scu-fast fast-w1 fast-w8 durable-w1 durable-w8 replay-w8"; MODEARG=""; fi
: "${RF:=$((3 * R))}" "${IR:=3}"
export R RF TCP_NODELAY=1 KEEP=1
export DATA=${DATA:-/tmp/dsg-compare-data}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}"/dsg-perf-report.XXXXXX)}
mkdir -p "$OUT"
PY=${PY:-$(command -v /usr/bin/python3 || echo python3)}
has() { case ",$ONLY," in *",$1,"*) return 0 ;; esac; return 1; }
MISSING=()
use() { # option file part: the part's raw output into the table, or a note under it when the part produced none
  if [ -s "$2" ]; then ARGV+=("$1" "$2"); else MISSING+=("$3 produced no results (log: $OUT/$3.log)"); fi
}
say() { echo "# $(date -u +%T) $*" >&2; }
[ $KEEPALL = 1 ] || trap 'rm -rf "$OUT"/compare/store.* "$OUT"/compare/bound.* "$OUT"/window/rx.* "$OUT"/memory/a.* "$OUT"/memory/b.* "$OUT"/index/sqlite "$OUT"/create-cost.*' EXIT

# --- build once (the sub-scripts reuse it through $DSG) ---
. "$S/dsg-build.sh"
dsg_build "$ROOT/bench/.bin/dsg" aot || exit 1
export DSG MODE
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)
git -C "$ROOT" diff --quiet HEAD -- runtime generators spec bench/DicomSpecGen.Benchmarks || COMMIT="$COMMIT + uncommitted changes"

# What one file creation costs where the receivers write (every store row creates one file per object; see
# create-cost.py for why it can be many times its usual cost right after mass deletions on this file system).
create_cost() { "$PY" "$S/create-cost.py" "$OUT" 2>/dev/null | awk '{print $2}'; }
CC_START=$(create_cost)
T0=$(date +%s); LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg); START=$(date -u +%FT%TZ)
ARGV=()
if has compare; then
  say "compare.sh${MODEARG:+ $MODEARG} (R=$R)"
  OUT=$OUT/compare MEM_MB=0 bash "$S/compare.sh" $MODEARG > "$OUT/compare.log" 2>&1 || say "compare.sh failed (exit $?): $OUT/compare.log"
  use --compare "$OUT/compare/raw.tsv" compare
  ARGV+=(--echo-n "$(if [ $QUICK = 1 ]; then echo "${ECHO_N:-1000}"; else echo "${ECHO_N:-3000}"; fi)")
  DATASETS=$(grep -m1 '^# small:' "$OUT/compare.log" | sed 's/; R=.*//; s/^# //')
fi
if has window; then
  say "async-window.sh (N=$WN, R=$R, cases: $WCASES)"
  OUT=$OUT/window N=$WN CASES=$WCASES bash "$S/async-window.sh" > "$OUT/window.log" 2>&1 || say "async-window.sh failed (exit $?): $OUT/window.log"
  use --window "$OUT/window/raw.tsv" window
fi
if has memory; then
  say "scp-memory.sh (1 GB object; 64 associations x 40 small objects)"
  OUT=$OUT/memory MEM_MB=1024 CONC=64 PER=40 bash "$S/scp-memory.sh" > "$OUT/memory.log" 2>&1 || say "scp-memory.sh failed (exit $?): $OUT/memory.log"
  use --memory "$OUT/memory/memory.tsv" memory
fi
if has index; then
  for i in $(seq "$IR"); do   # single runs of the last/first insert ratio straddle its target (0.79-0.88 on 2026-12-07)
    say "index-scale.sh --count $COUNT (run $i of $IR)"
    TMO=7200 WORK=$OUT/index timeout 7300 bash "$S/index-scale.sh" --count "$COUNT" > "$OUT/index$i.log" 2>&1 || say "index-scale.sh failed (exit $?): $OUT/index$i.log"
    use --index "$OUT/index$i.log" "index$i"
    # Row 21's bound, right after each run: the same count into one patient's few series (only the random UID key grows).
    say "index-scale.sh --count $COUNT --patients 1 (reference $i of $IR)"
    TMO=7200 WORK=$OUT/index timeout 7300 bash "$S/index-scale.sh" --count "$COUNT" --patients 1 --runs 1 > "$OUT/index-ref$i.log" 2>&1 || say "index-scale.sh --patients 1 failed (exit $?): $OUT/index-ref$i.log"
    use --index-reference "$OUT/index-ref$i.log" "index-ref$i"
  done
fi
CC_END=$(create_cost)
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg); MIN=$(( ($(date +%s) - T0 + 30) / 60 ))

# --- the report: header line, table, what was measured ---
REPORT=$OUT/report.md
{
  echo "Generated by \`bench/scripts/perf-report.sh${ARGS:+ $ARGS}\` on $START ($MIN min): commit $COMMIT, dsg $MODE," \
       "$(storescu --version 2>/dev/null | head -1 | sed 's/^\$dcmtk: //; s/ \$$//'), $(nproc) cores; load average (1, 5, 15 min)" \
       "$LOAD_START at the start, $LOAD_END at the end; $([ $QUICK = 1 ] && echo quick || echo full) mode, R=$R repetitions (RF=$RF for the SCU rows and C-ECHO)."
  echo
  [ -n "${DATASETS:-}" ] && echo "Data: ${DATASETS}; async window: $WN small; index: $COUNT instances." && echo
  echo "Receivers write under \`${TMPDIR:-/tmp}\`; creating one empty file there (\`create-cost.py\`, 2000 files) took ${CC_START:-?} µs at the start and ${CC_END:-?} µs at the end (see \`How to run\` below for why it matters)." && echo
  "$PY" "$S/perf-report.py" "${ARGV[@]}"
  for m in "${MISSING[@]}"; do echo; echo "**Not measured**: $m."; done
} > "$REPORT"
cat "$REPORT"
say "raw outputs and logs: $OUT"

if [ $UPDATE = 1 ]; then
  "$PY" - "$ROOT/docs/performance.md" "$REPORT" <<'PYEOF' && say "docs/performance.md updated"
import sys
doc, rep = sys.argv[1], sys.argv[2]
BEGIN, END = "<!-- perf-report:begin -->", "<!-- perf-report:end -->"
text = open(doc).read()
a, b = text.index(BEGIN) + len(BEGIN), text.index(END)
open(doc, "w").write(text[:a] + "\n" + open(rep).read().rstrip("\n") + "\n" + text[b:])
PYEOF
fi
