#!/usr/bin/env bash
# flowform start-up benchmark: `validate` and the time to the first request on the repository's
# example manifests, with plain `java -jar` and through bin/flowform (AppCDS on JDK 17-24, the AOT
# cache on JDK 25+). Medians of RUNS runs after one untimed run.
#
#   ./mvnw -q package -DskipTests && bench/startup.sh      # about a minute on an idle machine
#   bench/startup.sh --quick                               # 3 runs each
#
# JAVA: the java to measure (default: java on the PATH). JAVA_AOT: a JDK 25+ java for the AOT rows
# (default: the first JDK 25+ under /usr/lib/jvm; rows skipped without one). FLOWFORM_JAR: another
# jar. STARTUP_ROWS=file: also append the table rows there (bench/run.sh does). The launcher runs
# on a copy of the jar in a temporary folder, so the archives beside target/flowform.jar are left
# alone, and its first (training) run is timed on its own.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR="${FLOWFORM_JAR:-$ROOT/target/flowform.jar}"
JAVA="${JAVA:-java}"
RUNS=9
[[ "${1:-}" == "--quick" ]] && RUNS=3
[[ -f "$JAR" ]] || { echo "no $JAR: build it first with ./mvnw -q package -DskipTests" >&2; exit 2; }

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

WORK="$(mktemp -d "${TMPDIR:-/tmp}/flowform-startup.XXXXXX")"
LISTENER_PID=""
cleanup() {
  if [[ -n "$LISTENER_PID" ]]; then kill "$LISTENER_PID" 2>/dev/null || true; wait "$LISTENER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
verdict() { # verdict MS TARGET_MS
  if [[ -z "$2" ]]; then echo "-"; elif (($1 < $2)); then echo met; else echo "missed by $(secs $(($1 - $2))) s"; fi
}
ROWS=()
row() { # row LABEL MS TARGET_MS
  local target="-"
  [[ -n "$3" ]] && target="< $(secs "$3") s"
  ROWS+=("| $1 | $(secs "$2") | | $target | $(verdict "$2" "$3") |")
  echo "  $1: $(secs "$2") s (target $target)"
}

# the jar as the launcher sees it: a copy, so its archives are made here
mkdir -p "$WORK/jar"
cp "$JAR" "$WORK/jar/flowform.jar"
COPY="$WORK/jar/flowform.jar"
plain() { "$JAVA" -jar "$JAR" "$@"; }
plain_aot_jdk() { "$JAVA_AOT" -jar "$JAR" "$@"; }
launcher() { JAVA="$JAVA" FLOWFORM_JAR="$COPY" "$ROOT/bin/flowform" "$@"; }
launcher_aot() { JAVA="$JAVA_AOT" FLOWFORM_JAR="$COPY" "$ROOT/bin/flowform" "$@"; }

# wall RUNS DIR FUNCTION ARGS...: median wall-clock ms of RUNS runs after one untimed run
wall() {
  local n="$1" dir="$2"; shift 2
  (cd "$dir" && "$@" >/dev/null 2>&1) || true
  local times=() start
  for _ in $(seq 1 "$n"); do
    start=$(now_ms)
    (cd "$dir" && "$@" >/dev/null 2>&1) || true
    times+=($(($(now_ms) - start)))
  done
  median "${times[@]}"
}

echo "flowform start-up benchmark in $WORK"
echo "  JAVA: $("$JAVA" -version 2>&1 | head -1)"
[[ -n "$JAVA_AOT" ]] && echo "  JAVA_AOT: $("$JAVA_AOT" -version 2>&1 | head -1)" || echo "  JAVA_AOT: none (JDK 25+ rows skipped)"
v17="JDK $(feature "$JAVA")"
v25="JDK $(feature "${JAVA_AOT:-$JAVA}")"

# 1. validate on the example manifests
start=$(now_ms); (cd "$ROOT" && launcher validate >/dev/null 2>&1) || true
row "bin/flowform first run: trains the AppCDS archive, then validate ($v17, once)" $(($(now_ms) - start)) ""
if [[ -n "$JAVA_AOT" ]]; then
  start=$(now_ms); (cd "$ROOT" && launcher_aot validate >/dev/null 2>&1) || true
  row "bin/flowform first run: trains the AOT cache, then validate ($v25, once)" $(($(now_ms) - start)) ""
fi
row "validate (examples), plain java -jar ($v17)" "$(wall "$RUNS" "$ROOT" plain validate)" 600
row "validate (examples), bin/flowform ($v17, AppCDS)" "$(wall "$RUNS" "$ROOT" launcher validate)" ""
if [[ -n "$JAVA_AOT" ]]; then
  row "validate (examples), plain java -jar ($v25)" "$(wall "$RUNS" "$ROOT" plain_aot_jdk validate)" ""
  row "validate (examples), bin/flowform ($v25, AOT cache)" "$(wall "$RUNS" "$ROOT" launcher_aot validate)" 300
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

# first_request FUNCTION: median ms from starting `plan --env dev` to its first request's arrival
first_request() {
  local times=() before start arrived
  (cd "$WORK/ttfr" && "$@" plan --env dev --no-color >/dev/null 2>&1) || true
  for _ in $(seq 1 "$RUNS"); do
    before=$(grep -c '^request ' "$WORK/listener.log" || true)
    start=$(now_ms)
    (cd "$WORK/ttfr" && "$@" plan --env dev --no-color >/dev/null 2>&1) || true
    arrived=$(grep '^request ' "$WORK/listener.log" | sed -n "$((before + 1))p" | cut -d' ' -f2)
    [[ -n "$arrived" ]] || { echo "no request arrived" >&2; tail -3 "$WORK/listener.log" >&2; exit 1; }
    times+=($((arrived - start)))
  done
  median "${times[@]}"
}
row "time to first request, plan --env dev (examples), plain java -jar ($v17)" "$(first_request plain)" 500
row "time to first request, plan --env dev (examples), bin/flowform ($v17, AppCDS)" "$(first_request launcher)" 500
if [[ -n "$JAVA_AOT" ]]; then
  row "time to first request, plan --env dev (examples), bin/flowform ($v25, AOT cache)" "$(first_request launcher_aot)" 500
fi

# 3. a whole plan against the embedded emulator: an upper bound of its time to first request
mkdir -p "$WORK/local" && cp -r "$ROOT/manifests" "$WORK/local/"
row "plan --env local (examples, embedded emulator), whole run, plain java -jar ($v17)" "$(wall "$RUNS" "$WORK/local" plain plan --env local --no-color)" ""
if [[ -n "$JAVA_AOT" ]]; then
  row "plan --env local (examples, embedded emulator), whole run, bin/flowform ($v25, AOT cache)" "$(wall "$RUNS" "$WORK/local" launcher_aot plan --env local --no-color)" ""
fi

echo
echo "| measure (median of $RUNS, $(nproc 2>/dev/null || echo '?') cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')) | wall s | max RSS MB | target | verdict |"
echo "| --- | --- | --- | --- | --- |"
printf '%s\n' "${ROWS[@]}"
if [[ -n "${STARTUP_ROWS:-}" ]]; then printf '%s\n' "${ROWS[@]}" >>"$STARTUP_ROWS"; fi
