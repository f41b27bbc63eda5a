#!/usr/bin/env bash
# Our dsg CLI side by side with DCMTK, in one run, on this machine; needs nothing outside the clone except the
# .NET SDK, DCMTK (storescu, storescp, echoscu), python3 (standard library only) and cc (gcc, which the Native AOT
# build needs anyway) for the raw TCP bound and the SCU rows' receiver bound.
#
#   bench/scripts/compare.sh            # full: 1000 small (9 KB), 100 CT (0.5 MB), 4 large (50 MB), R=3, 1 GB memory test
#   bench/scripts/compare.sh --quick    # ~2 min once built: 200 small, 20 CT, 2 large, R=3, no memory test
#   R=5 SMALL=2000 CT=200 LARGE=10 MEM_MB=1024 bench/scripts/compare.sh
# R: repetitions of each figure; RF (default 3R): of the short ones, the SCU rows and C-ECHO.
#
# bench/scripts/perf-report.sh runs this together with async-window.sh, scp-memory.sh and index-scale.sh and
# merges everything into one table; this script alone prints the table of its own rows (perf-report.py).
#
# Builds dsg Release as Native AOT (-p:DsgAot=true; gcc links it), else as a JIT build, and says which; the build
# is reused while runtime/, generators/ and spec/ are unchanged (committed trees and working-tree diff). Makes its synthetic
# data (bench/scripts/mkdata.py) in $DATA. Every process is bounded by `timeout`; loopback only; TCP_NODELAY=1.
# Each repetition runs ours, DCMTK's and the same run's bound back to back (the order rotating by repetition); a
# ratio is taken per repetition and printed as median (min-max), > 1 meaning ours is faster. The bounds measured:
#   - the receiver's bound beside each SCU row: replaystore.c, the fastest sender storescp --ignore can have (one
#     association, every request encoded before the first is sent, one writev per C-STORE from the mapped files, each
#     response checked for Success), into the same storescp --ignore as dsg store and storescu;
#   - raw loopback TCP (rawtcp.c: the large set's bytes through one connection, 1 MiB buffers) beside the SCU, large;
#   - the floor of any receiver: storescu -> storescp --ignore (stores nothing) beside each --no-fsync row, and the
#     ceiling of any receiver that stores files: per repetition the floor's time plus fsync-bound.py --no-fsync's
#     (create, write, close, rename per object, no sync) for the same objects;
#   - fsync-bound.py (write+fsync+rename per object, and with --dir-fsync the folder fsync too) beside the durable
#     single association, and the ceiling of a durable receiver that writes, fsyncs and renames each file so, with
#     this sender: per repetition, the no-op receiver's time plus the bound's time for the same objects; and the least ceiling of any
#     durable receiver with this sender: the no-op receiver's time plus fsync-bound.py --append's (per object one
#     write and one fdatasync into a file written ahead: the cheapest sync of an object's bytes);
#   - 8 fsync-bound.py at once (one per folder p0..p7) beside the 8 parallel associations into the durable SCP, and
#     the estimate of a durable receiver on these 2 cores: 8 storescu at once into storescp --ignore, plus the 8
#     fsync-bound.py's time (both are CPU-bound with 8 senders on 2 cores, so their times add if nothing overlaps).
# The raw timings go to $OUT/raw.tsv (figure, repetition, ours ms, reference ms, objects, bytes).
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
RF=${RF:-$((3 * R))}                     # repetitions of the SCU rows and C-ECHO (under a second each; the spread of
                                        # single runs on this VM is wide, and these ratios sit near their targets)
