#!/usr/bin/env bash
# End-to-end benchmark of our dsg CLI against DCMTK, side by side, with the shared peers harness
# (/work/shared/peers or $PEERS). Loopback only; every run bounded (harness RUN_TIMEOUT, timeouts here).
#
#   bench/scripts/bench-e2e.sh                 # full: small:2000 ct:200 large:10, 3 reps, 1 GB memory test
#   SIZES="small:500 ct:50 large:4" REPS=2 MEM_MB=256 bench/scripts/bench-e2e.sh   # reduced
#
# Compares: our SCU (dsg store) -> storescp --ignore   vs  storescu -> storescp --ignore
#           storescu -> our SCP (dsg scp, to disk)      vs  storescu -> storescp -od (to disk)
#           dsg echo -r N (one association)             vs  echoscu --repeat N
#           peak RSS of dsg scp receiving one MEM_MB object, above its idle RSS
# Writes the raw TSVs and a summary with the ratios to $OUT (default bench/results/<UTC time>).
set -u -o pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PEERS=${PEERS:-/work/shared/peers}
PY=${PY:-/usr/bin/python3}
SIZES=${SIZES:-"small:2000 ct:200 large:10"}
REPS=${REPS:-3}
ECHO_N=${ECHO_N:-5000}
MEM_MB=${MEM_MB:-1024}
DATA_DIR=${DATA_DIR:-/tmp/dicom-bench/data}
OUT=${OUT:-$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)}
BIN=${BIN:-$ROOT/bench/.bin/dsg}
export TCP_NODELAY=1 PY DATA_DIR SIZES REPS
mkdir -p "$OUT"

# Native AOT (opt-in through DsgAot in the CLI project; needs gcc or clang) removes dsg's start-up JIT:
# 0.35 s -> 0.01-0.04 s per process. ReadyToRun, then a plain Release build, are the fallbacks.
AOT=${AOT:-1}
[ "$BIN" = "$ROOT/bench/.bin/dsg" ] && rm -rf "$BIN"    # only our own default output folder
if [ "$AOT" = 1 ] && dotnet publish "$ROOT/runtime/DicomSpecGen.Cli/DicomSpecGen.Cli.csproj" -c Release -r linux-x64 -p:DsgAot=true \
    -p:TreatWarningsAsErrors=false -p:CppCompilerAndLinker="${CPP_LINKER:-gcc}" -o "$BIN" -v q -nologo >"$OUT/build.log" 2>&1 && [ -x "$BIN/dsg" ]; then
  echo "# dsg: Native AOT ($BIN/dsg)"
  DSG="$BIN/dsg"
elif dotnet publish "$ROOT/runtime/DicomSpecGen.Cli/DicomSpecGen.Cli.csproj" -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true -o "$BIN" -v q -nologo >>"$OUT/build.log" 2>&1; then
  echo "# dsg: ReadyToRun (Native AOT not built, see $OUT/build.log)"
  DSG="dotnet $BIN/dsg.dll"
else
  echo "# dsg: plain Release build"
  dotnet build "$ROOT/runtime/DicomSpecGen.Cli/DicomSpecGen.Cli.csproj" -c Release -o "$BIN" -v q -nologo >>"$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }
  DSG="dotnet $BIN/dsg.dll"
fi
dotnet build "$ROOT/bench/DicomSpecGen.Benchmarks/DicomSpecGen.Benchmarks.csproj" -c Release -v q -nologo >>"$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; exit 1; }
BENCH="dotnet $ROOT/bench/DicomSpecGen.Benchmarks/bin/Release/net10.0/DicomSpecGen.Benchmarks.dll"

{
  echo "# $(date -u +%FT%TZ) $(uname -srm), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo)"
  echo "# cpu: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "# dotnet $(dotnet --version); dcmtk: $(storescu --version 2>/dev/null | head -1)"
  echo "# dsg commit: $(git -C "$ROOT" rev-parse --short HEAD), run as: $DSG"
} | tee "$OUT/machine.txt"

# --- C-STORE matrix through the shared harness ---
# Our SCP writes an index (index.sqlite) beside the files, so it stores into {out}.archive: the harness's
# file count of {out} applies to receivers that write only instances. The count is checked below instead.
SENDER_CMD="$DSG store 127.0.0.1 {port} -aec {aec} -aet BENCHSCU {dir}" \
RECEIVER_CMD="$DSG scp {port} -od {out}.archive -aet {aec}" \
RESULTS="$OUT/store.tsv" \
  "$PEERS/bench-store.sh" custom/dcmtk-ignore dcmtk/dcmtk-ignore dcmtk/custom dcmtk/dcmtk-store 2>"$OUT/store.err" | tee "$OUT/store.txt"

