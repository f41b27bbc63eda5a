#!/usr/bin/env bash
# Builds the coverage-guided fuzzer (docs/reliability.md, "Coverage-guided fuzzing"):
#   1. publishes bench/DicomSpecGen.Fuzz.LibFuzzer (the .NET host: SharpFuzz's libFuzzer loop around the targets of
#      bench/DicomSpecGen.Fuzz/Targets),
#   2. instruments DicomSpecGen.Runtime.dll there with the sharpfuzz tool (SharpFuzz.CommandLine 2.3.0, installed
#      into the output folder, not globally),
#   3. compiles bench/DicomSpecGen.Fuzz.LibFuzzer/driver.c with clang-14 -fsanitize=fuzzer.
# Needs clang-14 and libclang-rt-14-dev (Debian: apt-get install clang-14 libclang-rt-14-dev).
# Output: $FUZZ_OUT (default artifacts/fuzz): host/ and dsg-libfuzzer.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_OUT:-$root/artifacts/fuzz}
clang=${CLANG:-clang-14}
command -v "$clang" >/dev/null || { echo "fuzz-build: $clang not found (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 1; }

rm -rf "$out/host"
mkdir -p "$out"
dotnet publish "$root/bench/DicomSpecGen.Fuzz.LibFuzzer" -c Release -o "$out/host" --nologo -v quiet

if [ ! -x "$out/tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$out/tools" >/dev/null
fi
# Only the runtime is instrumented: the targets and the BCL are not what we want coverage of.
"$out/tools/sharpfuzz" "$out/host/DicomSpecGen.Runtime.dll"

"$clang" -O2 -g -Wall -Werror -fsanitize=fuzzer "$root/bench/DicomSpecGen.Fuzz.LibFuzzer/driver.c" -o "$out/dsg-libfuzzer"
echo "built $out/dsg-libfuzzer and $out/host (DicomSpecGen.Runtime.dll instrumented)"
