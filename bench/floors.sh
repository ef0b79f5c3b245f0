#!/usr/bin/env bash
# The floors under the goals of bench/goals.sh, measured on the machine at hand with no flowform
# code in the way (bench/Floor.java, compiled here against the jar's libraries):
#   libraries: the least a validation run can do with SnakeYAML, Jackson and Hibernate Validator,
#     as a whole process, against `flowform version` (the validate goal is 2x version);
#   each apply goal: `flowform validate` of the same workspace (the load, JVM start included) plus
#     a bare OkHttp client sending the same number of creates, 16 at a time, to a fresh warmed
#     emulator (the creates, from the first sent to the last answer; no plan, no state, no token
#     wait). The pipelines row sends 500 connection creates for its 500 resources.
# An apply can only beat the sum by overlapping its load with its requests, which a plan made
# before anything is sent rules out. Run on a quiet machine: bench/floors.sh [--quick]
# BENCH_REPEAT (default 3), BENCH_JAVA_OPTS and BENCH_LAUNCHER as in bench/goals.sh. Floor runs with
# BENCH_JAVA_OPTS, or with the launcher's collector and compiler when BENCH_LAUNCHER is set.
# shellcheck disable=SC2119 # start_emulator takes optional arguments
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
RUNS="${BENCH_REPEAT:-3}"
LATENCY=25
PARALLEL=16
TIME_V=""
SCALE=1
[[ "${1:-}" == "--quick" ]] && SCALE=10
bench_init floors
JAVAC="${JAVAC:-javac}"
"$JAVAC" -cp "$JAR" -d "$WORK/floor" "$HERE/Floor.java"
FLOOR_OPTS=(${BENCH_OPTS[@]+"${BENCH_OPTS[@]}"})
if [[ -n "${BENCH_LAUNCHER:-}" && -z "${BENCH_JAVA_OPTS:-}" ]]; then
  FLOOR_OPTS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1)
fi
FLOOR=("$JAVA" ${FLOOR_OPTS[@]+"${FLOOR_OPTS[@]}"} -cp "$JAR:$WORK/floor" Floor)

echo "| floor | median | version (same run) | ratio | goal |"
echo "| --- | --- | --- | --- | --- |"
paired libs "$WORK" "${FLOOR[@]}" libs
printf '| SnakeYAML + Jackson + Hibernate Validator, least use | %s s | %s s | %sx of version | 2x version |\n' \
  "$(secs "$PAIRED_MS")" "$(secs "$PAIRED_VERSION_MS")" "$(ratio "$PAIRED_MS" "$PAIRED_VERSION_MS")"

echo
echo "| apply | load: validate | creates: bare client | floor (sum) | version | goal | floor / goal |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
sandbox=0
for spec in "400 creates:$((400 / SCALE)):0:$((400 / SCALE)):20" \
  "2,000 creates:$((2000 / SCALE)):0:$((2000 / SCALE)):15" \
  "100 pipelines:$((100 / SCALE)):$((100 / SCALE)):$((500 / SCALE)):20"; do
  IFS=: read -r name n p posts factor <<<"$spec"
  loads=(); creates=(); versions=()
  for _ in $(seq 1 "$RUNS"); do
    start_emulator --sandboxes "bench,warm,$(seq -s, -f 'floor%g' 1 "$RUNS")"
    workspace "$WORK/w" "$n" "$p"
    version_run; versions+=("$LAST_MS")
    timed validate "$WORK/w" "${FLOWFORM[@]}" validate
    require_ok validate
    loads+=("$LAST_MS")
    sandbox=$((sandbox % RUNS + 1))
    timed posts "$WORK" "${FLOOR[@]}" posts "$FS_URL" "$IMS_URL" "floor$sandbox" "$posts" "$PARALLEL"
    require_ok posts
    creates+=("$(sed -n 's/.*: \([0-9]*\) ms from the first sent.*/\1/p' "$WORK/posts.out")")
  done
  load=$(median "${loads[@]}"); create=$(median "${creates[@]}"); ver=$(median "${versions[@]}")
  limit=$(((n + 4 * p) * LATENCY / PARALLEL))
  goal=$(goal_ms "$limit" "$factor" "$ver")
  printf '| %s | %s s | %s s | %s s | %s s | %s s | %s |\n' "$name" "$(secs "$load")" \
    "$(secs "$create")" "$(secs $((load + create)))" "$(secs "$ver")" "$(secs "$goal")" \
    "$(ratio $((load + create)) "$goal")"
done
