#!/usr/bin/env bash
# Our dsg CLI side by side with DCMTK, in one run, on this machine; needs nothing outside the clone except the
# .NET SDK, DCMTK (storescu, storescp, echoscu) and python3 (standard library only).
#
#   bench/scripts/compare.sh            # full: 1000 small (9 KB), 100 CT (0.5 MB), 4 large (50 MB), R=3, 1 GB memory test
#   bench/scripts/compare.sh --quick    # < 2 min once built: 200 small, 20 CT, 2 large, R=3, no memory test
#   R=5 SMALL=2000 CT=200 LARGE=10 MEM_MB=1024 bench/scripts/compare.sh
#
# Builds dsg Release as Native AOT (-p:DsgAot=true; gcc links it), else as a JIT build, and says which; the build
# is reused while runtime/, generators/ and spec/ are unchanged (committed trees and working-tree diff). Makes its synthetic
# data (bench/scripts/mkdata.py) in $DATA. Every process is bounded by `timeout`; loopback only; TCP_NODELAY=1.
# Each repetition runs ours and DCMTK's back to back (order alternating); a ratio is taken per repetition and
# printed as median (min-max), > 1 meaning ours is faster. Prints a Markdown table and the load average at the
# start and the end; the raw timings go to $OUT/raw.tsv.
set -u -o pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1
if [ $QUICK = 1 ]; then
  : "${SMALL:=200}" "${CT:=20}" "${LARGE:=2}" "${ECHO_N:=1000}" "${MEM_MB:=0}"
else
  : "${SMALL:=1000}" "${CT:=100}" "${LARGE:=4}" "${ECHO_N:=3000}" "${MEM_MB:=1024}"
fi
R=${R:-3}
PAR=8                                   # parallel associations for the durable-SCP test
TMO=${TMO:-300}                         # seconds, per process
DATA=${DATA:-/tmp/dsg-compare-data}
OUT=${OUT:-$(mktemp -d /tmp/dsg-compare.XXXXXX)}
BIN=$ROOT/bench/.bin/dsg
PY=${PY:-$(command -v /usr/bin/python3 || echo python3)}
export TCP_NODELAY=1
RAW=$OUT/raw.tsv
: > "$RAW"
# KEEP: the receivers' folders stay until the end. On ext4 without a journal (this VM's root file system) every file
# creation skips the inodes of its group freed in the last minutes, so deleting a receiver's thousands of files
# right after it made the next receiver's creations several times slower, whichever receiver that was.
trap 'rm -rf "$OUT"/store.* "$OUT"/bound.* "$OUT"/mem.*' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
for tool in storescu storescp echoscu "$PY" dotnet; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install dcmtk python3; the .NET 10 SDK)"; exit 1; }
done

# --- build ---
. "$ROOT/bench/scripts/dsg-build.sh"
dsg_build "$BIN" aot || exit 1

# --- data (kept between runs in $DATA) ---
gen() { # name count size: count files in $DATA/name, split into $PAR folders p0..p7 (for the parallel test)
  local dir=$DATA/$1-$2 i per
  if [ ! -f "$dir.done" ]; then
    rm -rf "$dir"; per=$(( ($2 + PAR - 1) / PAR ))
    for i in $(seq 0 $((PAR - 1))); do
      [ $((i * per)) -lt "$2" ] || break
      n=$(( $2 - i * per < per ? $2 - i * per : per ))
      timeout "$TMO" "$PY" "$ROOT/bench/scripts/mkdata.py" "$dir/p$i" "$n" "$3" --prefix "$1-$2-p$i" || exit 1
    done
    touch "$dir.done"
  fi
  echo "$dir"
}
D_small=$(gen small "$SMALL" small); D_ct=$(gen ct "$CT" ct); D_large=$(gen large "$LARGE" large)
bytes() { du -sb "$1" | cut -f1; }

