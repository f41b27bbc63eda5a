#!/usr/bin/env bash
# The archive index at scale (issue 20, item 4): loads COUNT synthetic instances (COUNT/100 patients) into the
# archive index through the SCP's insert path, prints the insert rate of the first and last 50,000 (or COUNT/10),
# the index size per instance, and STUDY-level C-FIND times (median of RUNS warm runs, through the SCP's query path)
# with each query's plan. Program: bench/DicomSpecGen.Benchmarks/Archive/IndexScale.cs.
#   bench/scripts/index-scale.sh                       # SQLite, 1,000,000 instances (several minutes)
#   bench/scripts/index-scale.sh --count 100000        # quick
#   PG=1 bench/scripts/index-scale.sh --count 200000   # SQLite, then the same against a throwaway PostgreSQL cluster
# Extra arguments go to the program (--count N, --patients P, --runs R, --uids random|series, --checkpoint-pages N,
# --cache-mb M).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMO=${TMO:-3600}
WORK=${WORK:-/tmp/dsg-index-scale}
PG=${PG:-0}
timeout 1200 dotnet build -c Release "$ROOT/bench/DicomSpecGen.Benchmarks" -v q -nologo >/tmp/dsg-index-scale-build.log 2>&1 \
  || { tail -20 /tmp/dsg-index-scale-build.log; exit 1; }
APP="dotnet $ROOT/bench/DicomSpecGen.Benchmarks/bin/Release/net10.0/DicomSpecGen.Benchmarks.dll index-scale"
echo "# commit $(git -C "$ROOT" rev-parse --short HEAD)"
# Dirty pages of earlier work (perf-report.sh runs this after the 1 GB memory test) would otherwise be written back
# during the empty index's window: one such run measured its first 50,000 at a third of the usual rate.
timeout 300 sync
timeout "$TMO" $APP --dir "$WORK/sqlite" "$@" || exit 1
rm -rf "$WORK/sqlite"

if [ "$PG" = 1 ]; then
  # A throwaway cluster as tests/DicomSpecGen.Runtime.Tests/Archive/PostgresCluster.cs starts one: initdb as user
  # postgres (the server refuses root), loopback only, a free port, fsync off (unlike the SQLite run, which commits
  # with synchronous=FULL as the durable archive does: the PostgreSQL figures are not a like-for-like comparison).
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort | tail -1)
  [ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)"; exit 1; }
  pg=$(mktemp -d /tmp/dsg-pg-scale.XXXXXX); as=(); [ "$(id -un)" = root ] && { chown postgres:postgres "$pg"; as=(runuser -u postgres --); }
  port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  timeout 300 "${as[@]}" "$bin/initdb" -D "$pg/data" -A trust -U postgres --locale=C -E UTF8 --no-sync --no-instructions >/dev/null || exit 1
  timeout 300 "${as[@]}" "$bin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pg -c fsync=off -c synchronous_commit=off" start >/dev/null || { cat "$pg/server.log"; exit 1; }
  trap 'timeout 120 "${as[@]}" "$bin/pg_ctl" -D "$pg/data" -m immediate -w stop >/dev/null; rm -rf "$pg"' EXIT
  timeout 300 sync
  timeout "$TMO" $APP --dir "$WORK/pg" --postgres "Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres;Timeout=30;Command Timeout=300" "$@"
  rm -rf "$WORK/pg"
fi
