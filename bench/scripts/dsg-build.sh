# Sourced by the bench scripts: the one way they get a `dsg` built from this tree.
#   dsg_build DIR [aot|jit]   sets DSG (the command to run) and MODE (what was built); needs ROOT and OUT.
# DIR is reused while runtime/, generators/ and spec/ are unchanged (committed trees and working-tree diff).
# aot (default): Native AOT (gcc links it), else a JIT Release build, which is not stamped so AOT is tried again
# next time; jit: a JIT Release build.

dsg_tree_stamp() {
  echo "$(git -C "$ROOT" rev-parse HEAD:runtime HEAD:generators HEAD:spec | tr '\n' ' ')$(git -C "$ROOT" diff HEAD -- runtime generators spec | md5sum | cut -c1-12)"
}

dsg_build() {
  local bin=$1 want=${2:-aot} stamp proj=$ROOT/runtime/DicomSpecGen.Cli/DicomSpecGen.Cli.csproj
  stamp=$(dsg_tree_stamp)
  if [ -f "$bin/stamp" ] && [ -f "$bin/mode" ] && [ "$(cat "$bin/stamp")" = "$stamp" ]; then
    echo "# reusing the $(sed -n 2p "$bin/mode") build in $bin"
  else
    rm -rf "$bin"; mkdir -p "$bin"
    if [ "$want" = aot ] && timeout 1200 dotnet publish "$proj" -c Release -r linux-x64 -p:DsgAot=true -p:TreatWarningsAsErrors=false \
         -o "$bin" -v q -nologo >"$OUT/build.log" 2>&1 && [ -x "$bin/dsg" ]; then
      printf '%s\n%s\n' "$bin/dsg" "Native AOT" > "$bin/mode"
      echo "$stamp" > "$bin/stamp"
    else
      [ "$want" = aot ] && echo "# Native AOT did not build (see $OUT/build.log); using the JIT build: each dsg process then pays the JIT start-up"
      rm -rf "$bin"; mkdir -p "$bin"
      timeout 1200 dotnet publish "$proj" -c Release --self-contained false -p:TreatWarningsAsErrors=false -o "$bin" -v q -nologo \
        >>"$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log"; return 1; }
      printf '%s\n%s\n' "dotnet $bin/dsg.dll" "JIT (Release)" > "$bin/mode"
      [ "$want" = jit ] && echo "$stamp" > "$bin/stamp"
    fi
  fi
  DSG=$(sed -n 1p "$bin/mode"); MODE=$(sed -n 2p "$bin/mode")
}
