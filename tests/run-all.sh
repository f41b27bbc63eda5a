#!/usr/bin/env bash
# Runs every test of the solution on a fresh clone, setting up what the tests need first:
#   1. the real DICOM peers the interop tests talk to, from Debian (apt-get, only for packages that are missing;
#      as root it installs them, otherwise it names them and stops);
#   2. pynetdicom 2.0.2 from the clone (tests/peers/vendor), put first on PYTHONPATH for /usr/bin/python3:
#      nothing is installed outside the clone;
#   3. `dotnet test DicomSpecGen.sln`, bounded by DSG_TEST_TIMEOUT seconds (default 4800).
# Extra arguments go to `dotnet test` (e.g. --filter FullyQualifiedName~Pynetdicom).
# The last line is "N passed, N failed" (", N skipped" if any); the exit status is non-zero on any failure,
# on a timeout, or when no test assembly ran.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
repo=$(pwd)
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export TCP_NODELAY=1

# Debian packages of the peers: DCMTK, Orthanc, openssl (TLS), GDCM, PixelMed (+ Java), CTN, Odil, rsyslog (audit), the
# pydicom/numpy that pynetdicom needs, PostgreSQL (the archive index tests start a throwaway cluster), HAProxy
# (in front of three dsg scp replicas in ScaleOutTests) and iproute2 (`ip netns`, `ss`: the lossy link of LossyNetworkTests).
packages=(dcmtk orthanc openssl libgdcm-tools pixelmed-apps libpixelmed-java default-jdk-headless ctn odil python3-odil tshark rsyslog
  python3-pydicom python3-numpy postgresql haproxy iproute2)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages; install them as root, then run this again:"
    echo "  apt-get update && apt-get install -y ${missing[*]}"
    echo "0 passed, 0 failed"
    exit 1
  fi
  echo "installing: ${missing[*]}"
  if ! timeout 1800 apt-get update -qq || ! timeout 1800 apt-get install -y -qq "${missing[@]}" >/dev/null; then
    echo "apt-get could not install: ${missing[*]}"
    echo "0 passed, 0 failed"
    exit 1
  fi
fi
command -v dotnet >/dev/null || { echo "dotnet (the .NET 10 SDK) is not on PATH"; echo "0 passed, 0 failed"; exit 1; }

# The vendored pynetdicom, ahead of any pynetdicom installed for the interpreter (the interop tests set the same
# PYTHONPATH themselves; exporting it here also covers anything else the tests start).
vendor=$repo/tests/peers/vendor/pynetdicom-2.0.2
export PYTHONPATH=$vendor${PYTHONPATH:+:$PYTHONPATH}
export PYTHONNOUSERSITE=1 PYTHONDONTWRITEBYTECODE=1
where=$(timeout 60 /usr/bin/python3 -c 'import pydicom, pynetdicom; print(pynetdicom.__file__)' 2>&1)
case "$where" in
  "$vendor"/*) echo "pynetdicom: $where" ;;
  *) echo "pynetdicom does not load from $vendor with /usr/bin/python3: $where"; echo "0 passed, 0 failed"; exit 1 ;;
esac

log=$(mktemp)
# The test processes' temporary folders (tests/TestTemp.cs): removed once every test process has ended.
trap 'rm -f "$log"; rm -rf "${TMPDIR:-/tmp}/dsg-tests"' EXIT
limit=${DSG_TEST_TIMEOUT:-4800}
timeout --kill-after=60 "$limit" dotnet test DicomSpecGen.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
[ "$status" -eq 124 ] && echo "dotnet test did not finish within $limit s (DSG_TEST_TIMEOUT)"

# One summary line per test assembly: "Passed!  - Failed: 0, Passed: 21, Skipped: 0, Total: 21, ..."
read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' "$log" \
  | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
assemblies=$(grep -cE '^(Passed|Failed)!' "$log")

if [ "$assemblies" -eq 0 ]; then status=1; echo "no test assembly ran"; fi
if [ "$status" -eq 0 ] && [ "$failed" -ne 0 ]; then status=1; fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && [ "$assemblies" -ne 0 ]; then echo "dotnet test exited with status $status (see the build output above)"; fi
if [ "$skipped" -ne 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
