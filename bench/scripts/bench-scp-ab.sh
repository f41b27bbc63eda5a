#!/usr/bin/env bash
# A/B of the receiving side: `storescu` into two `dsg scp` builds (e.g. before and after a store-path change) and
# into the DCMTK reference, interleaved within every repetition (the order rotates), so that the load of a shared
# machine hits all three alike. Each receiver is fresh (empty folder) and started before the clock; the sender's
# wall time is timed, the stored file count checked. Prints each repetition, then the ratio of each build to the
# reference of the same repetition (median, min-max) and after/before, and the receiver process's CPU time per object
# (user + system, from /proc; steadier than wall time on a loaded machine). Loopback only; every process bounded.
#
#   bench/scripts/bench-scp-ab.sh BEFORE_DSG AFTER_DSG DIR MODE [REPS]
#   MODE: nofsync  one storescu → dsg scp --no-fsync   vs → storescp -od
#         durable  one storescu → dsg scp (fsync)      vs the disk's write+fsync+rename bound (fsync-bound.py)
#         par8     8 storescu at once → dsg scp (fsync) vs → storescp --fork -od (DIR/p0..p7, as compare.sh makes)
#   e.g. bench/scripts/bench-scp-ab.sh /tmp/before/dsg /tmp/after/dsg /tmp/data/small nofsync 5
# A dsg argument is an executable (Native AOT) or a dsg.dll (run with dotnet). DIR: folder of DICOM files
# (`bench/scripts/mkdata.py DIR 2000 small`), searched recursively.
set -u -o pipefail
[ $# -ge 4 ] || { sed -n 2,15p "$0"; exit 2; }
BEFORE=$1 AFTER=$2 DIR=$3 MODE=$4 REPS=${5:-5}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMO=${TMO:-300}
OUT=$(mktemp -d "${TMPDIR:-/tmp}"/dsg-scp-ab.XXXXXX)
export TCP_NODELAY=1
# The receivers' folders stay until the end: deleting thousands of files slows the next receiver's file creations
# (ext4 without a journal skips recently freed inodes on each create), whichever receiver comes next.
trap 'rm -rf "$OUT"/store.*' EXIT
run_cmd() { case $1 in *.dll) echo "dotnet $1" ;; *) echo "$1" ;; esac; }
count() { find "$1" -type f -name '*' -not -path '*/.*' -not -name '*.sqlite*' 2>/dev/null | wc -l; }
N=$(count "$DIR")
freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
waitport() { for _ in $(seq 200); do (: <>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }
ms() { date +%s%3N; }

one() { # NAME -> "objects/s receiver-CPU-ms" ("0 0" on failure; CPU "-" where there is no one receiver process)
  local name=$1 out port pid a b rc=0 i pids=() cpu=-
  out=$(mktemp -d "$OUT/store.XXXXXX"); port=$(freeport)
  if [ "$name" = ref ] && [ "$MODE" = durable ]; then
    timeout "$TMO" sync -f "$OUT"
    a=$(ms)
    find "$DIR" -name '*.dcm' | sort | xargs timeout "$TMO" python3 "$ROOT/bench/scripts/fsync-bound.py" "$out" >/dev/null || rc=1
    b=$(ms)
  else
    case $name in
      before|after)
        local bin; [ "$name" = before ] && bin=$BEFORE || bin=$AFTER
        local extra=""; [ "$MODE" = nofsync ] && extra=--no-fsync
        $(run_cmd "$bin") scp "$port" -od "$out" -aet BENCHSCP --bind 127.0.0.1 --max-associations 16 $extra >>"$OUT/procs.log" 2>&1 & pid=$! ;;
      ref)
        local fork=""; [ "$MODE" = par8 ] && fork=--fork
        storescp -od "$out" -aet BENCHSCP $fork "$port" >>"$OUT/procs.log" 2>&1 & pid=$! ;;
    esac
    waitport "$port" || { kill $pid; echo 0; return; }
    timeout "$TMO" sync -f "$OUT"
    a=$(ms)
    if [ "$MODE" = par8 ]; then
      for i in $(seq 0 7); do
        [ -d "$DIR/p$i" ] || continue
        timeout "$TMO" storescu -aec BENCHSCP -aet BENCHSCU +sd 127.0.0.1 "$port" "$DIR/p$i" >>"$OUT/procs.log" 2>&1 & pids+=($!)
      done
      for i in "${pids[@]}"; do wait "$i" || rc=1; done
    else
      timeout "$TMO" storescu -aec BENCHSCP -aet BENCHSCU +sd +r 127.0.0.1 "$port" "$DIR" >>"$OUT/procs.log" 2>&1 || rc=1
    fi
    b=$(ms)
    [ "$name" = ref ] && [ "$MODE" = par8 ] && sleep 0.2   # forked children may still be closing files
    # user + system CPU of the receiver process (clock ticks → ms); storescp --fork's children are not in it
    [ "$name" = ref ] && [ "$MODE" = par8 ] || cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' /proc/$pid/stat 2>/dev/null || echo -)
    kill $pid 2>/dev/null; wait $pid 2>/dev/null
  fi
  [ $rc = 0 ] && [ "$(count "$out")" -eq "$N" ] || { echo "# $name failed (rc $rc, stored $(count "$out") of $N)" >&2; echo "0 0"; return; }
  awk -v n="$N" -v d="$((b - a))" -v c="$cpu" 'BEGIN { printf "%.0f %s", n * 1000 / d, c }'
}

