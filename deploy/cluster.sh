#!/usr/bin/env bash
# Start N Kontor nodes on this machine against one MySQL/MariaDB database (see deploy/README.md).
#   deploy/cluster.sh 3        start nodes on ports 8080, 8081, 8082
#   deploy/cluster.sh stop     stop them
set -euo pipefail
cd "$(dirname "$0")/.."
RUN_DIR="${KONTOR_CLUSTER_DIR:-./cluster}"
mkdir -p "$RUN_DIR"

if [ "${1:-}" = "stop" ]; then
  for pid_file in "$RUN_DIR"/node-*.pid; do
    [ -e "$pid_file" ] || continue
    kill "$(cat "$pid_file")" 2>/dev/null || true
    rm -f "$pid_file"
  done
  echo "stopped"
  exit 0
fi

NODES="${1:-2}"
JAR=$(ls target/kontor-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
if [ -z "$JAR" ]; then
  mvn -B -q package -DskipTests
  JAR=$(ls target/kontor-*.jar | grep -v original | head -n 1)
fi
export SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-mysql}"
export KONTOR_DATA_DIR="${KONTOR_DATA_DIR:-$RUN_DIR/data}"
for i in $(seq 0 $((NODES - 1))); do
  port=$((8080 + i))
  java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$port" > "$RUN_DIR/node-$i.log" 2>&1 &
  echo $! > "$RUN_DIR/node-$i.pid"
  echo "node $i: http://localhost:$port/ (log $RUN_DIR/node-$i.log)"
  # the first node creates the schemas; let it finish before the others start
  if [ "$i" -eq 0 ]; then
    for _ in $(seq 1 120); do
      curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
      sleep 1
    done
  fi
done
