#!/usr/bin/env bash
# A/B of small-object C-STORE: two dsg builds (e.g. before and after a send-path change) and storescu, each sending
# the same folder over one association into the same `storescp --ignore`, interleaved within every repetition (the
# order rotates), so that the load of a shared machine hits all three alike. Prints each run, then per build the
# ratio to storescu of the same repetition (median, min-max) and the after/before ratio. Loopback only; every run is
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
trap 'kill $SCP 2>/dev/null; wait $SCP 2>/dev/null' EXIT
for _ in $(seq 50); do (echo >/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done

echo "# $(date -u +%FT%TZ) $N files from $DIR, $REPS repetitions; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# before: $BEFORE"
echo "# after:  $AFTER"
one() {  # one NAME: runs one sender, prints its objects/s
  local t0 t1 rc
  t0=$(date +%s.%N)
  case $1 in
    storescu) timeout 300 storescu -aet BENCHSCU -aec BENCHSCP 127.0.0.1 "$PORT" +sd +r "$DIR" >/dev/null 2>&1 ;;
    before)   timeout 300 $(run_cmd "$BEFORE") store 127.0.0.1 "$PORT" -aec BENCHSCP -aet BENCHSCU "$DIR" >/dev/null 2>&1 ;;
    after)    timeout 300 $(run_cmd "$AFTER") store 127.0.0.1 "$PORT" -aec BENCHSCP -aet BENCHSCU "$DIR" >/dev/null 2>&1 ;;
  esac
  rc=$?
  t1=$(date +%s.%N)
  [ $rc = 0 ] || { echo "# $1 failed (exit $rc)" >&2; echo 0; return; }
  awk -v n="$N" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", n / (b - a) }'
}
declare -a RB RA RAB
order=(storescu before after)
for rep in $(seq "$REPS"); do
  declare -A rate=()
  for name in "${order[@]}"; do rate[$name]=$(one "$name"); done
  printf "rep %d: storescu %s obj/s, before %s obj/s, after %s obj/s\n" "$rep" "${rate[storescu]}" "${rate[before]}" "${rate[after]}"
  RB+=("$(awk -v x="${rate[before]}" -v y="${rate[storescu]}" 'BEGIN { printf "%.3f", y ? x / y : 0 }')")
  RA+=("$(awk -v x="${rate[after]}" -v y="${rate[storescu]}" 'BEGIN { printf "%.3f", y ? x / y : 0 }')")
  RAB+=("$(awk -v x="${rate[after]}" -v y="${rate[before]}" 'BEGIN { printf "%.3f", y ? x / y : 0 }')")
  order=("${order[@]:1}" "${order[0]}")   # rotate who goes first
  unset rate
done
stats() { printf "%s\n" "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "median %.2fx (min %.2fx, max %.2fx, n=%d)", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR], NR }'; }
echo "before / storescu: $(stats "${RB[@]}")"
echo "after  / storescu: $(stats "${RA[@]}")"
echo "after  / before:   $(stats "${RAB[@]}")"
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
