#!/usr/bin/env bash
# flowform benchmark: times the real command line (java -jar target/flowform.jar) against the
# Flow Service emulator on loopback, and writes a results table.
#
#   ./mvnw -q package -DskipTests && bench/run.sh            # everything (a few minutes)
#   bench/run.sh --quick                                     # smaller sizes, for a smoke run
#   bench/run.sh --reads                                     # only the reads at 2,000 (steps 7-9)
#
# Needs only a JDK 17+ and the built jar; uses /usr/bin/time -v for max RSS when it is there.
# Results: bench/results.md (override with BENCH_OUT=file). Nothing here runs in ./mvnw verify.
# The 400- and 2,000-create applies and the refresh of 2,000 are each paired with `flowform
# version` (A B A B ...) and reported against their goals as ratios to the limit N*L/P. The emulator
# is warmed up before each run timed against it (bench/lib.sh; BENCH_COLD_EMULATOR=1 skips that).
# A failed apply or refresh stops the benchmark: it is not timed.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
OUT="${BENCH_OUT:-$HERE/results.md}"
QUICK=0
READS_ONLY=0
[[ "${1:-}" == "--quick" ]] && QUICK=1
[[ "${1:-}" == "--reads" ]] && READS_ONLY=1

LATENCY=25          # ms added by the emulator to every request
CREATES=400         # apply target
PARALLEL=16
REFRESHED=1000      # refresh target
PLAN_SMALL=2000
PLAN_LARGE=10000
RATE_LIMIT=150      # requests per second, for the 429 run
BIG=2000            # apply, refresh and plan with refresh at this size (steps 7-9)
PAGE_SIZE=100       # emulator --max-page-size: the most a page holds, whatever flowform asks for
REPEAT=${BENCH_REPEAT:-3} # runs per timing; the median is reported (BENCH_REPEAT overrides)
if (( QUICK )); then CREATES=100; REFRESHED=200; PLAN_SMALL=500; PLAN_LARGE=2500; BIG=500; REPEAT=1; fi
bench_init bench

# emulator [RATE_LIMIT]: a fresh, warmed-up emulator at $LATENCY serving pages of at most $PAGE_SIZE
emulator() { start_emulator --rate-limit "${1:-0}" --max-page-size "$PAGE_SIZE"; }

ROWS=()
row() { ROWS+=("| $1 | $2 | $3 | $4 | $5 |"); echo "  $1: $2 s wall, $3 MB RSS  (target: $4) -> $5"; }
GOALS=() # rows of the goals table of issue 22 (bench/lib.sh's goal_row)
goal() { GOALS+=("$(goal_row "$@")"); echo "  goal: ${GOALS[-1]}"; }
# flowform NAME DIR ARGS...: one timed run of the command line (LAST_MS, LAST_CPU_MS, LAST_RSS_MB, LAST_RC)
flowform() { local name="$1" dir="$2"; shift 2; timed "$name" "$dir" "${FLOWFORM[@]}" "$@"; }

echo "flowform benchmark in $WORK (jar: $JAR)"

if (( ! READS_ONLY )); then
# 1. Startup: validate and the time to the first request on the example manifests (bench/startup.sh).
echo "[1/9] startup: validate and time to first request on the example manifests (bench/startup.sh)"
startup_args=()
if ((QUICK)); then startup_args=(--quick); fi
STARTUP_TABLE="$WORK/startup.table" JAVA="$JAVA" FLOWFORM_JAR="$JAR" "$HERE/startup.sh" ${startup_args[@]+"${startup_args[@]}"} |
  grep '^  .*(target '

