#!/bin/sh
# Runs one fuzz target built by build.sh, with absolute paths (the Arguments target works in a
# scratch folder of its own): new inputs go to .build-fuzz/corpus/<target>, crashes to
# .build-fuzz/artifacts/<target>/.
#
#   Tests/Fuzz/run.sh GeoJSONReader 600      # ten minutes
#   Tests/Fuzz/run.sh GeoJSONReader 0 crash  # replay one input
set -eu
cd "$(dirname "$0")/../.."
root=$(pwd)
target=$1
seconds=${2:-600}
out=$root/${FUZZ_BUILD:-.build-fuzz}
mkdir -p "$out/corpus/$target" "$out/artifacts/$target"
if [ $# -ge 3 ]; then
  exec "$out/fuzz-$target" -rss_limit_mb=2048 -timeout=10 "$(cd "$(dirname "$3")" && pwd)/$(basename "$3")"
fi
exec "$out/fuzz-$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
  -artifact_prefix="$out/artifacts/$target/" -print_final_stats=1 \
  "$out/corpus/$target" "$root/Tests/Fuzz/corpus/$target"