case $MODE in nofsync) REF="storescp -od" ;; durable) REF="fsync bound" ;; par8) REF="storescp --fork -od" ;; *) echo "MODE: nofsync|durable|par8"; exit 2 ;; esac
echo "# $(date -u +%FT%TZ) $MODE: $N files from $DIR, $REPS repetitions, $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# before: $BEFORE"
echo "# after:  $AFTER"
echo "# reference: $REF"
declare -a RB RA RAB CB CA
order=(ref before after)
for rep in $(seq "$REPS"); do
  declare -A rate=() cpu=()
  for name in "${order[@]}"; do read -r rate[$name] cpu[$name] < <(one "$name"); done
  printf "rep %d (%s first): reference %s/s, before %s/s, after %s/s; receiver CPU ms: reference %s, before %s, after %s\n" "$rep" "${order[0]}" \
    "${rate[ref]}" "${rate[before]}" "${rate[after]}" "${cpu[ref]}" "${cpu[before]}" "${cpu[after]}"
  CB+=("$(awk -v x="${cpu[before]}" 'BEGIN { printf "%.1f", x * 1000 / '"$N"' }')")
  CA+=("$(awk -v x="${cpu[after]}" 'BEGIN { printf "%.1f", x * 1000 / '"$N"' }')")
  RB+=("$(awk -v x="${rate[before]}" -v y="${rate[ref]}" 'BEGIN { printf "%.3f", y ? x / y : 0 }')")
  RA+=("$(awk -v x="${rate[after]}" -v y="${rate[ref]}" 'BEGIN { printf "%.3f", y ? x / y : 0 }')")
  RAB+=("$(awk -v x="${rate[after]}" -v y="${rate[before]}" 'BEGIN { printf "%.3f", y ? x / y : 0 }')")
  order=("${order[@]:1}" "${order[0]}")
  unset rate cpu
done
. "$ROOT/bench/scripts/summary.sh"
stats() { summary 1 "median %.2fx (min %.2fx, max %.2fx, n=%d)" "$@"; }
echo "before / reference: $(stats "${RB[@]}")"
echo "after  / reference: $(stats "${RA[@]}")"
echo "after  / before:    $(stats "${RAB[@]}")"
med() { summary 1 "%.0f (min %.0f, max %.0f)" "$@"; }
echo "receiver CPU per object, µs: before $(med "${CB[@]}"), after $(med "${CA[@]}")"
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg); logs in $OUT"
