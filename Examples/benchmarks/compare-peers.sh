#!/usr/bin/env bash
# compare-peers.sh: counting incidents per ward, Hotspot beside the tools analysts use today.
#
# What it does, in order:
#   1. builds `hotspot-bench` in release;
#   2. runs its binning scenarios (polygon index builds, in-memory binning, the 1,000,000
#      conformance points checked exactly against ../shared/conformance/counts_wards_1m.csv);
#   3. for each size (1m, 10m): runs the bench's end-to-end scenario "read and count N CSV rows into
#      60 wards" (read the GeoJSON, build the index, stream the CSV, tally) and "stream N conformance
#      CSV rows" (reading alone), each in a process of its own under /usr/bin/time -v;
#   4. runs the peers on the same files, REPS whole-process runs each under /usr/bin/time -v:
#      shapely 2 (pip_shapely.py --method bbox-mt --threads 2), DuckDB spatial (pip_duckdb.py, mode
#      $DUCKDB_MODE, by default `tiled`, its fastest here) and the C floor (c/csvscan.c parse,
#      gcc -O3 -march=native);
#   5. checks that Hotspot's counts equal shapely's and DuckDB's, ward by ward;
#   6. prints the medians and the ratios against the issue's goals (counting 10,000,000 points in at
#      most 1/5 of shapely's time and within 3x of the C floor; peak memory at most 1/3 of shapely's).
#
# Hotspot has no `count` command yet, so its figure is the bench's in-process median of the
# end-to-end scenario (warm file cache, binary already loaded), NOT a whole-process time; the peers'
# figures are whole-process wall times (interpreter start-up and imports included). Hotspot's peak
# RSS is that of the whole bench process running that one scenario (warm-up and repeats included).
#
# Usage:   Examples/benchmarks/compare-peers.sh            (from anywhere; takes a few minutes)
# Needs:   the generated county in $HOTSPOT_BENCH_DATA (default /tmp/hotspot-data), with
#          points_10m.csv for the 10m size:
#            python3 -m venv /tmp/genvenv && /tmp/genvenv/bin/pip install -r ../shared/conformance/requirements-gen.txt
#            /tmp/genvenv/bin/python ../shared/conformance/gen.py --out /tmp/hotspot-data --with-10m
#          the peers' venv at $PEERS_PY (default /tmp/peers/bin/python):
#            python3 -m venv /tmp/peers && /tmp/peers/bin/pip install -r ../shared/peers/requirements-peers.txt
#          gcc, and GNU time at /usr/bin/time.
# Environment (all optional):
#   HOTSPOT_BENCH_DATA  generated data folder            (/tmp/hotspot-data)
#   HOTSPOT_SHARED      the shared folder                (<package>/../shared)
#   PEERS_PY            python of the peers' venv        (/tmp/peers/bin/python)
#   REPS                whole-process runs per peer      (3)
#   SIZES               sizes to compare                 ("1m 10m")
#   DUCKDB_MODE         twophase | onequery | tiled      (tiled)
#   SCRATCH_PATH        swift build scratch path         (<package>/.build)
#   OUT                 where outputs and logs go        (/tmp/hotspot-compare)
#   SKIP_BINNING=1      skip step 2
# Never run by the tests: it takes minutes and needs data and tools from outside the package.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="${HOTSPOT_BENCH_DATA:-/tmp/hotspot-data}"
SHARED="${HOTSPOT_SHARED:-$ROOT/../shared}"
PEERS="$SHARED/peers"
PEERS_PY="${PEERS_PY:-/tmp/peers/bin/python}"
REPS="${REPS:-3}"
SIZES="${SIZES:-1m 10m}"
DUCKDB_MODE="${DUCKDB_MODE:-tiled}"
SCRATCH_PATH="${SCRATCH_PATH:-$ROOT/.build}"
OUT="${OUT:-/tmp/hotspot-compare}"
BENCH_OUT="${TMPDIR:-/tmp}"
BENCH_OUT="${BENCH_OUT%/}/hotspot-bench"   # where hotspot-bench writes its counts
WARDS="$DATA/wards.geojson"