# --- our SCU in one warm process (no start-up, association open): separates start-up from the hot path ---
port=11390
storescp --ignore -aet BENCHSCP $port >/dev/null 2>&1 & SCP=$!
for _ in $(seq 50); do (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
for spec in $SIZES; do
  name=${spec%%:*}
  echo "== $name" ; timeout 300 $BENCH e2e-scu $port "$DATA_DIR/$name" BENCHSCP
done 2>&1 | tee "$OUT/scu-steady.txt"
kill $SCP; wait $SCP 2>/dev/null

# --- start-up alone: one C-ECHO per process ---
port=11389
storescp --ignore -aet BENCHSCP $port >/dev/null 2>&1 & SCP=$!
for _ in $(seq 50); do (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
for i in 1 2 3; do
  /usr/bin/time -f "dsg echo (1 process, 1 association): %e s" $DSG echo 127.0.0.1 $port -aec BENCHSCP >/dev/null
  /usr/bin/time -f "echoscu (1 process, 1 association): %e s" echoscu -aec BENCHSCP 127.0.0.1 $port >/dev/null
done 2>&1 | tee "$OUT/startup.txt"
kill $SCP; wait $SCP 2>/dev/null

# --- C-ECHO: N echoes on one association, process start included for both ---
port=11391
storescp --ignore -aet BENCHSCP $port >/dev/null 2>&1 & SCP=$!
for _ in $(seq 50); do (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
t() { local a b; a=$(date +%s%N); timeout 300 "$@" >/dev/null 2>&1; local rc=$?; b=$(date +%s%N); echo "$rc $(( (b - a) / 1000000 ))"; }
read -r rc1 ms1 < <(t echoscu -aec BENCHSCP --repeat "$ECHO_N" 127.0.0.1 $port)
read -r rc2 ms2 < <(t $DSG echo 127.0.0.1 $port -aec BENCHSCP -r "$ECHO_N")
read -r rc3 ms3 < <(t $DSG echo 127.0.0.1 $port -aec BENCHSCP -r 1)
kill $SCP; wait $SCP 2>/dev/null
{
  echo "echoscu --repeat $ECHO_N: rc=$rc1 ${ms1} ms"
  echo "dsg echo -r $ECHO_N: rc=$rc2 ${ms2} ms"
  echo "dsg echo -r 1 (process start + association): rc=$rc3 ${ms3} ms"
} | tee "$OUT/echo.txt"

# --- memory: dsg scp receiving one MEM_MB object ---
memdir=$DATA_DIR/mem$MEM_MB
if [ ! -f "$memdir/done" ]; then
  rm -rf "$memdir"; side=$(awk -v m="$MEM_MB" 'BEGIN {printf "%d", sqrt(m * 1e6 / 2)}')
  "$PY" "$PEERS/mkdata.py" "$memdir" 1 --size "${side}x${side}" >/dev/null && touch "$memdir/done"
fi
archive=$(mktemp -d /tmp/dsg-mem.XXXXXX)
port=11392
$DSG scp $port -od "$archive" -aet BENCHSCP >/dev/null 2>&1 & SCP=$!
for _ in $(seq 100); do (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
sleep 1
idle=$(awk '/VmRSS/ {print $2}' /proc/$SCP/status)
timeout 300 storescu -aec BENCHSCP 127.0.0.1 $port "$memdir"/*.dcm >/dev/null 2>&1; rc=$?
peak=$(awk '/VmHWM/ {print $2}' /proc/$SCP/status)
stored=$(find "$archive" -name '*.dcm' -not -path '*/.incoming/*' | wc -l)
kill $SCP; wait $SCP 2>/dev/null; rm -rf "$archive"
echo "dsg scp receiving $(du -m "$memdir"/*.dcm | cut -f1) MB: rc=$rc stored=$stored idle_rss=$((idle / 1024)) MB peak_rss=$((peak / 1024)) MB growth=$(((peak - idle) / 1024)) MB" | tee "$OUT/memory.txt"

# --- summary with ratios (medians over reps, status ok only) ---
{
  echo; echo "# ratios (ours / DCMTK)"
  awk -F'\t' 'NR > 1 && $9 == "ok" { k = $1 "\t" $2; n[k]++; s[k, n[k]] = $6; c[k] = $4; b[k] = $5 }
    END {
      for (k in n) { m = n[k]; for (i = 1; i <= m; i++) a[i] = s[k, i]
        for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        med[k] = (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2 }
      split("small ct large", sizes, " ")
      printf "%-34s %-6s %10s %10s %10s %10s %7s\n", "comparison", "size", "ours obj/s", "dcmtk obj/s", "ours MB/s", "dcmtk MB/s", "ratio"
      for (i = 1; i <= 3; i++) { z = sizes[i]
        row("SCU: dsg store vs storescu", "custom/dcmtk-ignore", "dcmtk/dcmtk-ignore", z)
        row("SCP: dsg scp vs storescp -od", "dcmtk/custom", "dcmtk/dcmtk-store", z) } }
    function row(title, ours, theirs, z,   ko, kt) { ko = ours "\t" z; kt = theirs "\t" z
      if (!(ko in med) || !(kt in med)) return
      printf "%-34s %-6s %10.1f %10.1f %10.1f %10.1f %6.2fx\n", title, z, c[ko] / med[ko], c[kt] / med[kt], b[ko] / med[ko] / 1e6, b[kt] / med[kt] / 1e6, med[kt] / med[ko] }' "$OUT/store.tsv"
  [ "$rc1" = 0 ] && [ "$rc2" = 0 ] && awk -v a="$ms1" -v b="$ms2" -v n="$ECHO_N" 'BEGIN {printf "C-ECHO x%d on one association: dsg %.0f/s, echoscu %.0f/s, ratio %.2fx\n", n, n / (b / 1000), n / (a / 1000), a / b}'
  grep -h "loopback tcp" "$OUT/store.txt"
} | tee "$OUT/summary.txt"
