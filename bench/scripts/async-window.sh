#!/usr/bin/env bash
# C-STORE rate of small objects with the asynchronous operations window (PS3.7 D.3.3.3) at 8 against 1, into our
# own `dsg scp --async-ops 8` (--no-fsync and durable), with storescu into the same kind of dsg scp (issue 20 item 3:
# ">= 3x storescu" against our own SCP) and storescu into storescp -od as references, all in one run.
#
#   bench/scripts/async-window.sh              # 2000 small (9 KB) objects, R=5, all seven cases
#   N=2000 R=7 bench/scripts/async-window.sh
#   CASES="dcmtk scu-fast fast-w8" bench/scripts/async-window.sh   # some cases only (what perf-report.sh runs)
# Cases: dcmtk (storescu -> storescp -od), scu-fast (storescu -> dsg scp --no-fsync --async-ops 8), fast-w1/fast-w8
# (dsg store, window 1 or 8 -> dsg scp --no-fsync --async-ops 8), durable-w1/durable-w8 (-> dsg scp --async-ops 8),
# replay-w8 (replaystore.c -w 8 -> dsg scp --no-fsync --async-ops 8: every request encoded and mapped before the
# clock, the fastest pipelined sender that receiver can have; the bound beside the 3x row).
#
# Uses compare.sh's dsg build (bench/.bin/dsg, dsg-build.sh), made or reused: Native AOT or, failing that, JIT (then
# each dsg process pays the JIT start-up;
# the mode is printed). Data: bench/scripts/mkdata.py into $DATA. Each repetition runs every case's sender back to back (order
# rotating), each into a fresh receiver started before the clock starts; a sender's rate is N / its wall time. Ratios
# are taken within a repetition and printed as median (min-max). Loopback only; every process bounded by `timeout`.
set -u -o pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${N:-2000}
R=${R:-5}
TMO=${TMO:-300}
DATA=${DATA:-/tmp/dsg-window-data}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}"/dsg-window.XXXXXX)}
KEEP=${KEEP:-0}                         # 1: leave the receivers' folders (perf-report.sh deletes them at its end)
PY=${PY:-$(command -v /usr/bin/python3 || echo python3)}
export TCP_NODELAY=1
mkdir -p "$OUT"
# The receivers' folders stay until the end (see compare.sh: deleting thousands of files slows the next creations).
[ "$KEEP" = 1 ] || trap 'rm -rf "$OUT"/rx.*' EXIT
for tool in storescu storescp "$PY" dotnet; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install dcmtk python3; the .NET 10 SDK)"; exit 1; }
done

# --- build: $DSG, else the same build as compare.sh (bench/.bin/dsg), made or reused ---
if [ -z "${DSG:-}" ]; then
  . "$ROOT/bench/scripts/dsg-build.sh"
  dsg_build "$ROOT/bench/.bin/dsg" aot || exit 1
else MODE=${MODE:-\$DSG}; fi

# --- data ---
D=$DATA/small-$N
if [ ! -f "$D.done" ]; then
  rm -rf "$D"; timeout "$TMO" "$PY" "$ROOT/bench/scripts/mkdata.py" "$D" "$N" small --prefix "w$N" >/dev/null || exit 1
  touch "$D.done"
fi

if [[ " ${CASES:-replay-w8} " == *" replay-w8 "* ]]; then
  command -v cc >/dev/null || { echo "missing: cc (apt-get install gcc)"; exit 1; }
  cc -O2 -o "$OUT/replaystore" "$ROOT/bench/scripts/replaystore.c" || exit 1
  mapfile -t FILES < <(find "$D" -name '*.dcm' | sort)
fi