# --- helpers ---
freeport() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
waitport() { for _ in $(seq 200); do (: <>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; echo "no listener on $1" >&2; return 1; }
ms() { date +%s%3N; }
# timed LABEL CMD...: runs CMD bounded, prints "ms" (or "fail")
timed() { local a b; a=$(ms); timeout "$TMO" "$@" >>"$OUT/procs.log" 2>&1 || { echo fail; return; }; b=$(ms); echo $((b - a)); }
stop() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null; }
count() { find "$1" -type f -not -path '*/.*' -not -name '*.sqlite*' 2>/dev/null | wc -l; }   # storescp names files CT.<uid>
settle() { timeout "$TMO" sync -f "$OUT"; }   # earlier writes' dirty pages would otherwise land in the next fsync
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$RAW"; }   # figure rep ours_ms ref_ms units bytes

# Receivers that keep running for a whole figure: storescp --ignore (SCU tests, C-ECHO).
# SCU: dsg store vs storescu, each into storescp --ignore.
scu() { # name dir
  local port pid rep o d n b
  port=$(freeport); storescp --ignore -aet BENCHSCP "$port" >>"$OUT/procs.log" 2>&1 & pid=$!; waitport "$port" || return
  n=$(count "$2"); b=$(bytes "$2")
  for rep in $(seq "$R"); do
    if [ $((rep % 2)) = 1 ]; then
      o=$(timed $DSG store 127.0.0.1 "$port" -aec BENCHSCP -aet BENCHSCU "$2"); d=$(timed storescu -aec BENCHSCP -aet BENCHSCU +sd +r 127.0.0.1 "$port" "$2")
    else
      d=$(timed storescu -aec BENCHSCP -aet BENCHSCU +sd +r 127.0.0.1 "$port" "$2"); o=$(timed $DSG store 127.0.0.1 "$port" -aec BENCHSCP -aet BENCHSCU "$2")
    fi
    record "scu-$1" "$rep" "$o" "$d" "$n" "$b"
  done
  stop $pid
}

# SCP: storescu into a fresh dsg scp (ARGS) vs into a fresh storescp -od (with --fork when parallel);
# the sender's wall time is timed (the receiver is up before), the stored file count checked.
scp_one() { # kind(ours|dcmtk) dir parallel extra-args -> ms
  local port pid out t a b i pids=() ok=1
  out=$(mktemp -d "$OUT/store.XXXXXX"); port=$(freeport)
  if [ "$1" = ours ]; then
    $DSG scp "$port" -od "$out" -aet BENCHSCP --bind 127.0.0.1 --max-associations 16 $4 >>"$OUT/procs.log" 2>&1 & pid=$!
  else
    storescp -od "$out" -aet BENCHSCP $4 "$port" >>"$OUT/procs.log" 2>&1 & pid=$!
  fi
  waitport "$port" || { echo fail; return; }
  settle
  if [ "$3" = 1 ]; then
    t=$(timed storescu -aec BENCHSCP -aet BENCHSCU +sd +r 127.0.0.1 "$port" "$2")
  else
    a=$(ms)
    for i in $(seq 0 $((PAR - 1))); do
      [ -d "$2/p$i" ] || continue
      timeout "$TMO" storescu -aec BENCHSCP -aet BENCHSCU +sd 127.0.0.1 "$port" "$2/p$i" >>"$OUT/procs.log" 2>&1 & pids+=($!)
    done
    for i in "${pids[@]}"; do wait "$i" || ok=0; done
    b=$(ms); t=$((b - a)); [ $ok = 1 ] || t=fail
  fi
  [ "$1" = dcmtk ] && [ "$3" != 1 ] && sleep 0.2   # forked children may still be closing files
  stop $pid
  [ "$t" != fail ] && [ "$(count "$out")" -ne "$(count "$2")" ] && { echo "stored $(count "$out") of $(count "$2") into $out" >&2; t=fail; }
  echo "$t"   # the folder is removed at the end (see KEEP below)
}
scp() { # figure dir parallel ours-args dcmtk-args
  local rep o d
  for rep in $(seq "$R"); do
    if [ $((rep % 2)) = 1 ]; then o=$(scp_one ours "$2" "$3" "$4"); d=$(scp_one dcmtk "$2" "$3" "$5")
    else d=$(scp_one dcmtk "$2" "$3" "$5"); o=$(scp_one ours "$2" "$3" "$4"); fi
    record "$1" "$rep" "$o" "$d" "$(count "$2")" "$(bytes "$2")"
  done
}

