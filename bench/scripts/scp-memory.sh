#!/usr/bin/env bash
# Resident memory of `dsg scp` (issue 20, item 5), printed as measured:
#   (a) one association storing one MEM_MB object (default 1024 MB): peak resident set (VmHWM) above the resident set
#       at idle; target < 64 MB.
#   (b) CONC associations at once (default 64 storescu processes), each storing PER small objects (default 40 x 9 KB)
#       into one `dsg scp`: peak resident set of the whole process (VmHWM), and the most associations seen open at
#       once (established TCP connections to the port, sampled every 50 ms); target < 256 MB. SIZE=ct: 0.5 MB objects.
# The receiver writes with fsync (the default) unless FSYNC=0. Loopback only; every process bounded by `timeout`.
#   bench/scripts/scp-memory.sh                 # both
#   MEM_MB=256 CONC=16 bench/scripts/scp-memory.sh   # smaller
# Uses the dsg that bench/scripts/compare.sh builds (bench/.bin/dsg via dsg-build.sh, Native AOT, else JIT) or $DSG if set.
# Also writes $OUT/memory.tsv (perf-report.py reads it): "mem-a growth idle peak size_mb ok" and
# "mem-b peak idle conc per stored expected most_open failures", MB and counts, ok = 1 when the transfer succeeded.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MEM_MB=${MEM_MB:-1024}
CONC=${CONC:-64}                        # also the receiver's --max-associations (at least 16, the default)
PER=${PER:-40}
SIZE=${SIZE:-small}                     # mkdata.py preset of (b)'s objects: small (64x64, 9 KB) or ct (512x512, 0.5 MB)
FSYNC=${FSYNC:-1}
TMO=${TMO:-600}
DATA=${DATA:-/tmp/dsg-compare-data}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}"/dsg-memory.XXXXXX)}
KEEP=${KEEP:-0}                         # 1: leave the receivers' folders (perf-report.sh deletes them at its end)
PY=${PY:-$(command -v /usr/bin/python3 || echo python3)}
export TCP_NODELAY=1
mkdir -p "$OUT"
TSV=$OUT/memory.tsv
[ "$KEEP" = 1 ] || trap 'rm -rf "$OUT"/a.* "$OUT"/b.*' EXIT   # not between (a) and (b): see compare.sh on ext4
for tool in storescu ss "$PY" dotnet; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install dcmtk iproute2 python3; the .NET 10 SDK)"; exit 1; }
done

# --- dsg: $DSG, else compare.sh's build (bench/.bin/dsg), made or reused ---
if [ -z "${DSG:-}" ]; then
  . "$ROOT/bench/scripts/dsg-build.sh"
  dsg_build "$ROOT/bench/.bin/dsg" aot || exit 1
else MODE=${MODE:-\$DSG}; fi
fsync_flag=""; [ "$FSYNC" = 1 ] || fsync_flag=--no-fsync

freeport() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
waitport() { for _ in $(seq 400); do (: <>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; echo "no listener on $1" >&2; return 1; }
kb() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }
count() { find "$1" -name '*.dcm' -not -path '*/.incoming/*' | wc -l; }
start_scp() { # folder -> sets PORT, PID; idle resident set in IDLE (kB)
  PORT=$(freeport)
  timeout "$TMO" $DSG scp "$PORT" -od "$1" -aet MEMSCP --bind 127.0.0.1 --max-associations $(( CONC > 16 ? CONC : 16 )) $fsync_flag >>"$OUT/scp.log" 2>&1 & TPID=$!
  waitport "$PORT" || exit 1
  PID=$(pgrep -P $TPID | head -1)   # the dsg process under timeout: its own resident set
  [ -n "$PID" ] || exit 1
  sleep 2; IDLE=$(kb $PID VmRSS)
}
stop() { kill "$1" 2>/dev/null; wait "$TPID" 2>/dev/null; }

echo "# $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); dsg $MODE, commit $(git -C "$ROOT" rev-parse --short HEAD); fsync $([ "$FSYNC" = 1 ] && echo on || echo off)"

