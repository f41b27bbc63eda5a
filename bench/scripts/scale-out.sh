#!/usr/bin/env bash
# Scale-out: C-STORE rate of small objects through HAProxy into N `dsg scp` replicas on one folder and one PostgreSQL
# index, for N=1 and N=3 in the same run, with 8 storescu at once; the reference is 8 storescu into one DCMTK
# storescp, measured in the same run. docs/scale-out.md.
#
#   bench/scripts/scale-out.sh                 # 8 senders x 200 small objects, R=3
#   PER=100 R=5 bench/scripts/scale-out.sh
#   FSYNC=1 bench/scripts/scale-out.sh         # durable files (default: --no-fsync, as ScaleOutTests)
#
# One machine: the replicas, HAProxy, PostgreSQL (a throwaway cluster: initdb in $OUT, loopback, fsync=off) and the
# senders share its cores, so N=3 measures the cost of the path (proxy hop, shared index, three processes), not
# the gain of more machines. Each repetition runs the three cases back to back (order rotating), each into a fresh
# folder and a fresh database, the receivers started before the clock starts; rate = objects / wall time of the
# slowest sender. A case counts only if every object is on disk and (dsg) indexed once. Loopback only; every process
# bounded by `timeout`.
set -u -o pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PER=${PER:-200}
SENDERS=8
N=$((PER * SENDERS))
R=${R:-3}
TMO=${TMO:-300}
FSYNC=${FSYNC:-0}
DATA=${DATA:-/tmp/dsg-scale-data}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}"/dsg-scale.XXXXXX)}
PY=${PY:-$(command -v /usr/bin/python3 || echo python3)}
export TCP_NODELAY=1
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
for tool in storescu storescp haproxy "$PY" dotnet; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install dcmtk haproxy python3; the .NET 10 SDK)"; exit 1; }
done
[ -x "$PGBIN/initdb" ] || { echo "missing: PostgreSQL (apt-get install postgresql)"; exit 1; }

# --- build: a JIT Release publish of dsg in bench/.bin/scaleout, rebuilt when the tree changes ---
. "$ROOT/bench/scripts/dsg-build.sh"
BIN=$ROOT/bench/.bin/scaleout
dsg_build "$BIN" jit || exit 1

# --- data: one folder per sender ---
for s in $(seq 0 $((SENDERS - 1))); do
  D=$DATA/s$s-$PER
  if [ ! -f "$D.done" ]; then
    rm -rf "$D"; timeout "$TMO" "$PY" "$ROOT/bench/scripts/mkdata.py" "$D" "$PER" small --prefix "so$s-$PER" >/dev/null || exit 1
    touch "$D.done"
  fi
done