die() { echo "compare-peers: $*" >&2; exit 1; }
[[ -f "$WARDS" ]] || die "$WARDS is absent: make the data with $SHARED/conformance/gen.py --out $DATA"
[[ -x "$PEERS_PY" ]] || die "$PEERS_PY is absent: python3 -m venv /tmp/peers && /tmp/peers/bin/pip install -r $PEERS/requirements-peers.txt"
[[ -x /usr/bin/time ]] || die "GNU time (/usr/bin/time) is needed for wall time and peak memory"
command -v gcc >/dev/null || die "gcc is needed for the C floor (csvscan.c)"
mkdir -p "$OUT"

rows_of() { case "$1" in 1m) echo 1000000 ;; 10m) echo 10000000 ;; *) die "unknown size $1" ;; esac; }
grouped() { case "$1" in 1m) echo 1,000,000 ;; 10m) echo 10,000,000 ;; esac; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
# Wall seconds and peak RSS (MB) from a /usr/bin/time -v log.
wall_of() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0
    for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$1"
}
rss_of() { awk -F': ' '/Maximum resident set size/ { printf "%.0f\n", $2 / 1024 }' "$1"; }
# The median column of a hotspot-bench row whose name starts with $2, from the output file $1.
bench_median() { grep -F -- "$2" "$1" | head -1 | cut -c77- | awk '{ sub(/s$/, "", $1); print $1 }'; }