# 2. Plan from state alone at two sizes, 512 MB heap.
echo "[2/9] plan --refresh=false, -Xmx512m"
declare -A PLAN_MS
for n in "$PLAN_SMALL" "$PLAN_LARGE"; do
  workspace "$WORK/plan-$n" "$n" 0 plan
  times=()
  for _ in $(seq 1 "$REPEAT"); do
    timed "plan-$n" "$WORK/plan-$n" "$JAVA" ${BENCH_OPTS[@]+"${BENCH_OPTS[@]}"} -Xmx512m -jar "$JAR" plan --env bench --refresh=false --no-color
    times+=("$LAST_MS")
  done
  PLAN_MS[$n]=$(median "${times[@]}")
  if (( n == PLAN_LARGE )); then
    verdict="$( ((LAST_RC == 0 && PLAN_MS[$n] < 5000)) && echo met || echo "missed (rc $LAST_RC, $(secs "${PLAN_MS[$n]}") s)")"
    row "plan $n manifests" "$(secs "${PLAN_MS[$n]}")" "$LAST_RSS_MB" "< 5 s, heap 512 MB" "$verdict"
  else
    row "plan $n manifests" "$(secs "${PLAN_MS[$n]}")" "$LAST_RSS_MB" "(baseline for growth)" "-"
  fi
done
ratio=$(awk -v a="${PLAN_MS[$PLAN_SMALL]}" -v b="${PLAN_MS[$PLAN_LARGE]}" 'BEGIN { printf "%.1f", b / a }')
ROWS+=("| plan growth $PLAN_SMALL -> $PLAN_LARGE | x$ratio | | about x$((PLAN_LARGE / PLAN_SMALL)) (linear) | $(awk -v r="$ratio" -v k=$((PLAN_LARGE / PLAN_SMALL)) 'BEGIN { print (r <= k * 1.2 ? "met (at most linear)" : "missed") }') |")
echo "  growth x$ratio"

# 3. Apply N creates at 25 ms latency, parallelism 1 and 16 (a fresh emulator each time); at 16,
# each run paired with `flowform version` (A B A B ...).
limit_ms=$((CREATES * LATENCY / PARALLEL))
echo "[3/9] apply $CREATES creates at ${LATENCY} ms (limit N*L/P = $(secs $limit_ms) s)"
declare -A APPLY_MS APPLY_RSS
versions=()
for p in 1 "$PARALLEL"; do
  times=()
  for run in $(seq 1 "$( ((p == 1)) && echo 1 || echo "$REPEAT")"); do
    emulator
    workspace "$WORK/apply-$p" "$CREATES" 0 "apply$p"
    if ((p == PARALLEL)); then version_run; versions+=("$LAST_MS"); fi
    flowform "apply-$p" "$WORK/apply-$p" apply --env bench --auto-approve --no-color --parallelism "$p"
    require_ok "apply-$p"
    times+=("$LAST_MS")
    created=$(grep -c ': created' "$WORK/apply-$p.out" || true)
    echo "  parallelism $p, run $run: $(secs "$LAST_MS") s, rc $LAST_RC, $created created"
  done
  APPLY_MS[$p]=$(median "${times[@]}")
  APPLY_RSS[$p]=$LAST_RSS_MB
done
stop_emulator
speedup=$(awk -v a="${APPLY_MS[1]}" -v b="${APPLY_MS[$PARALLEL]}" 'BEGIN { printf "%.1f", a / b }')
over=$((APPLY_MS[$PARALLEL] - limit_ms))
row "apply $CREATES creates, --parallelism 1" "$(secs "${APPLY_MS[1]}")" "${APPLY_RSS[1]}" "(baseline)" "-"
row "apply $CREATES creates, --parallelism $PARALLEL" "$(secs "${APPLY_MS[$PARALLEL]}")" "${APPLY_RSS[$PARALLEL]}" \
  "< limit $(secs $limit_ms) s + 1.2 s; > 4x faster than p1" \
  "$( ((over < 1200)) && awk -v s="$speedup" 'BEGIN { exit !(s > 4) }' && echo "met (x$speedup, limit + $(secs $over) s)" || echo "missed (x$speedup, limit + $(secs $over) s)")"
ver=$(median "${versions[@]}")
goal "apply $CREATES creates, ${LATENCY} ms, -p $PARALLEL" "${APPLY_MS[$PARALLEL]}" "$ver" "$limit_ms" "$(goal_ms "$limit_ms" 20 "$ver")"