# Durable SCP against the disk's bound: write + fsync + rename of the same files, one after the other.
bound() { # figure dir
  local rep o f b
  for rep in $(seq "$R"); do
    [ $((rep % 2)) = 0 ] && o=$(scp_one ours "$2" 1 "")
    b=$(mktemp -d "$OUT/bound.XXXXXX"); settle
    f=$(find "$2" -name '*.dcm' | sort | xargs timeout "$TMO" "$PY" "$ROOT/bench/scripts/fsync-bound.py" "$b" | awk '{printf "%d", $2 * 1000}')
    [ $((rep % 2)) = 1 ] && o=$(scp_one ours "$2" 1 "")
    record "$1" "$rep" "$o" "${f:-fail}" "$(count "$2")" "$(bytes "$2")"
  done
}

echo_cmp() {
  local port pid rep o d
  port=$(freeport); storescp --ignore -aet BENCHSCP "$port" >>"$OUT/procs.log" 2>&1 & pid=$!; waitport "$port" || return
  for rep in $(seq "$R"); do
    o=$(timed $DSG echo 127.0.0.1 "$port" -aec BENCHSCP -r "$ECHO_N"); d=$(timed echoscu -aec BENCHSCP --repeat "$ECHO_N" 127.0.0.1 "$port")
    record echo "$rep" "$o" "$d" "$ECHO_N" 0
  done
  stop $pid
}