freeport() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
waitport() { for _ in $(seq 200); do (: <>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; echo "no listener on $1" >&2; return 1; }
ms() { date +%s%3N; }
count() { find "$1" -type f -not -path '*/.*' -not -name '*.sqlite*' 2>/dev/null | wc -l; }   # storescp names files CT.<uid>

# one CASE: a fresh receiver, one timed sender; prints objects/s (0 when it failed or lost files)
one() {
  local port pid dir a b rc=0 n
  dir=$(mktemp -d "$OUT/rx.XXXXXX"); port=$(freeport)
  case $1 in
    dcmtk) timeout "$TMO" storescp -od "$dir" -aet BENCHSCP "$port" >>"$OUT/procs.log" 2>&1 & pid=$! ;;
    fast-*|scu-fast|replay-*) timeout "$TMO" $DSG scp "$port" -od "$dir" -aet BENCHSCP --bind 127.0.0.1 --no-fsync --async-ops 8 >>"$OUT/procs.log" 2>&1 & pid=$! ;;
    durable-*) timeout "$TMO" $DSG scp "$port" -od "$dir" -aet BENCHSCP --bind 127.0.0.1 --async-ops 8 >>"$OUT/procs.log" 2>&1 & pid=$! ;;
  esac
  waitport "$port" || { kill "$pid" 2>/dev/null; echo 0; return; }
  timeout "$TMO" sync -f "$OUT"
  a=$(ms)
  case $1 in
    dcmtk|scu-*) timeout "$TMO" storescu -aec BENCHSCP -aet BENCHSCU +sd 127.0.0.1 "$port" "$D" >>"$OUT/procs.log" 2>&1 || rc=$? ;;
    *-w1) timeout "$TMO" $DSG store -aec BENCHSCP -aet BENCHSCU 127.0.0.1 "$port" "$D" >>"$OUT/procs.log" 2>&1 || rc=$? ;;
    replay-w8) timeout "$TMO" "$OUT/replaystore" -aec BENCHSCP -aet BENCHSCU -w 8 127.0.0.1 "$port" "${FILES[@]}" >>"$OUT/procs.log" 2>&1 || rc=$? ;;
    *-w8) timeout "$TMO" $DSG store --async-ops 8 -aec BENCHSCP -aet BENCHSCU 127.0.0.1 "$port" "$D" >>"$OUT/procs.log" 2>&1 || rc=$? ;;
  esac
  b=$(ms)
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  n=$(count "$dir")
  if [ $rc != 0 ] || [ "$n" != "$N" ]; then echo "# $1 failed (exit $rc, $n of $N files)" >&2; echo 0; return; fi
  awk -v n="$N" -v t=$((b - a)) 'BEGIN { printf "%.0f", n * 1000 / t }'
}

read -r -a CASES <<< "${CASES:-dcmtk scu-fast fast-w1 fast-w8 durable-w1 durable-w8 replay-w8}"
echo "# $(date -u +%FT%TZ) async-window.sh: $N small objects ($(du -sh "$D" | cut -f1)), $R repetitions, dsg $MODE; $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
order=("${CASES[@]}")
: > "$OUT/raw.tsv"
for rep in $(seq "$R"); do
  line="rep $rep:"
  for c in "${order[@]}"; do
    v=$(one "$c"); printf '%s\t%s\t%s\n' "$rep" "$c" "$v" >> "$OUT/raw.tsv"; line="$line $c $v/s"
  done
  echo "# $line"
  order=("${order[@]:1}" "${order[0]}")
done
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); raw rates in $OUT/raw.tsv"

"$PY" "$(dirname "$0")/ratio-table.py" "$OUT/raw.tsv" \
  'dsg store window 8 / storescu, both → dsg scp --no-fsync --async-ops 8|fast-w8|scu-fast' \
  'replaystore window 8 / storescu, both → dsg scp --no-fsync --async-ops 8 (the receiver bound)|replay-w8|scu-fast' \
  'dsg store window 8 / replaystore window 8|fast-w8|replay-w8' \
  'window 8 / window 1, dsg scp --no-fsync|fast-w8|fast-w1' \
  'window 8 / window 1, dsg scp durable|durable-w8|durable-w1' \
  'dsg store window 1 → dsg scp --no-fsync / storescu → storescp|fast-w1|dcmtk' \
  'dsg store window 8 → dsg scp --no-fsync / storescu → storescp|fast-w8|dcmtk' \
  'dsg store window 1 → dsg scp durable / storescu → storescp|durable-w1|dcmtk' \
  'dsg store window 8 → dsg scp durable / storescu → storescp|durable-w8|dcmtk'
