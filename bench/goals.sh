#!/usr/bin/env bash
# The performance goals of issues 19 and 22, each timed as a whole process and paired with
# `flowform version` timed in the same run (A B A B ...), medians quoted:
#   apply 400 creates and 2,000 creates at 25 ms latency, --parallelism 16, against N*L/P;
#   refresh of 2,000 recorded connections;
#   apply of 100 HubSpot pipelines (500 resources) at 25 ms, --parallelism 16;
#   validate of the examples against version (wall and CPU).
# Run it on a quiet machine (nothing else running): ./mvnw -q package -DskipTests && bench/goals.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA:-java}"
# JVM options for every flowform run timed (not the emulator): BENCH_JAVA_OPTS="-XX:+UseSerialGC
# -XX:TieredStopAtLevel=1" measures what bin/flowform runs with (without its class archive)
read -r -a OPTS <<<"${BENCH_JAVA_OPTS:-}"
JAR="${FLOWFORM_JAR:-target/flowform.jar}"
RUNS="${BENCH_REPEAT:-3}"
LATENCY=25
PARALLEL=16
[[ -f "$JAR" ]] || { echo "no $JAR: build it first with ./mvnw -q package -DskipTests" >&2; exit 2; }
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/flowform-goals.XXXXXX")"
EMULATOR_PID=""
stop_emulator() {
  if [[ -n "$EMULATOR_PID" ]]; then kill "$EMULATOR_PID" 2>/dev/null || true; wait "$EMULATOR_PID" 2>/dev/null || true; fi
  EMULATOR_PID=""
}
trap 'stop_emulator; rm -rf "$WORK"' EXIT
export AEP_CLIENT_ID=bench-client AEP_CLIENT_SECRET=bench-secret-not-real
export HS_CLIENT_SECRET=hs-secret-not-real HS_ACCESS_TOKEN=hs-token-not-real HS_REFRESH_TOKEN=hs-refresh-not-real
now_ms() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }

start_emulator() {
  stop_emulator
  "$JAVA" -jar "$JAR" emulator --port 0 --latency "$LATENCY" --seed 1 --sandboxes bench >"$WORK/emulator.log" 2>&1 &
  EMULATOR_PID=$!
  for _ in $(seq 1 200); do grep -q '^IMS: ' "$WORK/emulator.log" 2>/dev/null && break; sleep 0.05; done
  FS_URL="$(sed -n 's/^Flow Service: //p' "$WORK/emulator.log")"
  IMS_URL="$(sed -n 's/^IMS: //p' "$WORK/emulator.log")"
  [[ -n "$FS_URL" ]] || { cat "$WORK/emulator.log" >&2; exit 1; }
  sleep 1
}

# workspace DIR CONNECTIONS PIPELINES: an environment "bench" at the emulator, CONNECTIONS base
# connections, and on the first PIPELINES of them a source, a target, a mapping set and a dataflow
workspace() {
  local dir="$1"
  rm -rf "$dir"; mkdir -p "$dir/manifests"
  cat >"$dir/manifests/bench.yaml" <<EOF
apiVersion: flowform/v1
kind: Environment
metadata: {name: bench}
spec:
  sandbox: bench
  orgId: 5C13B1D2E3F4A5B6C7D8E9F0@AdobeOrg
  endpoint: $FS_URL
  credentials:
    clientId: \${env:AEP_CLIENT_ID}
    clientSecret: \${env:AEP_CLIENT_SECRET}
    imsEndpoint: $IMS_URL
EOF
  awk -v n="$2" -v p="$3" -v d="$dir/manifests" 'BEGIN {
    for (i = 1; i <= n; i++) {
      f = sprintf("%s/c%05d.yaml", d, i)
      printf "apiVersion: flowform/v1\nkind: HubSpotConnection\nmetadata: {name: c%05d}\n", i > f
      printf "spec:\n  name: Bench %05d\n  auth:\n    params:\n      clientId: app-%05d\n", i, i > f
      printf "      clientSecret: ${env:HS_CLIENT_SECRET}\n      accessToken: ${env:HS_ACCESS_TOKEN}\n" > f
      printf "      refreshToken: ${env:HS_REFRESH_TOKEN}\n" > f
      if (i <= p) {
        s = "https://ns.adobe.com/bench/schemas/s" i
        printf "---\napiVersion: flowform/v1\nkind: SourceConnection\nmetadata: {name: s%05d}\n", i > f
        printf "spec: {name: Source %05d, baseConnection: c%05d, path: Hubspot.Contacts}\n", i, i > f
        printf "---\napiVersion: flowform/v1\nkind: TargetConnection\nmetadata: {name: t%05d}\n", i > f
        printf "spec: {name: Target %05d, dataSetId: ds%05d, schema: \"%s\"}\n", i, i, s > f
        printf "---\napiVersion: flowform/v1\nkind: MappingSet\nmetadata: {name: m%05d}\n", i > f
        printf "spec: {schema: \"%s\", mappings: [{source: Vid, destination: _id%d}]}\n", s, i > f
        printf "---\napiVersion: flowform/v1\nkind: Dataflow\nmetadata: {name: f%05d}\n", i > f
        printf "spec:\n  name: Flow %05d\n  source: s%05d\n  target: t%05d\n  mapping: m%05d\n", i, i, i, i > f
        printf "  deltaColumn: {name: updatedAt}\n" > f
        printf "  schedule: {frequency: hour, interval: 1, startTime: \"2030-01-01T00:00:00Z\"}\n" > f
      }
      close(f)
    }
  }'
}