echo "== 1. build hotspot-bench (release)"
(cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH_PATH" --product hotspot-bench 2>&1 | tail -1)
BENCH="$SCRATCH_PATH/release/hotspot-bench"
export HOTSPOT_BENCH_DATA="$DATA"

if [[ "${SKIP_BINNING:-0}" != 1 ]]; then
  echo; echo "== 2. binning scenarios (in-process medians)"
  (cd "$ROOT" && "$BENCH" "polygon index" "bin ") | tee "$OUT/bench-binning.txt"
fi

CSVSCAN="$OUT/csvscan"
gcc -O3 -march=native -o "$CSVSCAN" "$PEERS/c/csvscan.c"

declare -A H_T H_RSS R_T S_T S_RSS D_T D_RSS C_T C_RSS C_COMPUTE
for s in $SIZES; do
  P="$DATA/points_$s.csv"
  if [[ ! -f "$P" ]]; then echo "skip $s: $P is absent (gen.py --with-10m makes points_10m.csv)"; continue; fi
  n="$(grouped "$s")"
  echo; echo "== 3. hotspot, $n rows (in-process median of the bench's runs; RSS of the whole process)"
  runs=5; [[ "$s" == 10m ]] && runs=3
  (cd "$ROOT" && /usr/bin/time -v "$BENCH" "read and count $n CSV rows" > "$OUT/hotspot-count-$s.txt" 2> "$OUT/hotspot-count-$s.time")
  cat "$OUT/hotspot-count-$s.txt"
  H_T[$s]="$(bench_median "$OUT/hotspot-count-$s.txt" "read and count $n")"
  H_RSS[$s]="$(rss_of "$OUT/hotspot-count-$s.time")"
  (cd "$ROOT" && "$BENCH" "stream $n conformance CSV rows" > "$OUT/hotspot-read-$s.txt")
  cat "$OUT/hotspot-read-$s.txt" | tail -1
  R_T[$s]="$(bench_median "$OUT/hotspot-read-$s.txt" "stream $n conformance")"
  [[ -n "${H_T[$s]}" ]] || die "the bench printed no end-to-end figure for $s (see $OUT/hotspot-count-$s.txt)"

  echo "== 4. peers, $n rows, $REPS whole-process runs each"
  st=(); sr=(); dt=(); dr=(); ct=(); cr=(); cc=()
  for rep in $(seq "$REPS"); do
    (cd "$PEERS" && /usr/bin/time -v "$PEERS_PY" pip_shapely.py "$WARDS" "$P" "$OUT/shapely_$s.csv" \
      --method bbox-mt --threads 2 > "$OUT/shapely-$s-$rep.txt" 2> "$OUT/shapely-$s-$rep.time")
    st+=("$(wall_of "$OUT/shapely-$s-$rep.time")"); sr+=("$(rss_of "$OUT/shapely-$s-$rep.time")")
    (cd "$PEERS" && /usr/bin/time -v "$PEERS_PY" pip_duckdb.py "$WARDS" "$P" "$OUT/duckdb_$s.csv" \
      --mode "$DUCKDB_MODE" > "$OUT/duckdb-$s-$rep.txt" 2> "$OUT/duckdb-$s-$rep.time")
    dt+=("$(wall_of "$OUT/duckdb-$s-$rep.time")"); dr+=("$(rss_of "$OUT/duckdb-$s-$rep.time")")
    /usr/bin/time -v "$CSVSCAN" parse "$P" > "$OUT/csvscan-$s-$rep.txt" 2> "$OUT/csvscan-$s-$rep.time"
    ct+=("$(wall_of "$OUT/csvscan-$s-$rep.time")"); cr+=("$(rss_of "$OUT/csvscan-$s-$rep.time")")
    cc+=("$(sed -n 's/.*"compute_s": \([0-9.]*\).*/\1/p' "$OUT/csvscan-$s-$rep.txt")")
    echo "  run $rep: shapely ${st[-1]} s ${sr[-1]} MB; duckdb ${dt[-1]} s ${dr[-1]} MB; csvscan ${ct[-1]} s"
  done
  S_T[$s]="$(median "${st[@]}")"; S_RSS[$s]="$(median "${sr[@]}")"
  D_T[$s]="$(median "${dt[@]}")"; D_RSS[$s]="$(median "${dr[@]}")"
  C_T[$s]="$(median "${ct[@]}")"; C_RSS[$s]="$(median "${cr[@]}")"; C_COMPUTE[$s]="$(median "${cc[@]}")"

  echo "== 5. same counts?"
  for peer in shapely duckdb; do
    if cmp -s "$BENCH_OUT/counts_wards_$s.csv" "$OUT/${peer}_$s.csv"; then
      echo "  hotspot = $peer, ward by ward"
    else
      echo "  hotspot and $peer DIFFER: diff $BENCH_OUT/counts_wards_$s.csv $OUT/${peer}_$s.csv"
    fi
  done
done

echo
echo "== 6. counting points per ward: medians (hotspot: in-process; peers: whole process, median of $REPS)"
printf '%-6s %-44s %10s %10s\n' size tool seconds "peak MB"
for s in $SIZES; do
  [[ -n "${H_T[$s]:-}" ]] || continue
  printf '%-6s %-44s %10s %10s\n' "$s" "hotspot read and count (in-process)" "${H_T[$s]}" "${H_RSS[$s]}"
  printf '%-6s %-44s %10s %10s\n' "$s" "hotspot stream the CSV only (in-process)" "${R_T[$s]}" ""
  printf '%-6s %-44s %10s %10s\n' "$s" "shapely bbox-mt, 2 threads" "${S_T[$s]}" "${S_RSS[$s]}"
  printf '%-6s %-44s %10s %10s\n' "$s" "duckdb spatial, $DUCKDB_MODE" "${D_T[$s]}" "${D_RSS[$s]}"
  printf '%-6s %-44s %10s %10s\n' "$s" "C floor: csvscan parse (wall)" "${C_T[$s]}" "${C_RSS[$s]}"
  printf '%-6s %-44s %10s %10s\n' "$s" "C floor: csvscan parse (its own timer)" "${C_COMPUTE[$s]}" ""
done
echo
echo "ratios (goal in brackets; the C floor by its own timer, /usr/bin/time has 10 ms steps)"
for s in $SIZES; do
  [[ -n "${H_T[$s]:-}" ]] || continue
  echo "  $s: hotspot / shapely time   $(ratio "${H_T[$s]}" "${S_T[$s]}")   [<= 0.20]"
  echo "  $s: hotspot / duckdb time    $(ratio "${H_T[$s]}" "${D_T[$s]}")"
  echo "  $s: hotspot / C floor time   $(ratio "${H_T[$s]}" "${C_COMPUTE[$s]}")   [<= 3]"
  echo "  $s: hotspot read / C floor   $(ratio "${R_T[$s]}" "${C_COMPUTE[$s]}")"
  echo "  $s: hotspot / shapely memory $(ratio "${H_RSS[$s]}" "${S_RSS[$s]}")   [<= 0.33]"
done
echo "(outputs and /usr/bin/time logs in $OUT)"
