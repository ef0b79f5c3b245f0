# shellcheck shell=bash
# shellcheck disable=SC2034 # LAST_* and the settings are read by the scripts that source this
# Shared parts of the benchmark scripts in bench/, sourced by each of them after `set -euo pipefail`:
#
#   source "$(dirname "$0")/lib.sh"; bench_init NAME     # a work folder, removed on exit
#
# What it gives:
#   HERE ROOT JAR JAVA       bench/, the repository, the jar (FLOWFORM_JAR), the java (JAVA)
#   FLOWFORM=(...)           java [BENCH_JAVA_OPTS] -jar JAR: the command line timed (or
#                            BENCH_LAUNCHER, e.g. bin/flowform, trained first)
#   start_emulator [ARGS]    a fresh emulator at $LATENCY with sandboxes bench and warm, warmed up
#                            (below); ARGS go to `flowform emulator`; sets FS_URL and IMS_URL
#   stop_emulator
#   workspace DIR N [P [TAG [ENV [STATE]]]]
#                            an Environment ENV (default bench) at the emulator and N HubSpot
#                            connections, the first P of them with a whole pipeline each
#   timed NAME DIR CMD...    runs CMD in DIR; sets LAST_MS, LAST_CPU_MS, LAST_RSS_MB, LAST_RC,
#                            LAST_START_MS
#   require_ok NAME          exits with CMD's last lines when the last timed run failed
#   version_run              times `flowform version` (the yardstick): LAST_MS and LAST_CPU_MS
#   median, secs, ratio      arithmetic on milliseconds
#   goal_header, goal_row    the goals table of issues 19 and 22 (ratio to the limit N*L/P)
#
# The emulator runs on the same cores as flowform. Its JVM starts with EMULATOR_JAVA_OPTS (default
# -XX:TieredStopAtLevel=1 -XX:+UseSerialGC) and, before anything is timed against it, takes one
# untimed apply of WARM_CONNECTIONS connections (BENCH_WARM_CONNECTIONS, default 300) and
# WARM_PIPELINES pipelines (BENCH_WARM_PIPELINES; scripts that time pipelines set a few) into its
# sandbox `warm`, from a workspace of its own with its own state, so that its JIT compiles its
# request paths then and not during the run timed. BENCH_COLD_EMULATOR=1 skips that warm-up.

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR="${FLOWFORM_JAR:-$ROOT/target/flowform.jar}"
JAVA="${JAVA:-java}"
[[ -f "$JAR" ]] || { echo "no $JAR: build it first with ./mvnw -q package -DskipTests" >&2; exit 2; }
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
# JVM options for every flowform run timed (not the emulator's): BENCH_JAVA_OPTS="-XX:+UseSerialGC
# -XX:TieredStopAtLevel=1" measures what bin/flowform runs with (without its class archive)
read -r -a BENCH_OPTS <<<"${BENCH_JAVA_OPTS:-}"
FLOWFORM=("$JAVA" ${BENCH_OPTS[@]+"${BENCH_OPTS[@]}"} -jar "$JAR")
# BENCH_LAUNCHER=bin/flowform times the launcher instead (its class archive or AOT cache, the serial
# collector, the client compiler): it trains once here, untimed, before anything is measured
if [[ -n "${BENCH_LAUNCHER:-}" ]]; then
  FLOWFORM=("$(cd "$(dirname "$BENCH_LAUNCHER")" && pwd)/$(basename "$BENCH_LAUNCHER")")
  FLOWFORM_JAR="$JAR" JAVA="$JAVA" "${FLOWFORM[@]}" version >/dev/null 2>&1
fi
read -r -a EMULATOR_OPTS <<<"${EMULATOR_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
LATENCY="${LATENCY:-25}"     # ms the emulator adds to every request
PARALLEL="${PARALLEL:-16}"
WARM_CONNECTIONS="${BENCH_WARM_CONNECTIONS:-300}"
WARM_PIPELINES="${BENCH_WARM_PIPELINES:-0}"
# /usr/bin/time -v, for the maximum RSS, when it works here ("" otherwise; a script may clear it)
TIME_V=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then TIME_V=/usr/bin/time; fi

# Fake credentials for the emulator only (it grants a token to any client).
export AEP_CLIENT_ID=bench-client AEP_CLIENT_SECRET=bench-secret-not-real
export HS_CLIENT_SECRET=hs-secret-not-real HS_ACCESS_TOKEN=hs-token-not-real HS_REFRESH_TOKEN=hs-refresh-not-real

WORK=""
EMULATOR_PID=""
FS_URL=""
IMS_URL=""

# bench_init NAME: the work folder $WORK; on exit the emulator is stopped, bench_cleanup (when the
# script defines one) is called and $WORK removed
bench_init() {
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/flowform-$1.XXXXXX")"
  trap bench_exit EXIT
}
bench_exit() {
  stop_emulator
  if declare -F bench_cleanup >/dev/null; then bench_cleanup; fi
  if [[ -n "$WORK" ]]; then rm -rf "$WORK"; fi
}

