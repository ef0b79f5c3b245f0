#!/usr/bin/env bash
# flowform pipeline benchmark (issue 19): times `apply` of 100 whole HubSpot pipelines (500 resources:
# 100 base connections, source connections, target connections, mapping sets and dataflows) against
# the emulator at 25 ms latency with --parallelism 16, and checks it against the goal:
#
#   within 2x of the throughput limit (500 x 25 ms / 16 = 0.78 s) plus the start-up of `version`
#
#   ./mvnw -q package -DskipTests && bench/pipelines.sh      # a fresh emulator per run, median of 3
#   BENCH_REPEAT=1 PIPELINES=20 bench/pipelines.sh            # a smoke run
#
# Needs only a JDK 17+ and the built jar. Results: bench/pipelines-results.md (BENCH_OUT=file
# overrides). Nothing here runs in ./mvnw verify. Run it on a quiet machine: it times wall clock.
# shellcheck disable=SC2119 # start_emulator takes optional arguments
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
OUT="${BENCH_OUT:-$HERE/pipelines-results.md}"
PIPELINES="${PIPELINES:-100}"
REPEAT="${BENCH_REPEAT:-3}"     # runs per timing; the median is reported
RESOURCES=$((PIPELINES * 5))
WARM_PIPELINES="${BENCH_WARM_PIPELINES:-20}" # pipelines in the emulator's warm-up (bench/lib.sh)
TIME_V="" # wall clock only
bench_init pipelines

# run DIR ARGS...: one flowform run in DIR, timed (LAST_MS, LAST_RC); says when it failed
run() {
  local dir="$1"; shift
  timed last "$dir" "${FLOWFORM[@]}" "$@"
  if (( LAST_RC != 0 && LAST_RC != 2 )); then echo "  flowform $* exited $LAST_RC; last lines:" >&2; tail -5 "$WORK/last.out" >&2; fi
}

echo "flowform pipeline benchmark in $WORK: $PIPELINES pipelines ($RESOURCES resources), ${LATENCY} ms, --parallelism $PARALLEL"

echo "[1/3] start-up: flowform version (median of $REPEAT after one untimed run)"
version_run
VERSION_RUNS=()
for _ in $(seq 1 "$REPEAT"); do version_run; VERSION_RUNS+=("$LAST_MS"); done
VERSION_MS=$(median "${VERSION_RUNS[@]}")
echo "  version: $(secs "$VERSION_MS") s"

echo "[2/3] apply --auto-approve --parallelism $PARALLEL (a fresh emulator each run)"
APPLY_RUNS=()
CLEAN="yes"
for run in $(seq 1 "$REPEAT"); do
  start_emulator
  workspace "$WORK/ws" "$PIPELINES" "$PIPELINES" p
  run "$WORK/ws" apply --env bench --auto-approve --parallelism "$PARALLEL" --no-color
  (( LAST_RC == 0 )) || { echo "apply failed" >&2; exit 1; }
  APPLY_RUNS+=("$LAST_MS")
  echo "  run $run: $(secs "$LAST_MS") s"
  # [3/3] after each apply, the next plan must show no change (not timed)
  run "$WORK/ws" plan --env bench --detailed-exitcode --no-color
  (( LAST_RC == 0 )) || CLEAN="no (plan exited $LAST_RC)"
done
APPLY_MS=$(median "${APPLY_RUNS[@]}")

# Goal: 2 x (resources x latency / parallelism) + the start-up of version
LIMIT_MS=$((RESOURCES * LATENCY / PARALLEL))
GOAL_MS=$((2 * LIMIT_MS + VERSION_MS))
VERDICT=$( ((APPLY_MS <= GOAL_MS)) && echo met || echo "not met" )
echo "[3/3] apply $(secs "$APPLY_MS") s; goal $(secs "$GOAL_MS") s (2 x $(secs "$LIMIT_MS") s + version $(secs "$VERSION_MS") s): $VERDICT; next plan clean: $CLEAN"

{
  echo "# flowform pipeline benchmark"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc 2>/dev/null || echo '?') cores, $("$JAVA" -version 2>&1 | head -1)"
  echo
  echo "| what | wall (s) | goal (s) | result |"
  echo "| --- | --- | --- | --- |"
  echo "| \`version\` start-up (median of $REPEAT) | $(secs "$VERSION_MS") | - | - |"
  echo "| \`apply\` of $PIPELINES pipelines ($RESOURCES resources), ${LATENCY} ms, \`--parallelism $PARALLEL\` (median of $REPEAT: ${APPLY_RUNS[*]} ms) | $(secs "$APPLY_MS") | $(secs "$GOAL_MS") | $VERDICT |"
  echo "| next \`plan --detailed-exitcode\` shows no change | - | - | $CLEAN |"
} >"$OUT"
echo "wrote $OUT"
