#!/usr/bin/env bash
# compare-peers.sh: the `hotspot` command line beside the tools analysts use today, on the same
# files, whole process against whole process, and the ratios against the speed goals (issue 10).
#
# What runs (every command REPS times under /usr/bin/time -v; the median wall time and the median
# peak RSS are kept; all runs of one task are interleaved, so a busy machine slows both sides):
#   count    hotspot count --areas wards --incidents points_N --format csv (to stdout, no output
#            file, so no provenance checksums), N = 1m and 10m
#            vs shapely 2 (pip_shapely.py --method bbox-mt --threads 2) and the C floor for reading
#            the file (c/csvscan.c parse, gcc -O3 -march=native: its own timer and its wall time);
#            the counts are checked ward by ward against shapely's.
#   density  hotspot density --incidents points_1m --areas wards --cell 50m --bandwidth 500m
#            --output density.asc (exact quartic, ESRI ASCII grid, provenance with SHA-256s)
#            vs KDEpy FFTKDE, quartic only (kde_kdepy.py --kernels biweight; the same 50 m grid,
#            approximate) and, with EXACT=1, the exact numpy stamping (kde_exact_numpy.py).
#   gistar   hotspot gistar --incidents points_1m --cell 250m --extent <the peers' fishnet>
#            --neighbours distance:750m, analytic (hotspot's default): to stdout (the goal's
#            measure, as for count), with --output gistar.csv (provenance: the SHA-256 of the
#            64 MB input is about 0.2 s of CPU) and with --permutations $PERMUTATIONS, vs esda
#            (gistar_esda.py: wards and fishnet, 999 conditional permutations on each, numba
#            compilation included).
#   moran    the same with hotspot moran --format json, vs esda (moran_esda.py: wards and fishnet,
#            999 permutations, row-standardised and binary).
#   map      hotspot map --areas <wards with their counts> --layer field:count --output map.svg
#            (drawing the same counts as the peer; also timed counting the 1m points itself) vs
#            geopandas + matplotlib (svg_geopandas.py, drawing the counts shapely wrote); the SVG
#            sizes are compared too.
#   emerging hotspot emerging --areas GeoData/areas.geojson --cell 250m --incidents <1,000,000
#            incidents over 24 months> --format csv (to stdout): the sample county in about 24,000
#            cells × 24 monthly steps, space-time Gi*, Mann–Kendall, categories; no peer (sfdep is
#            not packaged here), the goal is the whole process under 2 s. The incidents file
#            ($DATA/incidents_1m_24months.csv) is made on first use by a generator the script
#            writes to $OUT (never committed): uniform over the county's extent, with a patch near
#            Wexcombe busier every month.
# Then it prints the medians and each goal's ratio.
#
# Usage:   Examples/benchmarks/compare-peers.sh        (from anywhere; 10 to 20 minutes)
#          TASKS="count density" REPS=5 Examples/benchmarks/compare-peers.sh
# Needs:   - bash 5 ($EPOCHREALTIME), Swift 6 (to build hotspot in release), gcc, GNU time at /usr/bin/time, awk;
#          - the generated county in $HOTSPOT_BENCH_DATA (default /tmp/hotspot-data): wards.geojson,
#            points_1m.csv, and points_10m.csv for the 10m count:
#              python3 -m venv /tmp/genvenv && /tmp/genvenv/bin/pip install -r ../shared/conformance/requirements-gen.txt
#              /tmp/genvenv/bin/python ../shared/conformance/gen.py --out /tmp/hotspot-data --with-10m
#          - the peers' venv at $PEERS_PY (default /tmp/peers/bin/python):
#              python3 -m venv /tmp/peers && /tmp/peers/bin/pip install -r ../shared/peers/requirements-peers.txt
# Environment (all optional):
#   HOTSPOT_BENCH_DATA  generated data folder                  (/tmp/hotspot-data)
#   HOTSPOT_SHARED      the shared folder with peers/          (<package>/../shared)
#   PEERS_PY            python of the peers' venv              (/tmp/peers/bin/python)
#   REPS                whole-process runs per command         (3)
#   TASKS               tasks to run                           ("count density gistar moran map emerging")
#   SIZES               count sizes                            ("1m 10m")
#   PERMUTATIONS        hotspot's permutations in the second gistar/moran run (999, as esda)
#   EXACT=1             also time the exact numpy KDE          (off: about 15 s a run)
#   SCRATCH_PATH        swift build scratch path               (<package>/.build)
#   OUT                 where outputs and logs go              (/tmp/hotspot-compare)
# Never run by the tests: it takes minutes and needs data and tools from outside the package.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="${HOTSPOT_BENCH_DATA:-/tmp/hotspot-data}"
SHARED="${HOTSPOT_SHARED:-$ROOT/../shared}"
PEERS="$SHARED/peers"
PEERS_PY="${PEERS_PY:-/tmp/peers/bin/python}"
REPS="${REPS:-3}"
TASKS="${TASKS:-count density gistar moran map emerging}"
SIZES="${SIZES:-1m 10m}"
PERMUTATIONS="${PERMUTATIONS:-999}"
SCRATCH_PATH="${SCRATCH_PATH:-$ROOT/.build}"
OUT="${OUT:-/tmp/hotspot-compare}"
WARDS="$DATA/wards.geojson"
P1M="$DATA/points_1m.csv"