memory() { # one MEM_MB object into dsg scp: resident-set growth above idle
  local dir=$DATA/mem-$MEM_MB side out port pid idle peak rc
  side=$(awk -v m="$MEM_MB" 'BEGIN {printf "%d", sqrt(m * 1048576 / 2)}')
  [ -f "$dir.done" ] || { rm -rf "$dir"; timeout "$TMO" "$PY" "$ROOT/bench/scripts/mkdata.py" "$dir" 1 "${side}x${side}" --prefix mem && touch "$dir.done"; }
  out=$(mktemp -d "$OUT/mem.XXXXXX"); port=$(freeport)
  $DSG scp "$port" -od "$out" -aet BENCHSCP --bind 127.0.0.1 >>"$OUT/procs.log" 2>&1 & pid=$!
  waitport "$port"; sleep 1; settle
  idle=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  timeout "$TMO" storescu -aec BENCHSCP 127.0.0.1 "$port" "$dir"/*.dcm >>"$OUT/procs.log" 2>&1; rc=$?
  peak=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
  stop $pid
  [ $rc = 0 ] && [ "$(count "$out")" = 1 ] && MEMLINE="| \`dsg scp\` receiving one $(( $(bytes "$dir") / 1048576 )) MB object: resident set above idle | +$(( (peak - idle) / 1024 )) MB (idle $((idle / 1024)) MB) | | | < 64 MB | $([ $(( (peak - idle) / 1024 )) -lt 64 ] && echo yes || echo no) |" \
    || MEMLINE="| memory test | failed (rc $rc) | | | < 64 MB | no |"
  rm -rf "$out"
}

LOAD_START=$(load)   # after the build and the data, just before the first measurement
echo "# $(date -u +%FT%TZ), $(nproc) cores, load average at start: $LOAD_START; dsg $MODE, commit $(git -C "$ROOT" rev-parse --short HEAD); $(storescu --version 2>/dev/null | head -1)"
echo "# small: $(count "$D_small") x $(( $(bytes "$D_small") / $(count "$D_small") / 1024 )) KB, CT: $(count "$D_ct") x $(( $(bytes "$D_ct") / $(count "$D_ct") / 1024 )) KB, large: $(count "$D_large") x $(( $(bytes "$D_large") / $(count "$D_large") / 1048576 )) MB; R=$R; raw timings: $RAW" >&2
for s in small ct large; do d=D_$s; scu "$s" "${!d}"; done
for s in small ct large; do d=D_$s; scp "nofsync-$s" "${!d}" 1 --no-fsync ""; done
bound bound-small "$D_small"
scp durable-par8 "$D_small" 8 "" --fork
for s in small ct large; do d=D_$s; scp "durable-$s" "${!d}" 1 "" ""; done
echo_cmp
MEMLINE=""
[ "$MEM_MB" -gt 0 ] && memory
LOAD_END=$(load)

"$PY" - "$RAW" "$ECHO_N" <<'PYEOF'
import statistics, sys
raw, echo_n = sys.argv[1], sys.argv[2]
rows = {}
for line in open(raw):
    fig, rep, ours, ref, units, size = line.rstrip("\n").split("\t")
    rows.setdefault(fig, []).append((ours, ref, int(units), int(size)))
SPEC = [  # figure, label, reference, unit, target
    ("scu-small", "`dsg store` vs `storescu`, into `storescp --ignore`, small", "storescu", "obj", 1.5),
    ("scu-ct", "same, CT-like", "storescu", "MB", 1.2),
    ("scu-large", "same, large", "storescu", "MB", 1.2),
    ("nofsync-small", "`storescu` → `dsg scp --no-fsync` vs → `storescp -od`, small", "storescp -od", "obj", 1.5),
    ("nofsync-ct", "same, CT-like", "storescp -od", "MB", 1.5),
    ("nofsync-large", "same, large", "storescp -od", "MB", 1.0),
    ("bound-small", "`storescu` → `dsg scp` (durable) vs this disk's write+fsync+rename bound, small", "bound", "obj", 0.9),
    ("durable-par8", "8 parallel `storescu` → `dsg scp` (durable) vs → `storescp --fork -od`, small", "storescp --fork", "obj", 1.0),
    ("durable-small", "`storescu` → `dsg scp` (durable) vs → `storescp -od` (no fsync), small", "storescp -od", "obj", None),
    ("durable-ct", "same, CT-like", "storescp -od", "MB", None),
    ("durable-large", "same, large", "storescp -od", "MB", None),
    ("echo", f"`dsg echo -r {echo_n}` vs `echoscu --repeat {echo_n}`, whole process", "echoscu", "echo", 1.0),
]
def rate(ms, units, size, unit):
    s = ms / 1000
    return (units / s, "/s") if unit in ("obj", "echo") else (size / s / 1e6, " MB/s")
print("| figure | ours | reference | ratio, median (min–max) | target | met? |")
print("| --- | --- | --- | --- | --- | --- |")
for fig, label, refname, unit, target in SPEC:
    reps = rows.get(fig, [])
    good = [(int(o), int(r), u, b) for o, r, u, b in reps if o != "fail" and r != "fail"]
    fails = len(reps) - len(good)
    if not good:
        print(f"| {label} | failed | | | {'≥ %.1fx' % target if target else '(context)'} | no |")
        continue
    ratios = [r / o for o, r, _, _ in good]
    med_o = statistics.median(o for o, _, _, _ in good)
    med_r = statistics.median(r for _, r, _, _ in good)
    u, b = good[0][2], good[0][3]
    ro, suffix = rate(med_o, u, b, unit)
    rr, _ = rate(med_r, u, b, unit)
    m = statistics.median(ratios)
    note = f" ({fails} of {len(reps)} failed)" if fails else ""
    met = ("yes" if m >= target else "no") if target else ""
    print(f"| {label} | {ro:.0f}{suffix} | {refname} {rr:.0f}{suffix} | {m:.2f}x ({min(ratios):.2f}–{max(ratios):.2f}){note} | "
          f"{'≥ %.1fx' % target if target else '(context)'} | {met} |")
PYEOF
[ -n "$MEMLINE" ] && echo "$MEMLINE"
echo
echo "Load average (1, 5, 15 min) at start: $LOAD_START; at end: $LOAD_END ($(nproc) cores). Command: bench/scripts/compare.sh $*"
echo "Measured by their own scripts: the operations window of 8 (bench/scripts/async-window.sh), the index at 1M instances (index-scale.sh), 64 concurrent associations' memory (scp-memory.sh)."
