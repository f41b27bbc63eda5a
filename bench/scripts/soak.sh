#!/usr/bin/env bash
# Soak (issue 18, item 5): SECONDS_ (default 1800 = 30 min) of mixed traffic into one `dsg scp` process: DCMTK
# echoscu/storescu (4 KB, 0.5 MB and 8 MB objects)/findscu/getscu/movescu, `dsg echo/store/find`, the DicomClient
# library (echo, store, find, get, move), A-ABORTs and plain closes mid-P-DATA, idle sockets (ARTIM, idle timeout),
# PDUs with 1-3 bytes replaced. It runs the CI test itself (tests/DicomSpecGen.Interop.Tests/Reliability/SoakTests.cs,
# driver SoakDriver.cs) with DSG_SOAK_SECONDS, so both use one traffic mix; only the length differs.
# Prints the summary table: operations per kind, failures per kind with reason, VmRSS and open descriptors at the
# end of the warm-up (a sixth of the run: 5 min of 30) and at the end, growth, lost objects; then PASS or FAIL.
#   bench/scripts/soak.sh            # 30 minutes
#   bench/scripts/soak.sh 600        # 10 minutes
# Needs dcmtk and the .NET 10 SDK; loopback only; the whole run is bounded by `timeout`.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECONDS_=${1:-1800}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}"/dsg-soak.XXXXXX)}
mkdir -p "$OUT"
for tool in echoscu storescu findscu getscu movescu storescp dotnet; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install dcmtk; the .NET 10 SDK)"; exit 1; }
done
export TCP_NODELAY=1
export DSG_SOAK_SECONDS=$SECONDS_ DSG_SOAK_REPORT=$OUT/summary.txt

echo "building tests/DicomSpecGen.Interop.Tests (log: $OUT/build.log)"
timeout 1500 dotnet build "$ROOT/tests/DicomSpecGen.Interop.Tests" -v q -nologo >"$OUT/build.log" 2>&1 \
  || { tail -20 "$OUT/build.log"; exit 1; }
echo "soak: $SECONDS_ s, started $(date -u '+%Y-%m-%d %H:%M:%S') UTC (test log: $OUT/test.log)"
timeout $((SECONDS_ + 900)) dotnet test "$ROOT/tests/DicomSpecGen.Interop.Tests" --no-build \
  --filter "FullyQualifiedName~Reliability.SoakTests" --logger "console;verbosity=detailed" >"$OUT/test.log" 2>&1
rc=$?
echo "ended $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
if [ -f "$OUT/summary.txt" ]; then
  # The table and verdict; the per-sample series (seconds, VmRSS kB, fds) stays in the file.
  sed '/^samples /,$d' "$OUT/summary.txt"
  echo "samples: $OUT/summary.txt"
else
  tail -60 "$OUT/test.log"
fi
exit $rc
