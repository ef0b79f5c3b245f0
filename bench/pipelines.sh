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
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR="${FLOWFORM_JAR:-$ROOT/target/flowform.jar}"
JAVA="${JAVA:-java}"
OUT="${BENCH_OUT:-$HERE/pipelines-results.md}"
PIPELINES="${PIPELINES:-100}"
LATENCY="${LATENCY:-25}"        # ms the emulator adds to every request
PARALLEL="${PARALLEL:-16}"
REPEAT="${BENCH_REPEAT:-3}"     # runs per timing; the median is reported
RESOURCES=$((PIPELINES * 5))

[[ -f "$JAR" ]] || { echo "no $JAR: build it first with ./mvnw -q package -DskipTests" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/flowform-pipelines.XXXXXX")"
EMULATOR_PID=""
stop_emulator() {
  if [[ -n "$EMULATOR_PID" ]]; then kill "$EMULATOR_PID" 2>/dev/null || true; wait "$EMULATOR_PID" 2>/dev/null || true; fi
  EMULATOR_PID=""
}
cleanup() { stop_emulator; rm -rf "$WORK"; }
trap cleanup EXIT

# Fake credentials for the emulator only (it grants a token to any client).
export AEP_CLIENT_ID=bench-client AEP_CLIENT_SECRET=bench-secret-not-real
export HS_CLIENT_SECRET=hs-secret-not-real HS_ACCESS_TOKEN=hs-token-not-real HS_REFRESH_TOKEN=hs-refresh-not-real

now_ms() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }

# start_emulator: a fresh emulator (nothing in it) at $LATENCY; sets FS_URL and IMS_URL
start_emulator() {
  stop_emulator
  local log="$WORK/emulator.log"
  "$JAVA" -jar "$JAR" emulator --port 0 --latency "$LATENCY" --seed 1 >"$log" 2>&1 &
  EMULATOR_PID=$!
  for _ in $(seq 1 200); do
    if grep -q '^IMS: ' "$log" 2>/dev/null; then break; fi
    sleep 0.05
  done
  FS_URL="$(sed -n 's/^Flow Service: //p' "$log")"
  IMS_URL="$(sed -n 's/^IMS: //p' "$log")"
  [[ -n "$FS_URL" && -n "$IMS_URL" ]] || { cat "$log" >&2; echo "emulator did not start" >&2; exit 1; }
  sleep 1 # let its JVM settle: on 2 cores its start-up would otherwise compete with the run timed
}

# workspace DIR: environment "bench" on the emulator, and $PIPELINES pipelines of five resources each
workspace() {
  local dir="$1"
  rm -rf "$dir"; mkdir -p "$dir/manifests/environments" "$dir/manifests/connections" "$dir/manifests/pipelines"
  cat >"$dir/manifests/environments/bench.yaml" <<EOF
apiVersion: flowform/v1
kind: Environment
metadata:
  name: bench
spec:
  sandbox: bench
  orgId: 5C13B1D2E3F4A5B6C7D8E9F0@AdobeOrg
  endpoint: $FS_URL
  credentials:
    clientId: \${env:AEP_CLIENT_ID}
    clientSecret: \${env:AEP_CLIENT_SECRET}
    imsEndpoint: $IMS_URL
EOF
  awk -v n="$PIPELINES" -v d="$dir/manifests" 'BEGIN {
    schema = "https://ns.adobe.com/acme/schemas/3a1f0c"
    for (i = 1; i <= n; i++) {
      c = sprintf("%s/connections/conn-%05d.yaml", d, i)
      printf "apiVersion: flowform/v1\nkind: HubSpotConnection\nmetadata:\n  name: conn-%05d\n", i > c
      printf "spec:\n  name: Bench HubSpot %05d\n  auth:\n    params:\n      clientId: hubspot-app-%05d\n", i, i > c
      printf "      clientSecret: ${env:HS_CLIENT_SECRET}\n      accessToken: ${env:HS_ACCESS_TOKEN}\n" > c
      printf "      refreshToken: ${env:HS_REFRESH_TOKEN}\n" > c
      close(c)
      p = sprintf("%s/pipelines/p-%05d.yaml", d, i)
      printf "apiVersion: flowform/v1\nkind: SourceConnection\nmetadata: {name: p-%05d}\n", i > p
      printf "spec:\n  name: Bench contacts %05d\n  baseConnection: conn-%05d\n  path: Hubspot.Contacts\n---\n", i, i > p
      printf "apiVersion: flowform/v1\nkind: TargetConnection\nmetadata: {name: p-%05d}\n", i > p
      printf "spec:\n  name: Bench lake %05d\n  dataSetId: 5ed5639d798a22191b6987b2\n  schema: %s\n---\n", i, schema > p
      printf "apiVersion: flowform/v1\nkind: MappingSet\nmetadata: {name: p-%05d}\n", i > p
      printf "spec:\n  schema: %s\n  mappings:\n    - {source: Vid%05d, destination: _id}\n---\n", schema, i > p
      printf "apiVersion: flowform/v1\nkind: Dataflow\nmetadata: {name: p-%05d}\n", i > p
      printf "spec:\n  name: Bench flow %05d\n  source: p-%05d\n  target: p-%05d\n  mapping: p-%05d\n", i, i, i, i > p
      printf "  deltaColumn: {name: updatedAt}\n" > p
      printf "  schedule: {frequency: hour, interval: 1, startTime: \"2026-12-01T00:00:00Z\"}\n" > p
      close(p)
    }
  }'
}

# timed DIR ARGS...: wall-clock ms of one flowform run in DIR, in LAST_MS; its exit code in LAST_RC
timed() {
  local dir="$1"; shift
  local start rc=0
  start=$(now_ms)
  (cd "$dir" && "$JAVA" -jar "$JAR" "$@" >"$WORK/last.out" 2>&1) || rc=$?
  LAST_MS=$(($(now_ms) - start))
  LAST_RC=$rc
  if (( rc != 0 && rc != 2 )); then echo "  flowform $* exited $rc; last lines:" >&2; tail -5 "$WORK/last.out" >&2; fi
}

echo "flowform pipeline benchmark in $WORK: $PIPELINES pipelines ($RESOURCES resources), ${LATENCY} ms, --parallelism $PARALLEL"

echo "[1/3] start-up: flowform version (median of $REPEAT after one untimed run)"
timed "$WORK" version
VERSION_RUNS=()
for _ in $(seq 1 "$REPEAT"); do timed "$WORK" version; VERSION_RUNS+=("$LAST_MS"); done
VERSION_MS=$(median "${VERSION_RUNS[@]}")
echo "  version: $(secs "$VERSION_MS") s"

echo "[2/3] apply --auto-approve --parallelism $PARALLEL (a fresh emulator each run)"
APPLY_RUNS=()
CLEAN="yes"
for run in $(seq 1 "$REPEAT"); do
  start_emulator
  workspace "$WORK/ws"
  timed "$WORK/ws" apply --env bench --auto-approve --parallelism "$PARALLEL" --no-color
  (( LAST_RC == 0 )) || { echo "apply failed" >&2; exit 1; }
  APPLY_RUNS+=("$LAST_MS")
  echo "  run $run: $(secs "$LAST_MS") s"
  # [3/3] after each apply, the next plan must show no change (not timed)
  timed "$WORK/ws" plan --env bench --detailed-exitcode --no-color
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