PAR=8                                   # parallel associations for the durable-SCP test
TMO=${TMO:-300}                         # seconds, per process
RTMO=$((TMO * 20))                      # seconds, per receiver (it serves several senders; stopped after them)
DATA=${DATA:-/tmp/dsg-compare-data}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}"/dsg-compare.XXXXXX)}
KEEP=${KEEP:-0}                         # 1: leave the receivers' folders (perf-report.sh deletes them at its end)
BIN=$ROOT/bench/.bin/dsg
PY=${PY:-$(command -v /usr/bin/python3 || echo python3)}
export TCP_NODELAY=1
mkdir -p "$OUT"
RAW=$OUT/raw.tsv
: > "$RAW"
# KEEP: the receivers' folders stay until the end. On ext4 without a journal (this VM's root file system) every file
# creation skips the inodes of its group freed in the last minutes, so deleting a receiver's thousands of files
# right after it made the next receiver's creations several times slower, whichever receiver that was.
[ "$KEEP" = 1 ] || trap 'rm -rf "$OUT"/store.* "$OUT"/bound.* "$OUT"/mem.*' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
for tool in storescu storescp echoscu "$PY" dotnet; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install dcmtk python3; the .NET 10 SDK)"; exit 1; }
done

# --- build ---
. "$ROOT/bench/scripts/dsg-build.sh"
dsg_build "$BIN" aot || exit 1
RAWTCP=$OUT/rawtcp REPLAY=$OUT/replaystore
timeout 120 cc -O2 -o "$RAWTCP" "$ROOT/bench/scripts/rawtcp.c" 2>>"$OUT/build.log" \
  || { echo "# cc did not build bench/scripts/rawtcp.c: no raw TCP bound (apt-get install gcc)"; RAWTCP=""; }
timeout 120 cc -O2 -o "$REPLAY" "$ROOT/bench/scripts/replaystore.c" 2>>"$OUT/build.log" \
  || { echo "# cc did not build bench/scripts/replaystore.c: no receiver bound for the SCU rows (apt-get install gcc)"; REPLAY=""; }

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
for d in "$D_small" "$D_ct" "$D_large"; do [ -f "$d.done" ] || { echo "could not make the data in $DATA" >&2; exit 1; }; done
bytes() { du -sb "$1" | cut -f1; }

# --- helpers ---
freeport() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
waitport() { for _ in $(seq 200); do (: <>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; echo "no listener on $1" >&2; return 1; }
ms() { date +%s%3N; }
# timed CMD...: runs CMD bounded, prints "ms" (or "fail")
timed() { local a b; a=$(ms); timeout "$TMO" "$@" >>"$OUT/procs.log" 2>&1 || { echo fail; return; }; b=$(ms); echo $((b - a)); }
stop() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null; }
count() { find "$1" -type f -not -path '*/.*' -not -name '*.sqlite*' 2>/dev/null | wc -l; }   # storescp names files CT.<uid>
settle() { timeout "$TMO" sync -f "$OUT"; }   # earlier writes' dirty pages would otherwise land in the next fsync
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$RAW"; }   # figure rep ours_ms ref_ms units bytes
order() { local r=$(( ($1 - 1) % ($# - 1) )); shift; local a=("$@"); echo "${a[@]:r}" "${a[@]:0:r}"; }   # rep items: rotated
sum() { [ "$1" = fail ] || [ "$2" = fail ] && echo fail || echo $(($1 + $2)); }

# SCU: dsg store vs storescu, each into the same storescp --ignore, and the receiver's bound (replaystore into the
# same receiver: its exit status says every object got Success), recorded as scu-NAME-bound against dsg store and
# scu-NAME-dcmtkbound against storescu; for large objects also the raw TCP bound (rawtcp send into rawtcp recv, the
# same files), recorded as raw-large against the same repetition's dsg store and raw-large-bound against replaystore.
scu() { # name dir
  local port pid rport rpid rep k n b kinds=(ours dcmtk) files; local -A t
  port=$(freeport); timeout "$RTMO" storescp --ignore -aet BENCHSCP "$port" >>"$OUT/procs.log" 2>&1 & pid=$!; waitport "$port" || return
  mapfile -t files < <(find "$2" -name '*.dcm' | sort)
  [ -n "$REPLAY" ] && kinds+=(bound)
  if [ "$1" = large ] && [ -n "$RAWTCP" ]; then
    rport=$(freeport); timeout "$RTMO" "$RAWTCP" recv "$rport" >>"$OUT/procs.log" 2>&1 & rpid=$!; waitport "$rport" || return
    kinds+=(raw)
  fi
  n=$(count "$2"); b=$(bytes "$2")
  for rep in $(seq "$RF"); do
    t=()
    for k in $(order "$rep" "${kinds[@]}"); do
      case $k in
        ours) t[ours]=$(timed $DSG store 127.0.0.1 "$port" -aec BENCHSCP -aet BENCHSCU "$2") ;;
        dcmtk) t[dcmtk]=$(timed storescu -aec BENCHSCP -aet BENCHSCU +sd +r 127.0.0.1 "$port" "$2") ;;
        raw) t[raw]=$(timed "$RAWTCP" send "$rport" "${files[@]}") ;;
        bound) t[bound]=$(timed "$REPLAY" -aec BENCHSCP -aet BENCHSCU 127.0.0.1 "$port" "${files[@]}") ;;
      esac
    done
    record "scu-$1" "$rep" "${t[ours]}" "${t[dcmtk]}" "$n" "$b"
    if [ -n "${t[bound]:-}" ]; then
      record "scu-$1-bound" "$rep" "${t[ours]}" "${t[bound]}" "$n" "$b"
      record "scu-$1-dcmtkbound" "$rep" "${t[dcmtk]}" "${t[bound]}" "$n" "$b"
    fi
    [ -n "${t[raw]:-}" ] && record "raw-$1" "$rep" "${t[ours]}" "${t[raw]}" "$n" "$b"
    [ -n "${t[raw]:-}" ] && [ -n "${t[bound]:-}" ] && record "raw-$1-bound" "$rep" "${t[bound]}" "${t[raw]}" "$n" "$b"
  done
  stop $pid; [ -n "${rpid:-}" ] && stop "$rpid"
}

