#!/usr/bin/env bash
# Runs the coverage-guided fuzzer built by fuzz-build.sh (docs/reliability.md, "Coverage-guided fuzzing").
#   fuzz-run.sh run TARGET SECONDS [libFuzzer flags...]   fuzz TARGET for SECONDS at nice 10, one process
#   fuzz-run.sh campaign TARGET SECONDS                   run for SECONDS, starting again after each crash; sums up
#   fuzz-run.sh merge TARGET                              minimize into tests/corpus/fuzz/TARGET (libFuzzer -merge=1)
#   fuzz-run.sh crash TARGET FILE                         minimize a crashing input (-minimize_crash=1)
# TARGET: pdu, command-set, data-set, associate. The working corpus grows in $FUZZ_OUT/corpus/TARGET, seeded from
# tests/corpus/fuzz/TARGET and the seeds the host writes; crashes land in $FUZZ_OUT/crashes/TARGET; the log in
# $FUZZ_OUT/logs/TARGET.log.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_OUT:-$root/artifacts/fuzz}
mode=${1:?run, merge or crash}
target=${2:?target}
shift 2
host="--dsg_host=$out/host/DicomSpecGen.Fuzz.LibFuzzer.dll"
[ -x "$out/dsg-libfuzzer" ] || { echo "run bench/scripts/fuzz-build.sh first" >&2; exit 1; }
case $target in
  pdu|associate) max_len=8192 ;;
  command-set) max_len=4096 ;;
  data-set) max_len=16384 ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
committed=$root/tests/corpus/fuzz/$target
mkdir -p "$committed" "$out/corpus/$target" "$out/crashes/$target" "$out/logs"
if [ ! -d "$out/seeds/$target" ]; then
  dotnet "$out/host/DicomSpecGen.Fuzz.LibFuzzer.dll" seeds "$root/tests/corpus/pdu" "$out/seeds" >/dev/null
fi
fuzzer=(nice -n 10 "$out/dsg-libfuzzer" "$host" "--dsg_target=$target" -max_len=$max_len -timeout=10 -rss_limit_mb=2048)

case $mode in
  run)
    seconds=${1:?seconds}
    shift
    "${fuzzer[@]}" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$out/crashes/$target/" "$@" \
      "$out/corpus/$target" "$committed" "$out/seeds/$target" 2>&1 | tee "$out/logs/$target.log" | grep -v "# Uses:" | tail -25
    ;;
  campaign)
    seconds=${1:?seconds}
    end=$((SECONDS + seconds))
    round=0
    rm -f "$out/logs/$target".campaign-*.log
    while [ $SECONDS -lt $((end - 5)) ]; do
      round=$((round + 1))
      log="$out/logs/$target.campaign-$round.log"
      "${fuzzer[@]}" -max_total_time=$((end - SECONDS)) -print_final_stats=1 -artifact_prefix="$out/crashes/$target/" \
        "$out/corpus/$target" "$committed" "$out/seeds/$target" >"$log" 2>&1 || true
    done
    logs=("$out/logs/$target".campaign-*.log)
    execs=$(cat "${logs[@]}" | awk '/stat::number_of_executed_units/ {s += $2} END {print s}')
    last=$(grep -h -E '^#[0-9]+[[:space:]]' "${logs[-1]}" | tail -1)
    slots=$(grep -h 'edge slots hit' "${logs[@]}" | awk '{print $6}' | sort -n | tail -1)
    echo "$target: ${seconds}s in $round run(s), $execs executions ($((execs / seconds))/s), $(ls "$out/crashes/$target" | wc -l) crash file(s)"
    echo "  last status: $last"
    echo "  .NET edge slots hit (one run, the most): ${slots:-?}; working corpus: $(ls "$out/corpus/$target" | wc -l) files"
    ;;
  merge)
    next=$(mktemp -d)
    "${fuzzer[@]}" -merge=1 "$next" "$committed" "$out/corpus/$target" "$out/seeds/$target" 2>&1 | tail -3
    rm -f "$committed"/*
    # Content-named files, so a re-merge keeps names stable.
    for f in "$next"/*; do cp "$f" "$committed/$(basename "$f" | cut -c1-16).bin"; done
    rm -rf "$next"
    echo "$committed: $(ls "$committed" | wc -l) files, $(du -sh "$committed" | cut -f1)"
    ;;
  crash)
    file=${1:?crashing file}
    "${fuzzer[@]}" -minimize_crash=1 -runs=20000 -exact_artifact_path="$file.min" "$file" 2>&1 | tail -5
    echo "minimized: $file.min"
    ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
