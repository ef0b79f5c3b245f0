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
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR="${FLOWFORM_JAR:-$ROOT/target/flowform.jar}"
JAVA="${JAVA:-java}"
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

[[ -f "$JAR" ]] || { echo "no $JAR: build it first with ./mvnw -q package -DskipTests" >&2; exit 2; }
TIME_V=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then TIME_V=/usr/bin/time; fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/flowform-bench.XXXXXX")"
EMULATOR_PID=""
cleanup() {
  if [[ -n "$EMULATOR_PID" ]]; then kill "$EMULATOR_PID" 2>/dev/null || true; wait "$EMULATOR_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# Fake credentials for the emulator only (it grants a token to any client).
export AEP_CLIENT_ID=bench-client AEP_CLIENT_SECRET=bench-secret-not-real
export HS_CLIENT_SECRET=hs-secret-not-real HS_ACCESS_TOKEN=hs-token-not-real HS_REFRESH_TOKEN=hs-refresh-not-real

now_ms() { date +%s%3N; }

# start_emulator LATENCY_MS [RATE_LIMIT]: sets FS_URL and IMS_URL
start_emulator() {
  stop_emulator
  local log="$WORK/emulator.log"
  "$JAVA" -jar "$JAR" emulator --port 0 --latency "$1" --rate-limit "${2:-0}" --seed 1 \
    --max-page-size "$PAGE_SIZE" >"$log" 2>&1 &
  EMULATOR_PID=$!
  for _ in $(seq 1 200); do
    if grep -q '^IMS: ' "$log" 2>/dev/null; then break; fi
    sleep 0.05
  done
  FS_URL="$(sed -n 's/^Flow Service: //p' "$log")"
  IMS_URL="$(sed -n 's/^IMS: //p' "$log")"
  [[ -n "$FS_URL" && -n "$IMS_URL" ]] || { cat "$log" >&2; echo "emulator did not start" >&2; exit 1; }
  sleep 1 # let its JVM settle: on 2 cores its start-up work would otherwise compete with the run timed
}
stop_emulator() {
  if [[ -n "$EMULATOR_PID" ]]; then kill "$EMULATOR_PID" 2>/dev/null || true; wait "$EMULATOR_PID" 2>/dev/null || true; fi
  EMULATOR_PID=""
}

# workspace DIR N PREFIX: an environment "bench" pointing at the emulator and N connection manifests
workspace() {
  local dir="$1" n="$2" prefix="$3"
  rm -rf "$dir"; mkdir -p "$dir/manifests/environments" "$dir/manifests/connections"
  cat >"$dir/manifests/environments/bench.yaml" <<EOF
apiVersion: flowform/v1
kind: Environment
metadata:
  name: bench
spec:
  sandbox: bench
  orgId: 5C13B1D2E3F4A5B6C7D8E9F0@AdobeOrg
  endpoint: ${FS_URL:-http://127.0.0.1:1/data/foundation/flowservice}
  credentials:
    clientId: \${env:AEP_CLIENT_ID}
    clientSecret: \${env:AEP_CLIENT_SECRET}
    imsEndpoint: ${IMS_URL:-http://127.0.0.1:1/ims/token/v3}
EOF
  awk -v n="$n" -v p="$prefix" -v d="$dir/manifests/connections" 'BEGIN {
    for (i = 1; i <= n; i++) {
      f = sprintf("%s/%s-%05d.yaml", d, p, i)
      printf "apiVersion: flowform/v1\nkind: HubSpotConnection\nmetadata:\n  name: %s-%05d\n", p, i > f
      printf "spec:\n  name: Bench %s %05d\n  description: Benchmark connection %d\n", p, i, i > f
      printf "  auth:\n    params:\n      clientId: hubspot-app-%05d\n", i > f
      printf "      clientSecret: ${env:HS_CLIENT_SECRET}\n      accessToken: ${env:HS_ACCESS_TOKEN}\n" > f
      printf "      refreshToken: ${env:HS_REFRESH_TOKEN}\n" > f
      close(f)
    }
  }'
}

# timed NAME DIR -- ARGS...: runs flowform in DIR; sets LAST_MS, LAST_RSS_MB and LAST_CPU (user +
# system seconds of flowform alone; "-" without time -v)
timed() {
  local name="$1" dir="$2"; shift 3
  local start end rc=0
  start=$(now_ms)
  if [[ -n "$TIME_V" ]]; then
    (cd "$dir" && "$TIME_V" -v -o "$WORK/$name.time" "$JAVA" "$@" >"$WORK/$name.out" 2>&1) || rc=$?
  else
    (cd "$dir" && "$JAVA" "$@" >"$WORK/$name.out" 2>&1) || rc=$?
  fi
  end=$(now_ms)
  LAST_MS=$((end - start))
  LAST_RSS_MB="-"
  LAST_CPU="-"
  if [[ -n "$TIME_V" && -f "$WORK/$name.time" ]]; then
    LAST_RSS_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$WORK/$name.time")
    LAST_CPU=$(awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.1f", t }' "$WORK/$name.time")
  fi
  if (( rc != 0 )); then
    echo "  $name exited $rc; last lines:" >&2; tail -5 "$WORK/$name.out" >&2
  fi
  LAST_RC=$rc
}

# median of the arguments
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }

ROWS=()
row() { ROWS+=("| $1 | $2 | $3 | $4 | $5 |"); echo "  $1: $2 s wall, $3 MB RSS  (target: $4) -> $5"; }

echo "flowform benchmark in $WORK (jar: $JAR)"

if (( ! READS_ONLY )); then
# 1. Startup: validate and the time to the first request on the example manifests (bench/startup.sh).
echo "[1/9] startup: validate and time to first request on the example manifests (bench/startup.sh)"
STARTUP_ROWS="$WORK/startup.rows" JAVA="$JAVA" FLOWFORM_JAR="$JAR" "$HERE/startup.sh" $( ((QUICK)) && echo --quick) |
  grep '^  .*(target '
mapfile -t STARTUP < "$WORK/startup.rows"
ROWS+=("${STARTUP[@]}")

# 2. Plan from state alone at two sizes, 512 MB heap.
echo "[2/9] plan --refresh=false, -Xmx512m"
declare -A PLAN_MS
for n in "$PLAN_SMALL" "$PLAN_LARGE"; do
  workspace "$WORK/plan-$n" "$n" plan
  times=()
  for _ in $(seq 1 "$REPEAT"); do
    timed "plan-$n" "$WORK/plan-$n" -- -Xmx512m -jar "$JAR" plan --env bench --refresh=false --no-color
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

# 3. Apply N creates at 25 ms latency, parallelism 1 and 16 (a fresh emulator each time).
limit_ms=$((CREATES * LATENCY / PARALLEL))
echo "[3/9] apply $CREATES creates at ${LATENCY} ms (limit N*L/P = $(secs $limit_ms) s)"
declare -A APPLY_MS APPLY_RSS
for p in 1 "$PARALLEL"; do
  times=()
  for run in $(seq 1 "$( ((p == 1)) && echo 1 || echo "$REPEAT")"); do
    start_emulator "$LATENCY"
    workspace "$WORK/apply-$p" "$CREATES" "apply$p"
    timed "apply-$p" "$WORK/apply-$p" -- -jar "$JAR" apply --env bench --auto-approve --no-color --parallelism "$p"
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

# 4. Apply under rate limiting: 429s make the adaptive limit back off, and every change lands.
echo "[4/9] apply $CREATES creates at --rate-limit $RATE_LIMIT/s, --parallelism $PARALLEL"
start_emulator "$LATENCY" "$RATE_LIMIT"
workspace "$WORK/apply-429" "$CREATES" "rl"
timed apply-429 "$WORK/apply-429" -- -jar "$JAR" apply --env bench --auto-approve --no-color --parallelism "$PARALLEL"
rl_rc=$LAST_RC; rl_ms=$LAST_MS; rl_rss=$LAST_RSS_MB
timed plan-429 "$WORK/apply-429" -- -jar "$JAR" plan --env bench --no-color --detailed-exitcode
stop_emulator
floor_ms=$((CREATES * 1000 / RATE_LIMIT))
row "apply $CREATES creates at $RATE_LIMIT req/s (429s)" "$(secs "$rl_ms")" "$rl_rss" \
  "all created, then no changes (floor $(secs $floor_ms) s)" \
  "$( ((rl_rc == 0 && LAST_RC == 0)) && echo "met (apply rc 0, plan shows no changes)" || echo "missed (apply rc $rl_rc, plan rc $LAST_RC)")"

# 5. Refresh of many recorded connections uses the same bounded parallelism.
echo "[5/9] refresh of $REFRESHED recorded connections at ${LATENCY} ms"
start_emulator "$LATENCY"
workspace "$WORK/refresh" "$REFRESHED" "rf"
timed refresh-setup "$WORK/refresh" -- -jar "$JAR" apply --env bench --auto-approve --no-color --parallelism "$PARALLEL"
declare -A REFRESH_MS
for p in "$PARALLEL"; do
  timed "refresh-$p" "$WORK/refresh" -- -jar "$JAR" refresh --env bench --no-color --parallelism "$p"
  REFRESH_MS[$p]=$LAST_MS
done
stop_emulator
rlimit=$((REFRESHED * LATENCY / PARALLEL))
over=$((REFRESH_MS[$PARALLEL] - rlimit))
row "refresh $REFRESHED recorded, --parallelism $PARALLEL" "$(secs "${REFRESH_MS[$PARALLEL]}")" "$LAST_RSS_MB" \
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
# unchanged; each against its limit N*L/P (what one request per connection costs at best).
BIG_LIMIT=$((BIG * LATENCY / PARALLEL))
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "[7/9] apply $BIG creates at ${LATENCY} ms, --parallelism $PARALLEL (limit $(secs $BIG_LIMIT) s)"
times=()
for run in $(seq 1 "$REPEAT"); do
  start_emulator "$LATENCY"
  workspace "$WORK/big" "$BIG" "big"
  timed big-apply "$WORK/big" -- -jar "$JAR" apply --env bench --auto-approve --no-color --parallelism "$PARALLEL"
  times+=("$LAST_MS")
  echo "  run $run: $(secs "$LAST_MS") s, rc $LAST_RC, $(grep -c ': created' "$WORK/big-apply.out" || true) created"
done
ms=$(median "${times[@]}"); r=$(ratio "$ms" "$BIG_LIMIT")
row "apply $BIG creates, --parallelism $PARALLEL" "$(secs "$ms")" "$LAST_RSS_MB" "<= 1.5 x limit $(secs $BIG_LIMIT) s" \
  "$(awk -v r="$r" 'BEGIN { exit !(r <= 1.5) }' && echo "met (x$r)" || echo "missed (x$r)"); CPU $LAST_CPU s"
echo "[8/9] refresh of $BIG recorded connections, pages of at most $PAGE_SIZE"
times=()
for _ in $(seq 1 "$REPEAT"); do
  timed big-refresh "$WORK/big" -- -jar "$JAR" refresh --env bench --no-color --parallelism "$PARALLEL"
  times+=("$LAST_MS")
done
ms=$(median "${times[@]}"); r=$(ratio "$ms" "$BIG_LIMIT")
row "refresh $BIG recorded, pages of at most $PAGE_SIZE" "$(secs "$ms")" "$LAST_RSS_MB" "< 1.5 s (x$(ratio 1500 "$BIG_LIMIT") of limit $(secs $BIG_LIMIT) s)" \
  "$( ((LAST_RC == 0 && ms < 1500)) && echo "met (x$r)" || echo "missed (rc $LAST_RC, x$r)"); CPU $LAST_CPU s"
echo "[9/9] plan with refresh of $BIG unchanged connections"
times=()
for _ in $(seq 1 "$REPEAT"); do
  timed big-plan "$WORK/big" -- -jar "$JAR" plan --env bench --no-color --detailed-exitcode --parallelism "$PARALLEL"
  times+=("$LAST_MS")
done
stop_emulator
ms=$(median "${times[@]}"); r=$(ratio "$ms" "$BIG_LIMIT")
row "plan (refresh) of $BIG unchanged" "$(secs "$ms")" "$LAST_RSS_MB" "ratio to limit $(secs $BIG_LIMIT) s" \
  "$( ((LAST_RC == 0)) && echo "x$r, no changes" || echo "x$r, rc $LAST_RC"); CPU $LAST_CPU s"

{
  echo "## Results ($(date -u +%Y-%m-%d), $(nproc 2>/dev/null || echo '?') cores)"
  echo
  echo "| measure | wall s | max RSS MB | target | verdict |"
  echo "| --- | --- | --- | --- | --- |"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Emulator latency ${LATENCY} ms; median of $REPEAT run(s) where repeated; max RSS $( [[ -n "$TIME_V" ]] && echo "from /usr/bin/time -v" || echo "not measured (no /usr/bin/time -v)")."
} >"$OUT"
echo "results written to $OUT"
cat "$OUT"
