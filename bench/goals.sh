#!/usr/bin/env bash
# The performance goals of issues 19 and 22, each timed as a whole process and paired with
# `flowform version` timed in the same run (A B A B ...), medians quoted:
#   apply 400 creates and 2,000 creates at 25 ms latency, --parallelism 16, against N*L/P;
#   refresh of 2,000 recorded connections;
#   apply of 100 HubSpot pipelines (500 resources) at 25 ms, --parallelism 16;
#   validate of the examples against version (wall and CPU).
# Run it on a quiet machine (nothing else running): ./mvnw -q package -DskipTests && bench/goals.sh
# `bench/goals.sh --quick` divides every size by 10 (a smoke run; the goals are the same ratios).
# BENCH_REPEAT: runs per measure (default 3). BENCH_JAVA_OPTS: JVM options of the flowform runs
# timed (e.g. "-XX:+UseSerialGC -XX:TieredStopAtLevel=1", what bin/flowform runs with, without its
# class archive). The emulator is warmed up before each run timed against it (bench/lib.sh;
# BENCH_COLD_EMULATOR=1 skips that).
# shellcheck disable=SC2119 # start_emulator takes optional arguments
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
RUNS="${BENCH_REPEAT:-3}"
LATENCY=25
PARALLEL=16
PIPELINE_WARM="${BENCH_WARM_PIPELINES:-20}" # pipelines in the warm-up before pipelines are timed
TIME_V="" # no RSS here: every run the same, unwrapped
SCALE=1
[[ "${1:-}" == "--quick" ]] && SCALE=10
CREATES=$((400 / SCALE)); BIG=$((2000 / SCALE)); PIPELINES=$((100 / SCALE))
bench_init goals
# 2000 -> 2,000
count() { awk -v n="$1" 'BEGIN { s = sprintf("%d", n); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); print s }'; }

goal_header
for spec in "apply $(count "$CREATES") creates:$CREATES:0:20" "apply $(count "$BIG") creates:$BIG:0:15" \
  "apply $(count "$PIPELINES") pipelines ($(count $((5 * PIPELINES))) resources):$PIPELINES:$PIPELINES:20"; do
  IFS=: read -r name n p factor <<<"$spec"
  resources=$((n + 4 * p))
  limit=$((resources * LATENCY / PARALLEL))
  WARM_PIPELINES=$( ((p > 0)) && echo "$PIPELINE_WARM" || echo 0 )
  times=(); versions=()
  for _ in $(seq 1 "$RUNS"); do
    start_emulator
    workspace "$WORK/w" "$n" "$p"
    version_run; versions+=("$LAST_MS")
    timed apply "$WORK/w" "${FLOWFORM[@]}" apply --env bench --auto-approve --no-color --parallelism "$PARALLEL"
    require_ok apply
    times+=("$LAST_MS")
  done
  ver=$(median "${versions[@]}")
  goal_row "$name, ${LATENCY} ms, -p $PARALLEL" "$(median "${times[@]}")" "$ver" "$limit" "$(goal_ms "$limit" "$factor" "$ver")"
done
WARM_PIPELINES=0
start_emulator
workspace "$WORK/r" "$BIG" 0
timed setup "$WORK/r" "${FLOWFORM[@]}" apply --env bench --auto-approve --no-color --parallelism "$PARALLEL"
require_ok setup
times=(); versions=()
for _ in $(seq 1 "$RUNS"); do
  version_run; versions+=("$LAST_MS")
  timed refresh "$WORK/r" "${FLOWFORM[@]}" refresh --env bench --parallelism "$PARALLEL"
  require_ok refresh
  times+=("$LAST_MS")
done
goal_row "refresh of $(count "$BIG") recorded" "$(median "${times[@]}")" "$(median "${versions[@]}")" "" 1500
stop_emulator
paired validate "$ROOT" "${FLOWFORM[@]}" validate
ms=$PAIRED_MS; ver=$PAIRED_VERSION_MS
printf '| validate (examples) | %s s | %s s | | %sx of version | 2x version | %s |\n' "$(secs "$ms")" \
  "$(secs "$ver")" "$(ratio "$ms" "$ver")" "$( ((ms <= 2 * ver)) && echo met || echo missed)"