# 4. Apply under rate limiting: 429s make the adaptive limit back off, and every change lands.
echo "[4/9] apply $CREATES creates at --rate-limit $RATE_LIMIT/s, --parallelism $PARALLEL"
emulator "$RATE_LIMIT"
workspace "$WORK/apply-429" "$CREATES" 0 "rl"
flowform apply-429 "$WORK/apply-429" apply --env bench --auto-approve --no-color --parallelism "$PARALLEL"
require_ok apply-429 # every change must land despite the 429s: a failed apply stops the benchmark
rl_rc=$LAST_RC; rl_ms=$LAST_MS; rl_rss=$LAST_RSS_MB
flowform plan-429 "$WORK/apply-429" plan --env bench --no-color --detailed-exitcode
stop_emulator
floor_ms=$((CREATES * 1000 / RATE_LIMIT))
row "apply $CREATES creates at $RATE_LIMIT req/s (429s)" "$(secs "$rl_ms")" "$rl_rss" \
  "all created, then no changes (floor $(secs $floor_ms) s)" \
  "$( ((rl_rc == 0 && LAST_RC == 0)) && echo "met (apply rc 0, plan shows no changes)" || echo "missed (apply rc $rl_rc, plan rc $LAST_RC)")"

# 5. Refresh of many recorded connections uses the same bounded parallelism.
echo "[5/9] refresh of $REFRESHED recorded connections at ${LATENCY} ms"
emulator
workspace "$WORK/refresh" "$REFRESHED" 0 "rf"
flowform refresh-setup "$WORK/refresh" apply --env bench --auto-approve --no-color --parallelism "$PARALLEL"
require_ok refresh-setup
flowform refresh "$WORK/refresh" refresh --env bench --parallelism "$PARALLEL"
require_ok refresh
refresh_ms=$LAST_MS
stop_emulator
rlimit=$((REFRESHED * LATENCY / PARALLEL))
over=$((refresh_ms - rlimit))
row "refresh $REFRESHED recorded, --parallelism $PARALLEL" "$(secs "$refresh_ms")" "$LAST_RSS_MB" \
  "near limit $(secs $rlimit) s" "$( ((LAST_RC == 0 && over < 2500)) && echo "met (limit + $(secs $over) s)" || echo "missed (rc $LAST_RC, limit + $(secs $over) s)")"

# 6. State journal: the cost of recording one change, at 100 and 10,000 entries.
echo "[6/9] state: cost of one recorded change vs state size"
TEST_CLASSES="$(dirname "$JAR")/test-classes"
if [[ -f "$TEST_CLASSES/dev/flowform/bench/StateRecordBench.class" ]]; then
  "$JAVA" -cp "$TEST_CLASSES:$JAR" dev.flowform.bench.StateRecordBench "$WORK/state" | tee "$WORK/state.out"
  small=$(awk '$1 == 100 { print $2 }' "$WORK/state.out")
  large=$(awk '$1 == 10000 { print $2 }' "$WORK/state.out")
  wsmall=$(awk '$1 == 100 { print $3 }' "$WORK/state.out")
  wlarge=$(awk '$1 == 10000 { print $3 }' "$WORK/state.out")
  sratio=$(awk -v a="$small" -v b="$large" 'BEGIN { printf "%.1f", b / a }')
  ROWS+=("| record one change (State.with + journal fsync), 100 / 10,000 entries | $small / $large us | | about equal | $(awk -v r="$sratio" 'BEGIN { print (r <= 2 ? "met" : "missed") }') (x$sratio) |")
  ROWS+=("| State.with alone, 100 / 10,000 entries | $wsmall / $wlarge us | | O(log n) | - |")
else
  echo "  skipped: build the test classes (./mvnw -q package -DskipTests compiles them)"
  ROWS+=("| record one change vs state size | skipped (no test classes) | | | |")
fi

fi # READS_ONLY

# 7-9. Reads at BIG: apply of BIG creates, refresh of BIG recorded, plan with refresh of BIG
# unchanged; each against its limit N*L/P (what one request per connection costs at best), the
# apply and the refresh each run paired with `flowform version` (A B A B ...).
BIG_LIMIT=$((BIG * LATENCY / PARALLEL))
echo "[7/9] apply $BIG creates at ${LATENCY} ms, --parallelism $PARALLEL (limit $(secs $BIG_LIMIT) s)"
times=(); versions=()
for run in $(seq 1 "$REPEAT"); do
  emulator
  workspace "$WORK/big" "$BIG" 0 "big"
  version_run; versions+=("$LAST_MS")
  flowform big-apply "$WORK/big" apply --env bench --auto-approve --no-color --parallelism "$PARALLEL"
  require_ok big-apply
  times+=("$LAST_MS")
  echo "  run $run: $(secs "$LAST_MS") s, rc $LAST_RC, $(grep -c ': created' "$WORK/big-apply.out" || true) created"
