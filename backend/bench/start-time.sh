#!/usr/bin/env bash
# Measures how long `./faultlab` takes until /api/health answers 200, and the memory it then holds.
#   backend/bench/start-time.sh            cold: a fresh clone (the jar is built) and an empty data folder
#   backend/bench/start-time.sh warm DIR   warm: start again in DIR, a clone already built and started once
# Talks to 127.0.0.1 only, and measures and stops only what it started: the server by the PID it launched (./faultlab
# execs java, so that PID becomes the server's), PostgreSQL by the PID in the clone's own postmaster.pid.
set -euo pipefail
mode="${1:-cold}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
port="${PORT:-7171}"

if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "something answers on port $port already; set PORT to a free port" >&2
  exit 1
fi

if [[ "$mode" == cold ]]; then
  dir="$(mktemp -d)/faultlab"
  git clone -q "$repo" "$dir"
else
  dir="${2:?give the folder of a clone started once before}"
fi
cd "$dir"

start=$(date +%s.%N)
PORT=$port FAULTLAB_DB_PORT=0 ./faultlab > "$dir/start.log" 2>&1 &
server_pid=$!
stop_server() {
  kill -TERM "$server_pid" 2> /dev/null || true
  wait "$server_pid" 2> /dev/null || true
}
trap stop_server EXIT

until curl -sf "http://127.0.0.1:$port/api/health" > /dev/null; do
  if ! kill -0 "$server_pid" 2> /dev/null; then
    echo "the server stopped before it answered; see $dir/start.log" >&2
    exit 1
  fi
  sleep 0.05
  if (( $(echo "$(date +%s.%N) - $start > 600" | bc) )); then echo "no answer after 600 s" >&2; exit 1; fi
done
end=$(date +%s.%N)
sleep 2
if [[ "$(ps -o comm= -p "$server_pid")" != java ]]; then
  echo "process $server_pid is not the java server; ./faultlab must exec java" >&2
  exit 1
fi
java_rss=$(ps -o rss= -p "$server_pid")
pg_rss=0
postmaster="$dir/data/postgres/postmaster.pid"
if [[ -f "$postmaster" ]]; then
  pg_pid=$(head -1 "$postmaster")
  pg_pids=$({ echo "$pg_pid"; pgrep -P "$pg_pid" || true; } | paste -sd,)
  pg_rss=$(ps -o rss= -p "$pg_pids" | awk '{s+=$1} END {print s+0}')
fi
printf '%s start: %.2f s to a healthy /api/health; resident memory: JVM %d MiB, PostgreSQL %d MiB (server pid %d)\n' \
  "$mode" "$(echo "$end - $start" | bc)" $((java_rss / 1024)) $((pg_rss / 1024)) "$server_pid"
echo "clone: $dir"