freeport() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
waitport() { for _ in $(seq 600); do (: <>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; echo "no listener on $1" >&2; return 1; }
ms() { date +%s%3N; }

# --- the throwaway PostgreSQL cluster (as user postgres when run as root) ---
pg() { if [ "$(id -u)" = 0 ]; then timeout 120 runuser -u postgres -- "$PGBIN/$1" "${@:2}"; else timeout 120 "$PGBIN/$1" "${@:2}"; fi; }
PGDIR=$OUT/pg; mkdir -p "$PGDIR"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDIR"
PGPORT=$(freeport)
pg initdb -D "$PGDIR/data" -A trust -U postgres --locale=C -E UTF8 --no-sync --no-instructions >"$OUT/pg.log" 2>&1 || { cat "$OUT/pg.log"; exit 1; }
pg pg_ctl -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=off -c synchronous_commit=off -c max_connections=300" start >>"$OUT/pg.log" 2>&1 || { cat "$OUT/pg.log"; exit 1; }
cleanup() { pg pg_ctl -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1; }
trap cleanup EXIT
psql_() { pg psql -h 127.0.0.1 -p "$PGPORT" -U postgres -At "$@"; }

# one CASE (dcmtk | n1 | n3) of repetition REP: prints objects/s (0 when it failed or lost objects)
one() {
  local case=$1 rep=$2 dir pids=() ports=() front cfg proxy a b rc=0 files rows db conn n fs=()
  dir=$(mktemp -d "$OUT/rx.XXXXXX")
  [ "$FSYNC" = 1 ] || fs=(--no-fsync)
  if [ "$case" = dcmtk ]; then
    front=$(freeport)
    timeout "$TMO" storescp -od "$dir" -aet DSGSCP "$front" >>"$OUT/procs.log" 2>&1 & pids+=($!)
  else
    n=${case#n}; db=scale_${rep}_$case
    psql_ -d postgres -c "CREATE DATABASE $db" >/dev/null || { echo 0; return; }
    conn="Host=127.0.0.1;Port=$PGPORT;Database=$db;Username=postgres;Maximum Pool Size=40"
    for r in $(seq "$n"); do
      ports+=($(freeport))
      timeout "$TMO" $DSG scp "${ports[-1]}" --bind 127.0.0.1 -aet DSGSCP -od "$dir" --index "$conn" "${fs[@]}" --max-associations 32 >>"$OUT/procs.log" 2>&1 & pids+=($!)
      waitport "${ports[-1]}" || { kill "${pids[@]}" 2>/dev/null; echo 0; return; }   # the first one migrates the schema
    done
    front=$(freeport); cfg=$dir.haproxy.cfg
    { printf 'global\n    maxconn 256\ndefaults\n    mode tcp\n    timeout connect 2s\n    timeout client 120s\n    timeout server 120s\n'
      printf 'frontend dicom\n    bind 127.0.0.1:%s\n    default_backend replicas\nbackend replicas\n    balance leastconn\n' "$front"
      for i in "${!ports[@]}"; do printf '    server r%s 127.0.0.1:%s check inter 1s\n' "$i" "${ports[$i]}"; done; } > "$cfg"
    timeout "$TMO" haproxy -f "$cfg" -db >>"$OUT/procs.log" 2>&1 & proxy=$!; pids+=($proxy)
  fi
  waitport "$front" || { kill "${pids[@]}" 2>/dev/null; echo 0; return; }
  sleep 1   # HAProxy's first health checks
  a=$(ms)
  local senders=()
  for s in $(seq 0 $((SENDERS - 1))); do
    timeout "$TMO" storescu -aec DSGSCP -aet SCALESCU +sd 127.0.0.1 "$front" "$DATA/s$s-$PER" >>"$OUT/procs.log" 2>&1 & senders+=($!)
  done
  for p in "${senders[@]}"; do wait "$p" || rc=$?; done
  b=$(ms)
  kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null
  files=$(find "$dir" -type f -not -path '*/.*' | wc -l)
  rows=$N
  [ "$case" = dcmtk ] || rows=$(psql_ -d "$db" -c "SELECT count(DISTINCT sop_uid) FROM instance")
  rm -rf "$dir" "$dir.haproxy.cfg"
  if [ $rc != 0 ] || [ "$files" != "$N" ] || [ "$rows" != "$N" ]; then echo "# $case failed (exit $rc, $files files, $rows rows of $N)" >&2; echo 0; return; fi
  awk -v n="$N" -v t=$((b - a)) 'BEGIN { printf "%.0f", n * 1000 / t }'
}

CASES=(dcmtk n1 n3)
echo "# $(date -u +%FT%TZ) scale-out.sh: $SENDERS storescu x $PER small objects, $R repetitions, dsg JIT Release, $([ "$FSYNC" = 1 ] && echo durable || echo --no-fsync); PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') (fsync=off), $(haproxy -v | head -1 | awk '{print $1, $3}'); $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
order=("${CASES[@]}")
: > "$OUT/raw.tsv"
for rep in $(seq "$R"); do
  line="rep $rep:"
  for c in "${order[@]}"; do
    v=$(one "$c" "$rep"); printf '%s\t%s\t%s\n' "$rep" "$c" "$v" >> "$OUT/raw.tsv"; line="$line $c $v/s"
  done
  echo "# $line"
  order=("${order[@]:1}" "${order[0]}")
done
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); raw rates in $OUT/raw.tsv"

"$PY" "$(dirname "$0")/ratio-table.py" "$OUT/raw.tsv" \
  '3 replicas / 1 replica (HAProxy, PostgreSQL)|n3|n1' \
  '1 replica via HAProxy / storescp direct|n1|dcmtk' \
  '3 replicas via HAProxy / storescp direct|n3|dcmtk'
