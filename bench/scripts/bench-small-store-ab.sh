#!/usr/bin/env bash
# A/B of small-object C-STORE: two dsg builds (e.g. before and after a send-path change) and storescu, each sending
# the same folder over one association into the same `storescp --ignore`, interleaved within every repetition (the
# order rotates), so that the load of a shared machine hits all three alike. Prints each run, then per build the
# ratio to storescu of the same repetition (median, min-max), the after/before ratio, and each sender's process CPU
# (user + system, from the shell's `times`: steadier than wall time on a loaded machine). Loopback only; every run is
# bounded by `timeout`.
#
#   bench/scripts/bench-small-store-ab.sh BEFORE_DSG AFTER_DSG DIR [REPS]
#   e.g. bench/scripts/bench-small-store-ab.sh /tmp/before/dsg /tmp/after/dsg /tmp/data/small 3
# A dsg argument is an executable (Native AOT) or a dsg.dll (run with dotnet). DIR: flat folder of DICOM files
# (`bench/scripts/mkdata.py DIR 2000 small`); any sizes (CT-like, large): the rates are objects/s, and the ratios are
# the same as of MB/s since all three send the same files.
set -u -o pipefail
[ $# -ge 3 ] || { sed -n 2,11p "$0"; exit 2; }
BEFORE=$1 AFTER=$2 DIR=$3 REPS=${4:-3}
PORT=${PORT:-11391}
export TCP_NODELAY=1
run_cmd() { case $1 in *.dll) echo "dotnet $1" ;; *) echo "$1" ;; esac; }
N=$(find "$DIR" -type f ! -name ".*" | wc -l)

storescp --ignore -aet BENCHSCP "$PORT" >/dev/null 2>&1 & SCP=$!
TIMES=$(mktemp)
trap 'kill $SCP 2>/dev/null; wait $SCP 2>/dev/null; rm -f "$TIMES"' EXIT
for _ in $(seq 50); do (echo >/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done

echo "# $(date -u +%FT%TZ) $N files from $DIR, $REPS repetitions; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# before: $BEFORE"
echo "# after:  $AFTER"
one() {  # one NAME: runs one sender, prints its objects/s and its CPU in ms (run in $(…): `times` then counts it alone)
  local t0 t1 rc c0 c1
  t0=$(date +%s.%N)
  times > "$TIMES"; mapfile -t c0 < "$TIMES"
  case $1 in
    storescu) timeout 300 storescu -aet BENCHSCU -aec BENCHSCP 127.0.0.1 "$PORT" +sd +r "$DIR" >/dev/null 2>&1 ;;
    before)   timeout 300 $(run_cmd "$BEFORE") store 127.0.0.1 "$PORT" -aec BENCHSCP -aet BENCHSCU "$DIR" >/dev/null 2>&1 ;;
    after)    timeout 300 $(run_cmd "$AFTER") store 127.0.0.1 "$PORT" -aec BENCHSCP -aet BENCHSCU "$DIR" >/dev/null 2>&1 ;;
  esac
  rc=$?
  times > "$TIMES"; mapfile -t c1 < "$TIMES"
  t1=$(date +%s.%N)
  [ $rc = 0 ] || { echo "# $1 failed (exit $rc)" >&2; echo "0 0"; return; }
  # The second line of `times`: user and system time of this shell's finished children ("XmY.ZZZs" each), read
  # before and after the sender with builtins only, so that no other process is counted.
  awk -v n="$N" -v a="$t0" -v b="$t1" -v before="${c0[1]}" -v after="${c1[1]}" '
    function ms(line,   f, i, p, c) { split(line, f, " "); c = 0; for (i = 1; i <= 2; i++) { split(f[i], p, "m"); c += p[1] * 60 + p[2] } return c * 1000 }
    BEGIN { printf "%.2f %.0f", n / (b - a), ms(after) - ms(before) }'
}
declare -a RB RA RAB CS CB CA
order=(storescu before after)
for rep in $(seq "$REPS"); do
  declare -A rate=()
  declare -A cpu=()
  for name in "${order[@]}"; do read -r rate[$name] cpu[$name] <<< "$(one "$name")"; done
  printf "rep %d: storescu %s obj/s, before %s obj/s, after %s obj/s; sender CPU ms: storescu %s, before %s, after %s\n" "$rep" \
    "${rate[storescu]}" "${rate[before]}" "${rate[after]}" "${cpu[storescu]}" "${cpu[before]}" "${cpu[after]}"
  CS+=("${cpu[storescu]}"); CB+=("${cpu[before]}"); CA+=("${cpu[after]}")
  RB+=("$(awk -v x="${rate[before]}" -v y="${rate[storescu]}" 'BEGIN { printf "%.3f", y ? x / y : 0 }')")
  RA+=("$(awk -v x="${rate[after]}" -v y="${rate[storescu]}" 'BEGIN { printf "%.3f", y ? x / y : 0 }')")
  RAB+=("$(awk -v x="${rate[after]}" -v y="${rate[before]}" 'BEGIN { printf "%.3f", y ? x / y : 0 }')")
  order=("${order[@]:1}" "${order[0]}")   # rotate who goes first
  unset rate cpu
done
. "$(dirname "$0")/summary.sh"
stats() { summary 1 "median %.2fx (min %.2fx, max %.2fx, n=%d)" "$@"; }
echo "before / storescu: $(stats "${RB[@]}")"
echo "after  / storescu: $(stats "${RA[@]}")"
echo "after  / before:   $(stats "${RAB[@]}")"
cpu() { summary "$(awk -v n="$N" 'BEGIN { print 1000 / n }')" "%.0f µs (min %.0f, max %.0f)" "$@"; }
echo "sender CPU per object, whole process: storescu $(cpu "${CS[@]}"), before $(cpu "${CB[@]}"), after $(cpu "${CA[@]}")"
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
