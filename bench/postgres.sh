#!/usr/bin/env bash
# flowform benchmark: apply of N creates (25 ms, --parallelism 16) with state in a file and with
# state in PostgreSQL, runs alternated, medians compared. Target: PostgreSQL at most 1.2x the file.
#
#   ./mvnw -q package -DskipTests && bench/postgres.sh            # 400 creates, 3 runs each
#   BENCH_PG_URL=postgresql://user@host:5432/db bench/postgres.sh  # a server of your own (PGPASSWORD)
#
# Without BENCH_PG_URL it starts a throw-away cluster from PostgreSQL's server binaries on a free
# loopback port (as nobody when run as root) and removes it afterwards.
# shellcheck disable=SC2119 # start_emulator takes optional arguments
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
CREATES="${BENCH_CREATES:-400}"
REPEAT="${BENCH_REPEAT:-3}"
LATENCY=25
PARALLEL=16
TIME_V="" # wall clock only
bench_init pgbench
PGDATA_DIR=""
as_owner() { if [[ "$(id -u)" == 0 ]]; then setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; else "$@"; fi; }
bench_cleanup() {
  if [[ -n "$PGDATA_DIR" ]]; then as_owner "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 || true; fi
}

if [[ -z "${BENCH_PG_URL:-}" ]]; then
  PGBIN="$(pg_config --bindir 2>/dev/null || printf '%s\n' /usr/lib/postgresql/*/bin | tail -1)"
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

# one emulator for every run (sandboxes bench and warm, warmed up: bench/lib.sh); each run's
# connections have names of their own
start_emulator

file_ms=(); pg_ms=()
for i in $(seq 1 "$REPEAT"); do
  for backend in file pg; do
    dir="$WORK/$backend-$i"
    if [[ $backend == file ]]; then state=".flowform/bench.state.json"; else state="$BENCH_PG_URL?key=bench-$i&schema=flowform_bench"; fi
    workspace "$dir" "$CREATES" 0 "$backend-$i" bench "$state"
    timed "$backend-$i" "$dir" "${FLOWFORM[@]}" apply --env bench --auto-approve --parallelism "$PARALLEL" --quiet
    require_ok "$backend-$i"
    ms=$LAST_MS
    if [[ $backend == file ]]; then file_ms+=("$ms"); else pg_ms+=("$ms"); fi
    echo "  run $i $backend: $ms ms"
  done
done
f=$(median "${file_ms[@]}"); p=$(median "${pg_ms[@]}")
ratio=$(awk -v a="$f" -v b="$p" 'BEGIN { printf "%.2f", b / a }')
echo "apply $CREATES creates at ${LATENCY} ms, --parallelism $PARALLEL: file $f ms, PostgreSQL $p ms (median of $REPEAT): x$ratio (target <= 1.2): $(awk -v r="$ratio" 'BEGIN { print (r <= 1.2 ? "met" : "missed") }')"