# One timed `storescu` run into a fresh receiver of KIND: ours (dsg scp ARGS), dcmtk (storescp -od ARGS), ignore
# (storescp --ignore: receives and stores nothing, the floor of any receiver with this sender). The sender's wall
# time is timed (the receiver is up before), the stored file count checked.
scp_one() { # kind dir parallel extra-args -> ms
  local port pid out t a b i pids=() ok=1
  out=$(mktemp -d "$OUT/store.XXXXXX"); port=$(freeport)
  case $1 in
    ours) timeout "$RTMO" $DSG scp "$port" -od "$out" -aet BENCHSCP --bind 127.0.0.1 --max-associations 16 $4 >>"$OUT/procs.log" 2>&1 & pid=$! ;;
    dcmtk) timeout "$RTMO" storescp -od "$out" -aet BENCHSCP $4 "$port" >>"$OUT/procs.log" 2>&1 & pid=$! ;;
    ignore) timeout "$RTMO" storescp --ignore -aet BENCHSCP "$port" >>"$OUT/procs.log" 2>&1 & pid=$! ;;
  esac
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
  [ "$1" != ignore ] && [ "$t" != fail ] && [ "$(count "$out")" -ne "$(count "$2")" ] && { echo "stored $(count "$out") of $(count "$2") into $out" >&2; t=fail; }
  echo "$t"   # the folder is removed at the end (see KEEP above)
}
# The disk's bound for PAR associations at once: PAR fsync-bound.py processes, one per folder p0..p7, each into a folder
# of its own; the longest of their timed loops (start-up excluded, as for the single bound).
bound_par() { # dir -> ms
  local b i pids=() ok=1 f files; b=$(mktemp -d "$OUT/bound.XXXXXX"); settle
  for i in $(seq 0 $((PAR - 1))); do
    [ -d "$1/p$i" ] || continue
    mapfile -t files < <(find "$1/p$i" -name '*.dcm' | sort)   # one process per folder (xargs could split a long list)
    timeout "$TMO" "$PY" "$ROOT/bench/scripts/fsync-bound.py" "$b/p$i" "${files[@]}" > "$b/p$i.out" & pids+=($!)
  done
  for i in "${pids[@]}"; do wait "$i" || ok=0; done
  f=$(cat "$b"/p*.out | awk '$2 > m { m = $2 } END { printf "%d", m * 1000 }')
  [ $ok = 1 ] && [ "${f:-0}" -gt 0 ] && echo "$f" || echo fail
}
scp() { # figure dir parallel ours-args dcmtk-args [floor|bound]: also storescu -> storescp --ignore (FIGURE-floor)
        # and that plus create+write+rename without fsync (FIGURE-ceiling), or the parallel fsync bound (FIGURE-bound)
  local rep k kinds=(ours dcmtk); local -A t
  [ "${6:-}" = floor ] && kinds+=(ignore nosync)
  [ "${6:-}" = bound ] && kinds+=(bound ignore)
  for rep in $(seq "$R"); do
    t=()
    for k in $(order "$rep" "${kinds[@]}"); do
      case $k in
        ours) t[ours]=$(scp_one ours "$2" "$3" "$4") ;;
        dcmtk) t[dcmtk]=$(scp_one dcmtk "$2" "$3" "$5") ;;
        ignore) t[ignore]=$(scp_one ignore "$2" "$3" "") ;;
        nosync) t[nosync]=$(bound_run "$(mktemp -d "$OUT/bound.XXXXXX")" --no-fsync "$2") ;;
        bound) t[bound]=$(bound_par "$2") ;;
      esac
    done
    record "$1" "$rep" "${t[ours]}" "${t[dcmtk]}" "$(count "$2")" "$(bytes "$2")"
    [ -n "${t[nosync]:-}" ] && record "$1-floor" "$rep" "${t[ours]}" "${t[ignore]}" "$(count "$2")" "$(bytes "$2")"
    [ -n "${t[nosync]:-}" ] && record "$1-ceiling" "$rep" "${t[ours]}" "$(sum "${t[ignore]}" "${t[nosync]}")" "$(count "$2")" "$(bytes "$2")"
    [ -n "${t[bound]:-}" ] && record "$1-bound" "$rep" "${t[ours]}" "${t[bound]}" "$(count "$2")" "$(bytes "$2")"
    [ -n "${t[bound]:-}" ] && [ -n "${t[ignore]:-}" ] && record "$1-ceiling" "$rep" "${t[ours]}" "$(sum "${t[ignore]}" "${t[bound]}")" "$(count "$2")" "$(bytes "$2")"
  done
}