done
ms=$(median "${times[@]}"); r=$(ratio "$ms" "$BIG_LIMIT"); ver=$(median "${versions[@]}")
goal_big=$(goal_ms "$BIG_LIMIT" 15 "$ver")
row "apply $BIG creates, --parallelism $PARALLEL" "$(secs "$ms")" "$LAST_RSS_MB" "<= 1.5 x limit $(secs $BIG_LIMIT) s + version $(secs "$ver") s" \
  "$( ((ms <= goal_big)) && echo "met (x$r)" || echo "missed (x$r)"); CPU $(secs "$LAST_CPU_MS") s"
goal "apply $BIG creates, ${LATENCY} ms, -p $PARALLEL" "$ms" "$ver" "$BIG_LIMIT" "$goal_big"
echo "[8/9] refresh of $BIG recorded connections, pages of at most $PAGE_SIZE"
times=(); versions=()
for _ in $(seq 1 "$REPEAT"); do
  version_run; versions+=("$LAST_MS")
  flowform big-refresh "$WORK/big" refresh --env bench --parallelism "$PARALLEL"
  require_ok big-refresh
  times+=("$LAST_MS")
done
ms=$(median "${times[@]}"); r=$(ratio "$ms" "$BIG_LIMIT"); ver=$(median "${versions[@]}")
row "refresh $BIG recorded, pages of at most $PAGE_SIZE" "$(secs "$ms")" "$LAST_RSS_MB" "< 1.5 s (x$(ratio 1500 "$BIG_LIMIT") of limit $(secs $BIG_LIMIT) s)" \
  "$( ((ms < 1500)) && echo "met (x$r)" || echo "missed (x$r)"); CPU $(secs "$LAST_CPU_MS") s"
goal "refresh of $BIG recorded, ${LATENCY} ms, -p $PARALLEL" "$ms" "$ver" "$BIG_LIMIT" 1500
echo "[9/9] plan with refresh of $BIG unchanged connections"
times=()
for _ in $(seq 1 "$REPEAT"); do
  flowform big-plan "$WORK/big" plan --env bench --no-color --detailed-exitcode --parallelism "$PARALLEL"
  if ((LAST_RC != 2)); then require_ok big-plan; fi # 2: changes, reported below; anything else but 0 stops
  times+=("$LAST_MS")
done
stop_emulator
ms=$(median "${times[@]}"); r=$(ratio "$ms" "$BIG_LIMIT")
row "plan (refresh) of $BIG unchanged" "$(secs "$ms")" "$LAST_RSS_MB" "ratio to limit $(secs $BIG_LIMIT) s" \
  "$( ((LAST_RC == 0)) && echo "x$r, no changes" || echo "x$r, rc $LAST_RC"); CPU $(secs "$LAST_CPU_MS") s"

{
  echo "## Results ($(date -u +%Y-%m-%d), $(nproc 2>/dev/null || echo '?') cores)"
  echo
  echo "| measure | wall s | max RSS MB | target | verdict |"
  echo "| --- | --- | --- | --- | --- |"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Emulator latency ${LATENCY} ms; median of $REPEAT run(s) where repeated; max RSS $( [[ -n "$TIME_V" ]] && echo "from /usr/bin/time -v" || echo "not measured (no /usr/bin/time -v)");" \
    "emulator $( [[ "${BENCH_COLD_EMULATOR:-0}" == 1 ]] && echo "cold (BENCH_COLD_EMULATOR=1)" || echo "warmed up before each run timed against it")."
  echo
  echo "### Goals of issue 22 (each run paired with \`flowform version\`)"
  echo
  goal_header
  printf '%s\n' "${GOALS[@]}"
  if [[ -s "$WORK/startup.table" ]]; then
    echo
    echo "### Start-up (bench/startup.sh)"
    echo
    cat "$WORK/startup.table"
  fi
} >"$OUT"
echo "results written to $OUT"
cat "$OUT"
