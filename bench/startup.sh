#!/usr/bin/env bash
# flowform start-up benchmark: `validate` and the time to the first request on the repository's
# example manifests, with plain `java -jar` and through bin/flowform (AppCDS on JDK 17-24, the AOT
# cache on JDK 25+). Medians of RUNS runs after one untimed run, each run paired with `java -jar
# flowform.jar version` timed right before it (A B A B ...), and every row given as a ratio to that
# yardstick, in wall-clock and in CPU time (user + system of the whole process tree). Then the
# start-up goals of issue 22, each from runs alternated in the same loop:
#   validate (examples), java -jar        <= 2x java -jar version
#   bin/flowform validate, JDK 25 (AOT)   <= 0.5x plain java -jar validate, in CPU
#
#   ./mvnw -q package -DskipTests && bench/startup.sh      # a few minutes on an idle machine
#   bench/startup.sh --quick                               # 3 runs each
#
# JAVA: the java to measure (default: java on the PATH). JAVA_AOT: a JDK 25+ java for the AOT rows
# (default: the first JDK 25+ under /usr/lib/jvm; rows and goal skipped without one). FLOWFORM_JAR:
# another jar. STARTUP_TABLE=file: also write the tables there (bench/run.sh does). The launcher
# runs on a copy of the jar in a temporary folder, so the archives beside target/flowform.jar are
# left alone, and its first (training) run is timed on its own. A run that should succeed and
# fails stops the script; it is not timed.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
RUNS=9
[[ "${1:-}" == "--quick" ]] && RUNS=3
TIME_V="" # CPU time from bash's `times` for every row alike; no RSS

