#!/usr/bin/env bash
# Measures how long `./faultlab` takes until /api/health answers 200, and the memory it then holds.
#   backend/bench/start-time.sh            cold: a fresh clone (the jar is built) and an empty data folder
#   backend/bench/start-time.sh warm DIR   warm: start again in DIR, a clone already built and started once
# Talks to 127.0.0.1 only and stops the server it started.
set -euo pipefail
mode="${1:-cold}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
port="${PORT:-7171}"

if [[ "$mode" == cold ]]; then
  dir="$(mktemp -d)/faultlab"
  git clone -q "$repo" "$dir"
else
  dir="${2:?give the folder of a clone started once before}"
fi
cd "$dir"

start=$(date +%s.%N)
PORT=$port FAULTLAB_DB_PORT=0 ./faultlab > "$dir/start.log" 2>&1 &
until curl -sf "http://127.0.0.1:$port/api/health" > /dev/null; do
  sleep 0.05
  if (( $(echo "$(date +%s.%N) - $start > 600" | bc) )); then echo "no answer after 600 s" >&2; exit 1; fi
done
end=$(date +%s.%N)
sleep 2
java_pid=$(pgrep -f "java.*$dir/backend/target/faultlab.jar|java.*-jar backend/target/faultlab.jar" | head -1)
java_rss=$(ps -o rss= -p "$java_pid")
pg_rss=$(pgrep -f "postgres -D $dir" | xargs -r ps -o rss= -p | awk '{s+=$1} END {print s+0}')
printf '%s start: %.2f s to a healthy /api/health; resident memory: JVM %d MiB, PostgreSQL %d MiB\n' \
  "$mode" "$(echo "$end - $start" | bc)" $((java_rss / 1024)) $((pg_rss / 1024))
kill -TERM "$java_pid"
wait 2>/dev/null || true
echo "clone: $dir"