# Durable SCP (one association) against the disk's bound: fsync-bound.py over the same files (write + fsync + rename,
# one after the other), and --dir-fsync (also the folder's fsync after each rename); plus the no-op receiver, whose
# time added to a bound's is the ceiling of a durable receiver fed by one storescu (each object is received, then
# made durable, then answered, before the next is sent); with --append's time (one write+fdatasync per object into
# a file written ahead) the least ceiling: no receiver makes an object durable with less than one flush of its bytes.
bound_run() { # dest flag dir -> ms
  local f files; settle
  mapfile -t files < <(find "$3" -name '*.dcm' | sort)   # one process (xargs could split a long list into several)
  f=$(timeout "$TMO" "$PY" "$ROOT/bench/scripts/fsync-bound.py" $2 "$1" "${files[@]}" | awk '{printf "%d", $2 * 1000}')
  echo "${f:-fail}"
}
bound() { # figure dir
  local rep k n b; local -A t
  n=$(count "$2"); b=$(bytes "$2")
  for rep in $(seq "$R"); do
    t=()
    for k in $(order "$rep" ours bound ignore dirbound append); do
      case $k in
        ours) t[ours]=$(scp_one ours "$2" 1 "") ;;
        bound) t[bound]=$(bound_run "$(mktemp -d "$OUT/bound.XXXXXX")" "" "$2") ;;
        dirbound) t[dirbound]=$(bound_run "$(mktemp -d "$OUT/bound.XXXXXX")" --dir-fsync "$2") ;;
        append) t[append]=$(bound_run "$(mktemp -d "$OUT/bound.XXXXXX")" --append "$2") ;;
        ignore) t[ignore]=$(scp_one ignore "$2" 1 "") ;;
      esac
    done
    record "$1" "$rep" "${t[ours]}" "${t[bound]}" "$n" "$b"
    record "$1-ceiling" "$rep" "${t[ours]}" "$(sum "${t[ignore]}" "${t[bound]}")" "$n" "$b"
    record "$1-least" "$rep" "${t[ours]}" "$(sum "${t[ignore]}" "${t[append]}")" "$n" "$b"
    record "$1-dir" "$rep" "${t[ours]}" "${t[dirbound]}" "$n" "$b"
    record "$1-dir-ceiling" "$rep" "${t[ours]}" "$(sum "${t[ignore]}" "${t[dirbound]}")" "$n" "$b"
  done
}