die() { echo "compare-peers: $*" >&2; exit 1; }
# The peers' data, venv and the C floor are needed unless emerging is the only task.
PEER_TASKS="${TASKS//emerging/}"
NEEDS_PEERS=""; [[ -n "${PEER_TASKS// /}" ]] && NEEDS_PEERS=1
[[ -z "$NEEDS_PEERS" ]] || [[ -f "$WARDS" && -f "$P1M" ]] || die "$WARDS or $P1M is absent: make the data with $SHARED/conformance/gen.py --out $DATA"
[[ -z "$NEEDS_PEERS" ]] || [[ -x "$PEERS_PY" ]] || die "$PEERS_PY is absent: python3 -m venv /tmp/peers && /tmp/peers/bin/pip install -r $PEERS/requirements-peers.txt"
[[ -x /usr/bin/time ]] || die "GNU time (/usr/bin/time) is needed for wall time and peak memory"
[[ -z "$NEEDS_PEERS" ]] || command -v gcc >/dev/null || die "gcc is needed for the C floor (csvscan.c)"
mkdir -p "$OUT"
LOG="$OUT/medians.txt"
: > "$LOG"

# ---------------------------------------------------------------------------------------------
# Helpers

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b > 0) printf "%.3f", a / b; else print "n/a" }'; }
# Peak RSS (MB) from a /usr/bin/time -v log.
rss_of() { awk -F': ' '/Maximum resident set size/ { printf "%.0f\n", $2 / 1024 }' "$1"; }

# run NAME REP CMD...: one run of CMD under /usr/bin/time -v (stdout to $OUT/NAME.out); appends
# "wall rss" to $OUT/NAME.runs: the wall time to the millisecond from bash's clock around it
# (time's own figure has 10 ms steps, a tenth of the shortest runs; reading $EPOCHREALTIME starts
# no process), the peak RSS from time. Fails loudly if the command fails.
run() {
  local name="$1" rep="$2" began ended; shift 2
  began="$EPOCHREALTIME"
  if ! /usr/bin/time -v "$@" > "$OUT/$name.out" 2> "$OUT/$name.$rep.time"; then
    tail -5 "$OUT/$name.$rep.time" >&2
    die "$name failed (see $OUT/$name.$rep.time)"
  fi
  ended="$EPOCHREALTIME"
  echo "$(awk -v a="$began" -v b="$ended" 'BEGIN { printf "%.3f", b - a }') $(rss_of "$OUT/$name.$rep.time")" >> "$OUT/$name.runs"
}
start() { for name in "$@"; do : > "$OUT/$name.runs"; done; }
# Median wall seconds / peak MB of a task's runs, recorded in $LOG as "NAME wall rss".
record() {
  local name="$1" walls rsses
  walls="$(awk '{ print $1 }' "$OUT/$name.runs")"; rsses="$(awk '{ print $2 }' "$OUT/$name.runs")"
  # shellcheck disable=SC2086
  echo "$name $(median $walls) $(median $rsses)" >> "$LOG"
}
wall() { awk -v n="$1" '$1 == n { print $2 }' "$LOG"; }
rss() { awk -v n="$1" '$1 == n { print $3 }' "$LOG"; }

