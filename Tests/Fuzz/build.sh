#!/bin/sh
# Builds the libFuzzer targets under Tests/Fuzz/<Target>/main.swift, outside the package build:
# each library module is compiled with swiftc, instrumented for libFuzzer and AddressSanitizer,
# and linked with one harness. `swift build` and `swift test` never see these files (Tests/Fuzz
# is in no target).
#
#   Tests/Fuzz/build.sh                 # all targets, into .build-fuzz/
#   Tests/Fuzz/build.sh GeoJSONReader   # one target
#   .build-fuzz/fuzz-GeoJSONReader .build-fuzz/corpus/GeoJSONReader Tests/Fuzz/corpus/GeoJSONReader \
#     -max_total_time=600 -rss_limit_mb=2048 -timeout=10
set -eu
cd "$(dirname "$0")/../.."
OUT=${FUZZ_BUILD:-.build-fuzz}
FLAGS="-use-ld=lld -parse-as-library -sanitize=fuzzer,address -O -g -enable-testing -swift-version 6"
mkdir -p "$OUT"

module() { # name, extra flags...
  name=$1; shift
  sources=$(find "Sources/$name" -name '*.swift' | sort)
  if [ -f "$OUT/$name.o" ] && [ -z "$(find "Sources/$name" -newer "$OUT/$name.o" -name '*.swift')" ]; then
    return
  fi
  echo "compiling $name" >&2
  # shellcheck disable=SC2086
  swiftc $FLAGS "$@" -module-name "$name" -wmo -I "$OUT" -c $sources -o "$OUT/$name.o" \
    -emit-module -emit-module-path "$OUT/$name.swiftmodule"
}

module GeoCore
module GeoIO
module SpatialAnalysis
module Rendering
# The executable's `@main` is renamed so that libFuzzer's `main` is the program's.
module hotspot -Xfrontend -entry-point-function-name -Xfrontend hotspot_main

targets=${*:-$(cd Tests/Fuzz && for d in */main.swift; do dirname "$d"; done)}
for target in $targets; do
  echo "linking fuzz-$target" >&2
  # shellcheck disable=SC2086
  swiftc $FLAGS -module-name "Fuzz$target" -I "$OUT" "Tests/Fuzz/$target/main.swift" \
    "$OUT/GeoCore.o" "$OUT/GeoIO.o" "$OUT/SpatialAnalysis.o" "$OUT/Rendering.o" "$OUT/hotspot.o" \
    -o "$OUT/fuzz-$target"
  mkdir -p "$OUT/corpus/$target"
done