feature() { # the feature release of a java, from its release file
  local home
  home="$(readlink -f "$(command -v "$1")")"
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "${home%/bin/java}/release" 2>/dev/null
}
JAVA_AOT="${JAVA_AOT:-}"
if [[ -z "$JAVA_AOT" ]]; then
  for candidate in /usr/lib/jvm/*/bin/java; do
    [[ -x "$candidate" ]] || continue
    f="$(feature "$candidate")"
    if [[ -n "$f" ]] && ((f >= 25)); then JAVA_AOT="$candidate"; break; fi
  done
fi

bench_init startup
LISTENER_PID=""
bench_cleanup() {
  if [[ -n "$LISTENER_PID" ]]; then kill "$LISTENER_PID" 2>/dev/null || true; wait "$LISTENER_PID" 2>/dev/null || true; fi
}

verdict() { # verdict MS TARGET_MS
  if [[ -z "$2" ]]; then echo "-"; elif (($1 < $2)); then echo met; else echo "missed by $(secs $(($1 - $2))) s"; fi
}
ROWS=()
# row LABEL WALL_MS CPU_MS VERSION_WALL_MS VERSION_CPU_MS TARGET_MS (of the wall time; may be empty)
row() {
  local target="-" wr cr
  [[ -n "$6" ]] && target="< $(secs "$6") s"
  wr="$(ratio "$2" "$4")x"; cr="$(ratio "$3" "$5")x"
  ROWS+=("| $1 | $(secs "$2") | $(secs "$3") | $(secs "$4") | $(secs "$5") | $wr | $cr | $target | $(verdict "$2" "$6") |")
  echo "  $1: $(secs "$2") s wall ($wr version), $(secs "$3") s CPU ($cr version) (target $target)"
}
GOALS=()
# goal LABEL A_MS B_MS MAX: A / B must be at most MAX
goal() {
  local r
  r="$(ratio "$2" "$3")"
  GOALS+=("| $1 | $(secs "$2") s / $(secs "$3") s | ${r}x | <= ${4}x | $(awk -v r="$r" -v m="$4" 'BEGIN { print (r <= m ? "met" : "missed") }') |")
  echo "  goal: $1: ${r}x (target <= ${4}x)"
}

# the jar as the launcher sees it: a copy, so its archives are made here
mkdir -p "$WORK/jar"
cp "$JAR" "$WORK/jar/flowform.jar"
COPY="$WORK/jar/flowform.jar"
plain() { "$JAVA" -jar "$JAR" "$@"; }
plain_aot_jdk() { "$JAVA_AOT" -jar "$JAR" "$@"; }
launcher() { JAVA="$JAVA" FLOWFORM_JAR="$COPY" "$ROOT/bin/flowform" "$@"; }
launcher_aot() { JAVA="$JAVA_AOT" FLOWFORM_JAR="$COPY" "$ROOT/bin/flowform" "$@"; }

# version: one `java -jar flowform.jar version`, the yardstick (VERSION_WALL+=, VERSION_CPU+=)
version() {
  timed version "$WORK" plain version
  require_ok version
  VERSION_WALL+=("$LAST_MS"); VERSION_CPU+=("$LAST_CPU_MS")
}

# measure N DIR FUNCTION ARGS...: one untimed run, then N runs each after a version run; sets the
# medians M_WALL, M_CPU, V_WALL, V_CPU. The runs must succeed.
measure() {
  local n="$1" dir="$2"; shift 2
  local wall=() cpu=()
  VERSION_WALL=(); VERSION_CPU=()
  timed untimed "$dir" "$@"; require_ok untimed
  for _ in $(seq 1 "$n"); do
    version
    timed run "$dir" "$@"; require_ok run
    wall+=("$LAST_MS"); cpu+=("$LAST_CPU_MS")
  done
  M_WALL=$(median "${wall[@]}"); M_CPU=$(median "${cpu[@]}")
  V_WALL=$(median "${VERSION_WALL[@]}"); V_CPU=$(median "${VERSION_CPU[@]}")
}

echo "flowform start-up benchmark in $WORK"
echo "  JAVA: $("$JAVA" -version 2>&1 | head -1)"
if [[ -n "$JAVA_AOT" ]]; then echo "  JAVA_AOT: $("$JAVA_AOT" -version 2>&1 | head -1)"; else echo "  JAVA_AOT: none (JDK 25+ rows skipped)"; fi
v17="JDK $(feature "$JAVA")"
v25="JDK $(feature "${JAVA_AOT:-$JAVA}")"
timed untimed "$WORK" plain version; require_ok untimed

# 1. validate on the example manifests; the launcher's first run (its training) once each
VERSION_WALL=(); VERSION_CPU=()
version
timed train "$ROOT" launcher validate; require_ok train
row "bin/flowform first run: trains the AppCDS archive, then validate ($v17, once)" "$LAST_MS" "$LAST_CPU_MS" "${VERSION_WALL[0]}" "${VERSION_CPU[0]}" ""
if [[ -n "$JAVA_AOT" ]]; then
  VERSION_WALL=(); VERSION_CPU=()
  version
  timed train "$ROOT" launcher_aot validate; require_ok train
  row "bin/flowform first run: trains the AOT cache, then validate ($v25, once)" "$LAST_MS" "$LAST_CPU_MS" "${VERSION_WALL[0]}" "${VERSION_CPU[0]}" ""
fi
measure "$RUNS" "$ROOT" plain validate
row "validate (examples), plain java -jar ($v17)" "$M_WALL" "$M_CPU" "$V_WALL" "$V_CPU" 600
goal "validate (examples), java -jar, wall, to java -jar version ($v17)" "$M_WALL" "$V_WALL" 2
goal "validate (examples), java -jar, CPU, to java -jar version ($v17)" "$M_CPU" "$V_CPU" 2
measure "$RUNS" "$ROOT" launcher validate
row "validate (examples), bin/flowform ($v17, AppCDS)" "$M_WALL" "$M_CPU" "$V_WALL" "$V_CPU" ""
if [[ -n "$JAVA_AOT" ]]; then
  measure "$RUNS" "$ROOT" plain_aot_jdk validate
  row "validate (examples), plain java -jar ($v25)" "$M_WALL" "$M_CPU" "$V_WALL" "$V_CPU" ""
  measure "$RUNS" "$ROOT" launcher_aot validate
  row "validate (examples), bin/flowform ($v25, AOT cache)" "$M_WALL" "$M_CPU" "$V_WALL" "$V_CPU" 300
  # the AOT goal: bin/flowform on JDK 25 against plain java -jar, alternated in one loop
  plain_cpu=(); plain25_cpu=(); aot_cpu=(); plain_wall=(); aot_wall=()
  for _ in $(seq 1 "$RUNS"); do
    timed run "$ROOT" plain validate; require_ok run; plain_cpu+=("$LAST_CPU_MS"); plain_wall+=("$LAST_MS")
    timed run "$ROOT" launcher_aot validate; require_ok run; aot_cpu+=("$LAST_CPU_MS"); aot_wall+=("$LAST_MS")
    timed run "$ROOT" plain_aot_jdk validate; require_ok run; plain25_cpu+=("$LAST_CPU_MS")
  done
  goal "bin/flowform validate ($v25, AOT cache), CPU, to plain java -jar validate ($v17)" \
    "$(median "${aot_cpu[@]}")" "$(median "${plain_cpu[@]}")" 0.5
  goal "the same, CPU, to plain java -jar validate ($v25)" "$(median "${aot_cpu[@]}")" "$(median "${plain25_cpu[@]}")" 0.5
  goal "the same, wall, to plain java -jar validate ($v17)" "$(median "${aot_wall[@]}")" "$(median "${plain_wall[@]}")" 0.5
else
  GOALS+=("| bin/flowform validate (JDK 25, AOT cache), CPU, to plain java -jar validate | skipped: no JDK 25+ | | <= 0.5x | - |")
fi

# 2. time to the first request: plan --env dev on the examples, dev pointed at a loopback listener
"$JAVA" "$HERE/FirstRequest.java" >"$WORK/listener.log" 2>&1 &
LISTENER_PID=$!
for _ in $(seq 1 200); do grep -q '^port ' "$WORK/listener.log" 2>/dev/null && break; sleep 0.05; done
PORT="$(sed -n 's/^port //p' "$WORK/listener.log")"
[[ -n "$PORT" ]] || { cat "$WORK/listener.log" >&2; echo "the listener did not start" >&2; exit 1; }
mkdir -p "$WORK/ttfr" && cp -r "$ROOT/manifests" "$WORK/ttfr/"
sed -i -e "s#endpoint: https://platform.adobe.io/data/foundation/flowservice#endpoint: http://127.0.0.1:$PORT/data/foundation/flowservice#" \
  -e "s#^\(    clientSecret: \${env:AEP_CLIENT_SECRET}\)#\1\n    imsEndpoint: http://127.0.0.1:$PORT/ims/token/v3#" \
  "$WORK/ttfr/manifests/environments/dev.yaml"
grep -q "imsEndpoint: http://127.0.0.1:$PORT" "$WORK/ttfr/manifests/environments/dev.yaml" ||
  { echo "could not point the dev environment at the listener" >&2; exit 1; }
# fake credentials: the listener refuses every token request, so flowform stops after it
export AEP_ORG_ID=5C13B1D2E3F4A5B6C7D8E9F0@AdobeOrg AEP_CLIENT_ID=bench-client AEP_CLIENT_SECRET=bench-not-real
for v in HUBSPOT_MARKETING_CLIENT_SECRET HUBSPOT_MARKETING_ACCESS_TOKEN HUBSPOT_MARKETING_REFRESH_TOKEN \
  HUBSPOT_SALES_CLIENT_SECRET HUBSPOT_SALES_ACCESS_TOKEN HUBSPOT_SALES_REFRESH_TOKEN; do export "$v=bench-not-real"; done

# first_request FUNCTION: medians of the ms from starting `plan --env dev` to its first request's
# arrival (M_WALL) and of the whole run's CPU time (M_CPU; the run stops at the listener's answer),
# each run after a version run (V_WALL, V_CPU). The plan fails by design; a request must arrive.
first_request() {
  local wall=() cpu=() before arrived
  VERSION_WALL=(); VERSION_CPU=()
  timed untimed "$WORK/ttfr" "$@" plan --env dev --no-color
  for _ in $(seq 1 "$RUNS"); do
    version
    before=$(grep -c '^request ' "$WORK/listener.log" || true)
    timed run "$WORK/ttfr" "$@" plan --env dev --no-color
    arrived=$(grep '^request ' "$WORK/listener.log" | sed -n "$((before + 1))p" | cut -d' ' -f2)
    [[ -n "$arrived" ]] || { echo "no request arrived" >&2; tail -3 "$WORK/listener.log" >&2; tail -5 "$WORK/run.out" >&2; exit 1; }
    wall+=($((arrived - LAST_START_MS))); cpu+=("$LAST_CPU_MS")
  done
  M_WALL=$(median "${wall[@]}"); M_CPU=$(median "${cpu[@]}")
  V_WALL=$(median "${VERSION_WALL[@]}"); V_CPU=$(median "${VERSION_CPU[@]}")
}
first_request plain
row "time to first request, plan --env dev (examples), plain java -jar ($v17)" "$M_WALL" "$M_CPU" "$V_WALL" "$V_CPU" 500
first_request launcher
row "time to first request, plan --env dev (examples), bin/flowform ($v17, AppCDS)" "$M_WALL" "$M_CPU" "$V_WALL" "$V_CPU" 500
if [[ -n "$JAVA_AOT" ]]; then
  first_request launcher_aot
  row "time to first request, plan --env dev (examples), bin/flowform ($v25, AOT cache)" "$M_WALL" "$M_CPU" "$V_WALL" "$V_CPU" 500
fi

# 3. a whole plan against the embedded emulator: an upper bound of its time to first request
mkdir -p "$WORK/local" && cp -r "$ROOT/manifests" "$WORK/local/"
measure "$RUNS" "$WORK/local" plain plan --env local --no-color
row "plan --env local (examples, embedded emulator), whole run, plain java -jar ($v17)" "$M_WALL" "$M_CPU" "$V_WALL" "$V_CPU" ""
if [[ -n "$JAVA_AOT" ]]; then
  measure "$RUNS" "$WORK/local" launcher_aot plan --env local --no-color
  row "plan --env local (examples, embedded emulator), whole run, bin/flowform ($v25, AOT cache)" "$M_WALL" "$M_CPU" "$V_WALL" "$V_CPU" ""
fi

tables() {
  echo "| measure (median of $RUNS, $(nproc 2>/dev/null || echo '?') cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')) | wall s | CPU s | version wall s | version CPU s | wall / version | CPU / version | target (wall) | verdict |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "version: \`java -jar flowform.jar version\` ($v17), timed right before each run of its row. CPU: user +" \
    "system of the whole process tree; for a time to first request, of the whole run, which stops at the first answer."
  echo
  echo "| start-up goal (issue 22; runs alternated, medians of $RUNS) | A / B | ratio | goal | verdict |"
  echo "| --- | --- | --- | --- | --- |"
  printf '%s\n' "${GOALS[@]}"
}
echo
tables
if [[ -n "${STARTUP_TABLE:-}" ]]; then tables >"$STARTUP_TABLE"; fi