# ---------------------------------------------------------------------------------------------
# Build

echo "== building hotspot (release) and the C floor"
(cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH_PATH" --product hotspot 2>&1 | tail -1)
HOTSPOT="$SCRATCH_PATH/release/hotspot"
CSVSCAN="$OUT/csvscan"
if [[ -n "$NEEDS_PEERS" ]]; then
  gcc -O3 -march=native -o "$CSVSCAN" "$PEERS/c/csvscan.c"
  # The peers' 250 m fishnet: the wards' bounds snapped outward to whole cells (common.grid_spec).
  EXTENT="$(cd "$PEERS" && "$PEERS_PY" -c '
from common import grid_spec, polygons_bounds
g = grid_spec(polygons_bounds("'"$WARDS"'"), 250.0)
print("%d,%d,%d,%d" % (g["x0"], g["y0"], g["x0"] + g["nx"] * 250, g["y0"] + g["ny"] * 250))')"
  echo "   fishnet extent $EXTENT; $REPS runs of each command; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
fi

has() { [[ " $TASKS " == *" $1 "* ]]; }

# ---------------------------------------------------------------------------------------------
# count

C_OWN=()
if has count || has map; then
  for s in $SIZES; do
    P="$DATA/points_$s.csv"
    [[ -f "$P" ]] || { echo "skip count $s: $P is absent (gen.py --with-10m makes points_10m.csv)"; continue; }
    has count || [[ "$s" == 1m ]] || continue
    echo "== count $s"
    start "hotspot_count_$s" "shapely_count_$s" "csvscan_$s"
    # Every tool reads the file from the page cache: read once before the timed runs.
    cat "$P" > /dev/null
    own=()
    for rep in $(seq "$REPS"); do
      run "hotspot_count_$s" "$rep" "$HOTSPOT" count --areas "$WARDS" --incidents "$P" --format csv
      run "shapely_count_$s" "$rep" "$PEERS_PY" "$PEERS/pip_shapely.py" "$WARDS" "$P" "$OUT/shapely_$s.csv" \
        --method bbox-mt --threads 2
      run "csvscan_$s" "$rep" "$CSVSCAN" parse "$P"
      own+=("$(sed -n 's/.*"compute_s": \([0-9.]*\).*/\1/p' "$OUT/csvscan_$s.out")")
    done
    for name in "hotspot_count_$s" "shapely_count_$s" "csvscan_$s"; do record "$name"; done
    # shellcheck disable=SC2068
    echo "csvscan_own_$s $(median ${own[@]}) 0" >> "$LOG"
    # Same counts, ward by ward (hotspot's table: area_id first, count third).
    tr -d '\r' < "$OUT/hotspot_count_$s.out" | awk -F, 'NR > 1 && $1 != "" { print $1 "," $3 }' | sort > "$OUT/hotspot_counts_$s.sorted"
    tail -n +2 "$OUT/shapely_$s.csv" | sort > "$OUT/shapely_counts_$s.sorted"
    if cmp -s "$OUT/hotspot_counts_$s.sorted" "$OUT/shapely_counts_$s.sorted"; then
      echo "   counts: hotspot = shapely, ward by ward"
    else
      echo "   counts DIFFER: diff $OUT/hotspot_counts_$s.sorted $OUT/shapely_counts_$s.sorted"
    fi
  done
fi

# ---------------------------------------------------------------------------------------------
# density

if has density; then
  echo "== density 1m (50 m cells, h 500 m)"
  names=(hotspot_density kdepy_quartic)
  [[ "${EXACT:-0}" == 1 ]] && names+=(numpy_exact)
  start "${names[@]}"
  for rep in $(seq "$REPS"); do
    run hotspot_density "$rep" "$HOTSPOT" density --incidents "$P1M" --areas "$WARDS" --cell 50m --bandwidth 500m \
      --kernel quartic --format asc --output "$OUT/density.asc" --quiet
    run kdepy_quartic "$rep" "$PEERS_PY" "$PEERS/kde_kdepy.py" "$WARDS" "$P1M" "$OUT/kdepy" --kernels biweight
    if [[ "${EXACT:-0}" == 1 ]]; then
      run numpy_exact "$rep" "$PEERS_PY" "$PEERS/kde_exact_numpy.py" "$WARDS" "$P1M" "$OUT/kde_exact.npy"
    fi
  done
  for name in "${names[@]}"; do record "$name"; done
  echo "   grid: $(head -2 "$OUT/density.asc" | tr '\n' ' ') (KDEpy's: 1090 x 963 from 402200, 510200)"
fi

# ---------------------------------------------------------------------------------------------
# gistar and moran on the 250 m fishnet

for task in gistar moran; do
  has "$task" || continue
  echo "== $task 1m, 250 m fishnet, 750 m band"
  format=csv; [[ "$task" == moran ]] && format=json
  start "hotspot_${task}" "hotspot_${task}_file" "hotspot_${task}_perm" "esda_${task}"
  for rep in $(seq "$REPS"); do
    common=(--incidents "$P1M" --cell 250m --extent "$EXTENT" --neighbours distance:750m --format "$format" --quiet)
    run "hotspot_${task}" "$rep" "$HOTSPOT" "$task" "${common[@]}"
    run "hotspot_${task}_file" "$rep" "$HOTSPOT" "$task" "${common[@]}" --output "$OUT/$task.$format"
    run "hotspot_${task}_perm" "$rep" "$HOTSPOT" "$task" "${common[@]}" --permutations "$PERMUTATIONS" \
      --seed 12345 --output "$OUT/${task}_perm.$format"
    if [[ "$task" == gistar ]]; then
      run esda_gistar "$rep" "$PEERS_PY" "$PEERS/gistar_esda.py" "$WARDS" "$P1M" "$OUT/esda_gistar"
    else
      run esda_moran "$rep" "$PEERS_PY" "$PEERS/moran_esda.py" "$WARDS" "$P1M" "$OUT/esda_moran.json"
    fi
  done
  for name in "hotspot_${task}" "hotspot_${task}_file" "hotspot_${task}_perm" "esda_${task}"; do record "$name"; done
  cmp -s "$OUT/hotspot_${task}.out" "$OUT/$task.$format" || die "$task: stdout and --output differ"
done

# ---------------------------------------------------------------------------------------------
# map

if has map; then
  echo "== choropleth SVG of the 1m counts"
  [[ -f "$OUT/shapely_1m.csv" ]] || die "the map task needs shapely's 1m counts (run the count task with SIZES containing 1m)"
  # Like for like: geopandas draws counts it is given, so hotspot draws the same counts from a
  # GeoJSON of the wards holding them (written once, untimed, by hotspot count); hotspot_map_count
  # also counts the 1,000,000 points itself before drawing.
  "$HOTSPOT" count --areas "$WARDS" --incidents "$P1M" --format geojson --output "$OUT/ward-counts.geojson" --quiet
  start hotspot_map hotspot_map_count geopandas_map
  for rep in $(seq "$REPS"); do
    run hotspot_map "$rep" "$HOTSPOT" map --areas "$OUT/ward-counts.geojson" --layer field:count --output "$OUT/map.svg" --quiet
    run hotspot_map_count "$rep" "$HOTSPOT" map --areas "$WARDS" --incidents "$P1M" --output "$OUT/map-count.svg" --quiet
    run geopandas_map "$rep" "$PEERS_PY" "$PEERS/svg_geopandas.py" "$WARDS" "$OUT/shapely_1m.csv" "$OUT/geopandas.svg"
  done
  record hotspot_map; record hotspot_map_count; record geopandas_map
  echo "   SVG bytes: hotspot $(wc -c < "$OUT/map.svg"), geopandas $(wc -c < "$OUT/geopandas.svg")"
fi

# ---------------------------------------------------------------------------------------------
# emerging

if has emerging; then
  EMERGING_DATA="$DATA/incidents_1m_24months.csv"
  if [[ ! -f "$EMERGING_DATA" ]]; then
    echo "== generating $EMERGING_DATA (1,000,000 incidents, 2023-01..2024-12)"
    mkdir -p "$DATA"
    cat > "$OUT/make_emerging_data.py" <<'PY'
import random, sys
random.seed(19)
out = open(sys.argv[1], "w")
out.write("id,easting,northing,month\n")
for i in range(1_000_000):
    m = random.randrange(24)
    if random.random() < 0.125 and random.randrange(24) <= m:  # a patch near Wexcombe, busier each month
        x, y = 451_500 + random.random() * 2_000, 536_600 + random.random() * 2_000
    else:  # the sample county's extent
        x, y = 415_000 + random.random() * 43_000, 526_000 + random.random() * 34_000
    out.write("%d,%.2f,%.2f,%d-%02d\n" % (i, x, y, 2023 + m // 12, m % 12 + 1))
PY
    python3 "$OUT/make_emerging_data.py" "$EMERGING_DATA"
  fi
  echo "== emerging: 1m incidents × 24 months into 250 m cells over the sample county"
  start hotspot_emerging
  cat "$EMERGING_DATA" > /dev/null
  for rep in $(seq "$REPS"); do
    run hotspot_emerging "$rep" "$HOTSPOT" emerging --areas "$ROOT/GeoData/areas.geojson" --cell 250m \
      --incidents "$EMERGING_DATA" --format csv --quiet
  done
  record hotspot_emerging
  echo "   $(($(wc -l < "$OUT/hotspot_emerging.out") - 1)) cells classified"
fi

# ---------------------------------------------------------------------------------------------
# Report

echo
echo "== medians of $REPS whole-process runs (wall seconds, peak RSS MB)"
printf '%-26s %10s %10s\n' command seconds "peak MB"
while read -r name w r; do printf '%-26s %10s %10s\n' "$name" "$w" "$r"; done < "$LOG"
echo
echo "== goals (ratio, goal in brackets)"
for s in $SIZES; do
  [[ -n "$(wall "hotspot_count_$s")" ]] || continue
  echo "count $s: hotspot / shapely time         $(ratio "$(wall "hotspot_count_$s")" "$(wall "shapely_count_$s")")   [<= 0.20]"
  echo "count $s: hotspot / C floor (wall)       $(ratio "$(wall "hotspot_count_$s")" "$(wall "csvscan_$s")")   [<= 3]"
  echo "count $s: hotspot / C floor (own timer)  $(ratio "$(wall "hotspot_count_$s")" "$(wall "csvscan_own_$s")")"
  echo "count $s: hotspot / shapely peak memory  $(ratio "$(rss "hotspot_count_$s")" "$(rss "shapely_count_$s")")   [<= 0.33]"
done
if [[ -n "$(wall hotspot_density)" ]]; then
  echo "density:  hotspot / KDEpy (quartic)      $(ratio "$(wall hotspot_density)" "$(wall kdepy_quartic)")   [<= 0.50]"
  [[ -n "$(wall numpy_exact)" ]] && echo "density:  hotspot / exact numpy          $(ratio "$(wall hotspot_density)" "$(wall numpy_exact)")"
fi
for task in gistar moran; do
  [[ -n "$(wall "hotspot_$task")" ]] || continue
  echo "$task:   esda / hotspot (analytic)        $(ratio "$(wall "esda_$task")" "$(wall "hotspot_$task")")   [>= 100]"
  echo "$task:   esda / hotspot (--output, SHA-256 of the input) $(ratio "$(wall "esda_$task")" "$(wall "hotspot_${task}_file")")"
  echo "$task:   esda / hotspot ($PERMUTATIONS permutations) $(ratio "$(wall "esda_$task")" "$(wall "hotspot_${task}_perm")")"
done
if [[ -n "$(wall hotspot_map)" ]]; then
  echo "map:      geopandas / hotspot time       $(ratio "$(wall geopandas_map)" "$(wall hotspot_map)")   [>= 20]"
  echo "map:      geopandas / hotspot counting too $(ratio "$(wall geopandas_map)" "$(wall hotspot_map_count)")"
  echo "map:      hotspot / geopandas SVG bytes  $(ratio "$(wc -c < "$OUT/map.svg")" "$(wc -c < "$OUT/geopandas.svg")")   [<= 0.50]"
fi
if [[ -n "$(wall hotspot_emerging)" ]]; then
  echo "emerging: hotspot whole process (s)      $(wall hotspot_emerging)   [< 2]"
fi
echo "(outputs and /usr/bin/time logs in $OUT)"