echo_cmp() {
  local port pid rep k o d
  port=$(freeport); timeout "$RTMO" storescp --ignore -aet BENCHSCP "$port" >>"$OUT/procs.log" 2>&1 & pid=$!; waitport "$port" || return
  for rep in $(seq "$RF"); do
    for k in $(order "$rep" ours dcmtk); do
      case $k in
        ours) o=$(timed $DSG echo 127.0.0.1 "$port" -aec BENCHSCP -r "$ECHO_N") ;;
        dcmtk) d=$(timed echoscu -aec BENCHSCP --repeat "$ECHO_N" 127.0.0.1 "$port") ;;
      esac
    done
    record echo "$rep" "$o" "$d" "$ECHO_N" 0
  done
  stop $pid
}

# Process start and exit (context for the whole-process rows): 20 `dsg --version` in a row vs 20 `storescu --version`.
startup_cmp() {
  local rep k o d
  twenty() { timed bash -c 'for _ in $(seq 20); do "$@" >/dev/null || exit 1; done' _ "$@"; }
  for rep in $(seq "$RF"); do
    for k in $(order "$rep" ours dcmtk); do
      case $k in
        ours) o=$(twenty $DSG --version) ;;
        dcmtk) d=$(twenty storescu --version) ;;
      esac
    done
    record startup "$rep" "$o" "$d" 20 0
  done
}

LOAD_START=$(load)   # after the build and the data, just before the first measurement
echo "# $(date -u +%FT%TZ), $(nproc) cores, load average at start: $LOAD_START; dsg $MODE, commit $(git -C "$ROOT" rev-parse --short HEAD); $(storescu --version 2>/dev/null | head -1)"
echo "# small: $(count "$D_small") x $(( $(bytes "$D_small") / $(count "$D_small") / 1024 )) KB, CT: $(count "$D_ct") x $(( $(bytes "$D_ct") / $(count "$D_ct") / 1024 )) KB, large: $(count "$D_large") x $(( $(bytes "$D_large") / $(count "$D_large") / 1048576 )) MB; R=$R (SCU rows and C-ECHO: $RF); raw timings: $RAW" >&2
for s in small ct large; do d=D_$s; scu "$s" "${!d}"; done
for s in small ct large; do d=D_$s; scp "nofsync-$s" "${!d}" 1 --no-fsync "" floor; done
bound bound-small "$D_small"
scp durable-par8 "$D_small" 8 "" --fork bound
for s in small ct large; do d=D_$s; scp "durable-$s" "${!d}" 1 "" ""; done
echo_cmp
startup_cmp
if [ "$MEM_MB" -gt 0 ]; then   # one MEM_MB object into dsg scp: scp-memory.sh (a), its line into $OUT/memory.tsv
  DSG=$DSG MODE=$MODE CONC=0 MEM_MB=$MEM_MB OUT=$OUT TMO=$TMO DATA=$DATA bash "$ROOT/bench/scripts/scp-memory.sh" >/dev/null
fi
LOAD_END=$(load)

"$PY" "$ROOT/bench/scripts/perf-report.py" --compare "$RAW" --echo-n "$ECHO_N" $([ -s "$OUT/memory.tsv" ] && echo --memory "$OUT/memory.tsv")
echo
echo "Load average (1, 5, 15 min) at start: $LOAD_START; at end: $LOAD_END ($(nproc) cores). Command: bench/scripts/compare.sh $*"
echo "All of issue 20's figures in one table, with the window of 8, both memory tests and the index: bench/scripts/perf-report.sh."