# timed DIR ARGS...: milliseconds of one flowform run in DIR; its exit code in $WORK/last.rc
timed() {
  local dir="$1"; shift
  local start end rc=0
  start=$(now_ms)
  (cd "$dir" && "$JAVA" ${OPTS[@]+"${OPTS[@]}"} -jar "$JAR" "$@" >"$WORK/last.out" 2>&1) || rc=$?
  end=$(now_ms)
  echo "$rc" >"$WORK/last.rc"
  echo $((end - start))
}
last_ok() { [[ "$(cat "$WORK/last.rc")" == 0 ]] || { cat "$WORK/last.out" >&2; exit 1; }; }

version_ms() { timed "$WORK" version; }

# report NAME MS VERSION_MS LIMIT_MS FACTOR_TENTHS: one row; the goal is FACTOR x the limit + version
report() {
  local name="$1" ms="$2" ver="$3" limit="$4" factor="$5"
  local goal=$(( factor * limit / 10 + ver ))
  printf '| %s | %s s | %s s | %s s | %s | %s s | %s |\n' "$name" "$(secs "$ms")" "$(secs "$ver")" \
    "$(secs "$limit")" "$(awk -v a="$ms" -v b="$limit" 'BEGIN { printf "%.2fx", a / b }')" \
    "$(secs "$goal")" "$( ((ms <= goal)) && echo met || echo missed)"
}

echo "| measure | median | version (same run) | limit N*L/P | ratio to the limit | goal | verdict |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for spec in "apply 400 creates:400:0:20" "apply 2,000 creates:2000:0:15" "apply 100 pipelines (500 resources):100:100:20"; do
  IFS=: read -r name n p factor <<<"$spec"
  resources=$((n + 4 * p))
  limit=$((resources * LATENCY / PARALLEL))
  times=(); versions=()
  for _ in $(seq 1 "$RUNS"); do
    start_emulator
    workspace "$WORK/w" "$n" "$p"
    versions+=("$(version_ms)")
    times+=("$(timed "$WORK/w" apply --env bench --auto-approve --no-color --parallelism "$PARALLEL")")
    last_ok
  done
  report "$name, ${LATENCY} ms, -p $PARALLEL" "$(median "${times[@]}")" "$(median "${versions[@]}")" "$limit" "$factor"
done
start_emulator
workspace "$WORK/r" 2000 0
timed "$WORK/r" apply --env bench --auto-approve --no-color --parallelism "$PARALLEL" >/dev/null
last_ok
times=(); versions=()
for _ in $(seq 1 "$RUNS"); do
  versions+=("$(version_ms)")
  times+=("$(timed "$WORK/r" refresh --env bench --parallelism "$PARALLEL")")
  last_ok
done
ms=$(median "${times[@]}")
printf '| refresh of 2,000 recorded | %s s | %s s | | | 1.50 s | %s |\n' "$(secs "$ms")" \
  "$(secs "$(median "${versions[@]}")")" "$( ((ms <= 1500)) && echo met || echo missed)"
stop_emulator
times=(); versions=()
for _ in $(seq 1 "$RUNS"); do
  versions+=("$(version_ms)")
  times+=("$(timed "$PWD" validate)")
  last_ok
done
ms=$(median "${times[@]}"); ver=$(median "${versions[@]}")
printf '| validate (examples) | %s s | %s s | | %s of version | 2x version | %s |\n' "$(secs "$ms")" \
  "$(secs "$ver")" "$(awk -v a="$ms" -v b="$ver" 'BEGIN { printf "%.2fx", a / b }')" \
  "$( ((ms <= 2 * ver)) && echo met || echo missed)"