now_ms() { date +%s%3N; }
# median of the arguments (the upper one of an even count)
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# start_emulator [ARGS...]: a fresh emulator (nothing in it) at $LATENCY; sets FS_URL and IMS_URL;
# then the warm-up (unless BENCH_COLD_EMULATOR=1)
start_emulator() {
  stop_emulator
  local log="$WORK/emulator.log"
  "$JAVA" ${EMULATOR_OPTS[@]+"${EMULATOR_OPTS[@]}"} -jar "$JAR" emulator --port 0 --latency "$LATENCY" \
    --seed 1 --sandboxes bench,warm "$@" >"$log" 2>&1 &
  EMULATOR_PID=$!
  for _ in $(seq 1 200); do
    if grep -q '^IMS: ' "$log" 2>/dev/null; then break; fi
    sleep 0.05
  done
  FS_URL="$(sed -n 's/^Flow Service: //p' "$log")"
  IMS_URL="$(sed -n 's/^IMS: //p' "$log")"
  [[ -n "$FS_URL" && -n "$IMS_URL" ]] || { cat "$log" >&2; echo "emulator did not start" >&2; exit 1; }
  if [[ "${BENCH_COLD_EMULATOR:-0}" != 1 ]]; then warm_emulator; fi
  sleep 1 # let its JVM settle: on 2 cores its compiler threads would otherwise compete with the run timed
}
stop_emulator() {
  if [[ -n "$EMULATOR_PID" ]]; then kill "$EMULATOR_PID" 2>/dev/null || true; wait "$EMULATOR_PID" 2>/dev/null || true; fi
  EMULATOR_PID=""
}
# warm_emulator: one untimed apply into the sandbox `warm`, in a workspace and state of its own
warm_emulator() {
  workspace "$WORK/warm" "$WARM_CONNECTIONS" "$WARM_PIPELINES" warm warm
  timed warm-up "$WORK/warm" "${FLOWFORM[@]}" apply --env warm --auto-approve --no-color --parallelism "$PARALLEL"
  require_ok warm-up
}

# workspace DIR CONNECTIONS [PIPELINES [TAG [ENV [STATE]]]]: an Environment ENV (default bench, its
# sandbox of the same name) at the emulator (or at a closed port when none runs), with STATE as its
# state when given; CONNECTIONS HubSpot connections TAG-00001... (default tag c); and on the first
# PIPELINES of them a source connection, a target connection, a mapping set and a dataflow each
workspace() {
  local dir="$1" n="$2" p="${3:-0}" tag="${4:-c}" env="${5:-bench}" state="${6:-}"
  rm -rf "$dir"; mkdir -p "$dir/manifests/environments" "$dir/manifests/connections" "$dir/manifests/pipelines"
  {
    cat <<EOF
apiVersion: flowform/v1
kind: Environment
metadata:
  name: $env
spec:
  sandbox: $env
  orgId: 5C13B1D2E3F4A5B6C7D8E9F0@AdobeOrg
  endpoint: ${FS_URL:-http://127.0.0.1:1/data/foundation/flowservice}
EOF
    if [[ -n "$state" ]]; then echo "  state: $state"; fi
    cat <<EOF
  credentials:
    clientId: \${env:AEP_CLIENT_ID}
    clientSecret: \${env:AEP_CLIENT_SECRET}
    imsEndpoint: ${IMS_URL:-http://127.0.0.1:1/ims/token/v3}
EOF
  } >"$dir/manifests/environments/$env.yaml"
  awk -v n="$n" -v np="$p" -v t="$tag" -v d="$dir/manifests" 'BEGIN {
    schema = "https://ns.adobe.com/acme/schemas/3a1f0c"
    for (i = 1; i <= n; i++) {
      c = sprintf("%s/connections/%s-%05d.yaml", d, t, i)
      printf "apiVersion: flowform/v1\nkind: HubSpotConnection\nmetadata:\n  name: %s-%05d\n", t, i > c
      printf "spec:\n  name: Bench %s %05d\n  description: Benchmark connection %d\n", t, i, i > c
      printf "  auth:\n    params:\n      clientId: hubspot-app-%05d\n", i > c
      printf "      clientSecret: ${env:HS_CLIENT_SECRET}\n      accessToken: ${env:HS_ACCESS_TOKEN}\n" > c
      printf "      refreshToken: ${env:HS_REFRESH_TOKEN}\n" > c
      close(c)
      if (i > np) continue
      f = sprintf("%s/pipelines/%s-%05d.yaml", d, t, i)
      printf "apiVersion: flowform/v1\nkind: SourceConnection\nmetadata: {name: %s-%05d}\n", t, i > f
      printf "spec:\n  name: Bench contacts %s %05d\n  baseConnection: %s-%05d\n  path: Hubspot.Contacts\n---\n", t, i, t, i > f
      printf "apiVersion: flowform/v1\nkind: TargetConnection\nmetadata: {name: %s-%05d}\n", t, i > f
      printf "spec:\n  name: Bench lake %s %05d\n  dataSetId: 5ed5639d798a22191b6987b2\n  schema: %s\n---\n", t, i, schema > f
      printf "apiVersion: flowform/v1\nkind: MappingSet\nmetadata: {name: %s-%05d}\n", t, i > f
      printf "spec:\n  schema: %s\n  mappings:\n    - {source: Vid%05d, destination: _id}\n---\n", schema, i > f
      printf "apiVersion: flowform/v1\nkind: Dataflow\nmetadata: {name: %s-%05d}\n", t, i > f
      printf "spec:\n  name: Bench flow %s %05d\n  source: %s-%05d\n  target: %s-%05d\n  mapping: %s-%05d\n", t, i, t, i, t, i, t, i > f
      printf "  deltaColumn: {name: updatedAt}\n" > f
      printf "  schedule: {frequency: hour, interval: 1, startTime: \"2030-01-01T00:00:00Z\"}\n" > f
      close(f)
    }
  }'
}

# children_cpu_ms FILE: user + system ms of every child this shell has waited for, from the output
# of bash's `times` in FILE (its second line)
children_cpu_ms() {
  awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { gsub(",", ".", $i); split($i, a, "m"); sub("s", "", a[2]); t += a[1] * 60 + a[2] }
    printf "%d", t * 1000 + 0.5 }' "$1"
}

