#!/usr/bin/env bash
# flowform benchmark: apply of N creates (25 ms, --parallelism 16) with state in a file and with
# state in PostgreSQL, runs alternated, medians compared. Target: PostgreSQL at most 1.2x the file.
#
#   ./mvnw -q package -DskipTests && bench/postgres.sh            # 400 creates, 3 runs each
#   BENCH_PG_URL=postgresql://user@host:5432/db bench/postgres.sh  # a server of your own (PGPASSWORD)
#
# Without BENCH_PG_URL it starts a throw-away cluster from PostgreSQL's server binaries on a free
# loopback port (as nobody when run as root) and removes it afterwards.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR="${FLOWFORM_JAR:-$ROOT/target/flowform.jar}"
JAVA="${JAVA:-java}"
CREATES="${BENCH_CREATES:-400}"
REPEAT="${BENCH_REPEAT:-3}"
LATENCY=25
PARALLEL=16
[[ -f "$JAR" ]] || { echo "no $JAR: build it first with ./mvnw -q package -DskipTests" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/flowform-pgbench.XXXXXX")"
PIDS=()
PGDATA_DIR=""
as_owner() { if [[ "$(id -u)" == 0 ]]; then setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ -n "$PGDATA_DIR" ]]; then as_owner "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [[ -z "${BENCH_PG_URL:-}" ]]; then
  PGBIN="$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | tail -1)"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mkdir -p "$WORK/pg"
  chmod 755 "$WORK"
  if [[ "$(id -u)" == 0 ]]; then chown nobody "$WORK/pg"; fi
  echo "bench-pw" > "$WORK/pw" && chmod 644 "$WORK/pw"
  as_owner "$PGBIN/initdb" -D "$WORK/pg/data" -U bench --pwfile="$WORK/pw" --auth=scram-sha-256 --no-sync >/dev/null
  PGDATA_DIR="$WORK/pg/data"
  as_owner "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -w -l "$WORK/pg/log" \
    -o "-p $port -k $WORK/pg -c listen_addresses=127.0.0.1" start >/dev/null
  export PGPASSWORD=bench-pw
  BENCH_PG_URL="postgresql://bench@127.0.0.1:$port/postgres"
fi

log="$WORK/emulator.log"
"$JAVA" -jar "$JAR" emulator --port 0 --latency "$LATENCY" --seed 1 --dir "$WORK/none" >"$log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 200); do grep -q '^IMS: ' "$log" 2>/dev/null && break; sleep 0.05; done
FS_URL="$(sed -n 's/^Flow Service: //p' "$log")"; IMS_URL="$(sed -n 's/^IMS: //p' "$log")"
export AEP_CLIENT_ID=bench AEP_CLIENT_SECRET=bench-secret-not-real
export HS_CLIENT_SECRET=hs-secret HS_ACCESS_TOKEN=hs-token HS_REFRESH_TOKEN=hs-refresh

# workspace DIR STATE RUN: an environment on the emulator with STATE, and CREATES connections
workspace() {
  local dir="$1" state="$2" run="$3"
  rm -rf "$dir"; mkdir -p "$dir/manifests/connections"
  cat >"$dir/manifests/bench.yaml" <<YAML
apiVersion: flowform/v1
kind: Environment
metadata: {name: bench}
spec:
  sandbox: bench
  orgId: 5C13B1D2E3F4A5B6C7D8E9F0@AdobeOrg
  endpoint: $FS_URL
  state: $state
  credentials:
    clientId: \${env:AEP_CLIENT_ID}
    clientSecret: \${env:AEP_CLIENT_SECRET}
    imsEndpoint: $IMS_URL
YAML
  awk -v n="$CREATES" -v r="$run" -v d="$dir/manifests/connections" 'BEGIN {
    for (i = 1; i <= n; i++) {
      f = sprintf("%s/c-%05d.yaml", d, i)
      printf "apiVersion: flowform/v1\nkind: HubSpotConnection\nmetadata: {name: c-%05d}\n", i > f
      printf "spec:\n  name: Bench %s %05d\n  auth:\n    params:\n      clientId: app-%05d\n", r, i, i > f
      printf "      clientSecret: ${env:HS_CLIENT_SECRET}\n      accessToken: ${env:HS_ACCESS_TOKEN}\n" > f
      printf "      refreshToken: ${env:HS_REFRESH_TOKEN}\n" > f
      close(f)
    }
  }'
}

now_ms() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
file_ms=(); pg_ms=()
for i in $(seq 1 "$REPEAT"); do
  for backend in file pg; do
    dir="$WORK/$backend-$i"
    if [[ $backend == file ]]; then state=".flowform/bench.state.json"; else state="$BENCH_PG_URL?key=bench-$i&schema=flowform_bench"; fi
    workspace "$dir" "$state" "$backend-$i"
    start=$(now_ms)
    (cd "$dir" && "$JAVA" -jar "$JAR" apply --env bench --auto-approve --parallelism "$PARALLEL" --quiet >"$dir.out" 2>&1) ||
      { tail -5 "$dir.out" >&2; exit 1; }
    ms=$(( $(now_ms) - start ))
    if [[ $backend == file ]]; then file_ms+=("$ms"); else pg_ms+=("$ms"); fi
    echo "  run $i $backend: $ms ms"
  done
done
f=$(median "${file_ms[@]}"); p=$(median "${pg_ms[@]}")
ratio=$(awk -v a="$f" -v b="$p" 'BEGIN { printf "%.2f", b / a }')
echo "apply $CREATES creates at ${LATENCY} ms, --parallelism $PARALLEL: file $f ms, PostgreSQL $p ms (median of $REPEAT): x$ratio (target <= 1.2): $(awk -v r="$ratio" 'BEGIN { print (r <= 1.2 ? "met" : "missed") }')"