# (a) one large object
if [ "$MEM_MB" -gt 0 ]; then
  dir=$DATA/mem-$MEM_MB
  side=$(awk -v m="$MEM_MB" 'BEGIN {printf "%d", sqrt(m * 1048576 / 2)}')
  [ -f "$dir.done" ] || { rm -rf "$dir"; timeout "$TMO" "$PY" "$ROOT/bench/scripts/mkdata.py" "$dir" 1 "${side}x${side}" --prefix mem && touch "$dir.done"; }
  out=$(mktemp -d "$OUT/a.XXXXXX"); start_scp "$out"
  timeout "$TMO" storescu -aec MEMSCP 127.0.0.1 "$PORT" "$dir"/*.dcm >>"$OUT/storescu.log" 2>&1; rc=$?
  peak=$(kb $PID VmHWM); stop $PID
  size=$(( $(du -sb "$dir" | cut -f1) / 1048576 ))
  if [ $rc = 0 ] && [ "$(count "$out")" = 1 ]; then
    growth=$(( (peak - IDLE) / 1024 ))
    echo "(a) one association, one $size MB object: idle $((IDLE / 1024)) MB, peak $((peak / 1024)) MB, peak above idle +$growth MB (target < 64 MB: $([ $growth -lt 64 ] && echo met || echo NOT met))"
    printf 'mem-a\t%s\t%s\t%s\t%s\t1\n' "$growth" $((IDLE / 1024)) $((peak / 1024)) "$size" >> "$TSV"
  else
    echo "(a) failed: storescu rc $rc, $(count "$out") files stored (logs in $OUT)"
    printf 'mem-a\t0\t0\t0\t%s\t0\n' "$size" >> "$TSV"
  fi
fi

# (b) CONC associations at once
if [ "$CONC" -gt 0 ]; then
  dir=$DATA/conc-$CONC-$PER-$SIZE
  if [ ! -f "$dir.done" ]; then
    rm -rf "$dir"
    for i in $(seq 0 $((CONC - 1))); do timeout "$TMO" "$PY" "$ROOT/bench/scripts/mkdata.py" "$dir/p$i" "$PER" "$SIZE" --prefix "conc$SIZE$i" >/dev/null || exit 1; done
    touch "$dir.done"
  fi
  out=$(mktemp -d "$OUT/b.XXXXXX"); start_scp "$out"
  samples=$OUT/b-samples.tsv; : > "$samples"
  ( while kill -0 $PID 2>/dev/null; do
      printf '%s\t%s\n' "$(kb $PID VmRSS)" "$(ss -Htn state established "( sport = :$PORT )" 2>/dev/null | wc -l)" >> "$samples"; sleep 0.05
    done ) & sampler=$!
  pids=()
  for i in $(seq 0 $((CONC - 1))); do
    timeout "$TMO" storescu -aec MEMSCP -aet "MEM$i" 127.0.0.1 "$PORT" "$dir/p$i"/*.dcm >>"$OUT/storescu.log" 2>&1 & pids+=($!)
  done
  fails=0; for p in "${pids[@]}"; do wait "$p" || fails=$((fails + 1)); done
  peak=$(kb $PID VmHWM); stop $PID; wait $sampler 2>/dev/null
  stored=$(count "$out")
  maxrss=$(cut -f1 "$samples" | sort -n | tail -1); maxconn=$(cut -f2 "$samples" | sort -n | tail -1)
  printf 'mem-b\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' $((peak / 1024)) $((IDLE / 1024)) "$CONC" "$PER" "$stored" $((CONC * PER)) "$maxconn" "$fails" >> "$TSV"
  echo "(b) $CONC associations at once x $PER objects of $(( $(du -sb "$dir/p0" | cut -f1) / PER / 1024 )) KB: $stored of $((CONC * PER)) stored, $fails storescu failed; most associations open at once (sampled): $maxconn; idle $((IDLE / 1024)) MB, peak resident (VmHWM) $((peak / 1024)) MB, highest sample $((maxrss / 1024)) MB (target < 256 MB: $([ $((peak / 1024)) -lt 256 ] && echo met || echo NOT met))"
fi
echo "# load average at end $(cut -d' ' -f1-3 /proc/loadavg); logs in $OUT"