# timed NAME DIR CMD...: runs CMD (a command, or a function of the script) in DIR, its output in
# $WORK/NAME.out. Sets LAST_MS (wall clock), LAST_CPU_MS (user + system of CMD and its children,
# from bash's `times`), LAST_RSS_MB (with /usr/bin/time -v, when CMD is not a function; "-"
# otherwise), LAST_RC (its exit code; the script decides whether a failure may go on) and
# LAST_START_MS (the epoch ms just before it started)
timed() {
  local name="$1" dir="$2"; shift 2
  local start end rc=0 wrap=()
  rm -f "$WORK/$name.time"
  if [[ -n "$TIME_V" ]] && ! declare -F "$1" >/dev/null; then wrap=("$TIME_V" -v -o "$WORK/$name.time"); fi
  start=$(now_ms)
  times >"$WORK/.cpu0"
  (cd "$dir" && ${wrap[@]+"${wrap[@]}"} "$@" >"$WORK/$name.out" 2>&1) || rc=$?
  times >"$WORK/.cpu1"
  end=$(now_ms)
  LAST_START_MS=$start
  LAST_MS=$((end - start))
  LAST_CPU_MS=$(( $(children_cpu_ms "$WORK/.cpu1") - $(children_cpu_ms "$WORK/.cpu0") ))
  LAST_RSS_MB="-"
  if [[ -f "$WORK/$name.time" ]]; then
    LAST_RSS_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$WORK/$name.time")
  fi
  LAST_RC=$rc
}

# require_ok NAME: stops the script when the last timed run (NAME) failed: a failed run is not a time
require_ok() {
  if ((LAST_RC != 0)); then
    echo "$1 exited $LAST_RC; last lines of its output:" >&2
    tail -20 "$WORK/$1.out" >&2
    exit 1
  fi
}

# version_run: times `flowform version` (the same JVM options as the runs timed) in $WORK
version_run() {
  timed version "$WORK" "${FLOWFORM[@]}" version
  require_ok version
}

# paired NAME DIR CMD...: RUNS times (default 3) `version`, then CMD in DIR; stops at a failure.
# Sets PAIRED_MS and PAIRED_VERSION_MS, the medians
paired() {
  local name="$1" dir="$2" times=() versions=(); shift 2
  for _ in $(seq 1 "${RUNS:-3}"); do
    version_run; versions+=("$LAST_MS")
    timed "$name" "$dir" "$@"
    require_ok "$name"
    times+=("$LAST_MS")
  done
  PAIRED_MS=$(median "${times[@]}"); PAIRED_VERSION_MS=$(median "${versions[@]}")
}

# goal_ms LIMIT_MS FACTOR_TENTHS VERSION_MS: the goal FACTOR x the limit + the start-up of version
goal_ms() { echo $(($1 * $2 / 10 + $3)); }

goal_header() {
  echo "| measure | median | version (same run) | limit N*L/P | ratio to the limit | goal | verdict |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
}
# goal_row NAME MS VERSION_MS LIMIT_MS GOAL_MS: one row of the goals table; met when MS <= GOAL_MS.
# An empty LIMIT_MS leaves the limit and the ratio out.
goal_row() {
  local name="$1" ms="$2" ver="$3" limit="$4" goal="$5" cells="| |"
  if [[ -n "$limit" ]]; then cells="$(secs "$limit") s | $(ratio "$ms" "$limit")x |"; fi
  printf '| %s | %s s | %s s | %s %s s | %s |\n' "$name" "$(secs "$ms")" "$(secs "$ver")" \
    "$cells" "$(secs "$goal")" "$( ((ms <= goal)) && echo met || echo missed)"
}
