#!/usr/bin/env bash
# Runs a real single-node Apache Kafka broker (KRaft, combined broker+controller) from jars
# that Maven resolves from Maven Central. No Docker, no Kafka installation.
#
#   infra/kafka/kafka.sh start | stop | status | fetch
#
# Environment (all optional):
#   KAFKA_PORT             client listener port on 127.0.0.1        (default 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port on 127.0.0.1       (default KAFKA_PORT+1)
#   HYPERCARE_CACHE        cache folder that survives between runs  (default ~/.cache/hypercare)
#   KAFKA_DATA_DIR         log dirs, pid and broker log             (default $HYPERCARE_CACHE/kafka-data-$KAFKA_PORT)
#   KAFKA_HEAP_OPTS        JVM heap                                 (default -Xms256m -Xmx768m)
#   KAFKA_START_TIMEOUT    seconds to wait for the broker to answer (default 90)
#   KAFKA_SCRAM_USER, KAFKA_SCRAM_PASSWORD
#                          set both: clients must sign in with SASL/SCRAM-SHA-256 as that user
#                          (the broker talks to itself on a plain internal listener, KAFKA_PORT+2)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kafka_version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-$((port + 1))}"
cache="${HYPERCARE_CACHE:-$HOME/.cache/hypercare}"
libs="$cache/kafka-$kafka_version/libs"
data="${KAFKA_DATA_DIR:-$cache/kafka-data-$port}"
pid_file="$data/kafka.pid"
log_file="$data/server.log"
timeout="${KAFKA_START_TIMEOUT:-90}"
scram_user="${KAFKA_SCRAM_USER:-}"
scram_password="${KAFKA_SCRAM_PASSWORD:-}"
internal_port="$((port + 2))"

say() { echo "[kafka] $*" >&2; }

fetch() {
  if [[ -f "$libs/.complete" ]]; then return; fi
  say "resolving Apache Kafka $kafka_version from Maven Central into $libs"
  command -v mvn >/dev/null || { say "mvn not found: install Apache Maven (and Java 17)"; exit 1; }
  rm -rf "$libs"
  mvn -q -B -f "$here/pom.xml" package -Dkafka.libs="$libs" -Dproject.build.directory="$cache/kafka-build"
  touch "$libs/.complete"
}

running_pid() {
  [[ -f "$pid_file" ]] || return 1
  local pid
  pid="$(cat "$pid_file")"
  # A stale pid file may point at a recycled pid: only a java process counts as ours.
  if kill -0 "$pid" 2>/dev/null && grep -q "kafka.Kafka" "/proc/$pid/cmdline" 2>/dev/null; then
    echo "$pid"
  else
    return 1
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

listeners_config() {
  if [[ -n "$scram_user" ]]; then
    cat <<EOF
listeners=SASL_PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port,INTERNAL://127.0.0.1:$internal_port
advertised.listeners=SASL_PLAINTEXT://127.0.0.1:$port,INTERNAL://127.0.0.1:$internal_port
listener.security.protocol.map=CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
inter.broker.listener.name=INTERNAL
sasl.enabled.mechanisms=SCRAM-SHA-256
listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
EOF
  else
    cat <<EOF
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
EOF
  fi
}

write_config() {
  cat >"$data/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
$(listeners_config)
controller.listener.names=CONTROLLER
log.dirs=$data/logs
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
delete.topic.enable=true
log.retention.hours=168
EOF
}

start() {
  if pid="$(running_pid)"; then
    say "already running (pid $pid) on 127.0.0.1:$port"
    return
  fi
  if port_open "$port"; then
    say "port $port is taken by another process; set KAFKA_PORT or stop it"
    exit 1
  fi
  command -v java >/dev/null || { say "java not found: install Java 17"; exit 1; }
  fetch
  mkdir -p "$data"
  write_config
  if [[ ! -f "$data/logs/meta.properties" ]]; then
    local cluster_id
    cluster_id="$(java -cp "$libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
    local scram=()
    [[ -n "$scram_user" ]] && scram=(--add-scram "SCRAM-SHA-256=[name=$scram_user,password=$scram_password]")
    java -cp "$libs/*" -Dlog4j.configuration="file:$here/log4j.properties" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$data/server.properties" "${scram[@]}" >/dev/null
  fi
  # setsid detaches the broker from the caller's process group, so a CI step that ends
  # does not take the broker with it; `stop` ends it explicitly.
  # shellcheck disable=SC2086
  setsid java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m} -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$here/log4j.properties" -Dkafka.logs.dir="$data" \
    -cp "$libs/*" kafka.Kafka "$data/server.properties" >"$data/stdout.log" 2>&1 </dev/null &
  echo $! >"$pid_file"
  local waited=0
  until port_open "$port" && grep -q "Kafka Server started" "$log_file" 2>/dev/null; do
    if ! running_pid >/dev/null; then
      say "broker exited during start-up; last lines of $log_file:"
      tail -n 30 "$log_file" "$data/stdout.log" >&2 || true
      exit 1
    fi
    if ((waited >= timeout * 2)); then
      say "broker did not answer within ${timeout}s; see $log_file"
      stop
      exit 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  say "started (pid $(cat "$pid_file")) on 127.0.0.1:$port, data in $data"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    say "not running"
    rm -f "$pid_file"
    return
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "broker did not stop within 30s; killing it"
    kill -KILL "$pid"
  fi
  rm -f "$pid_file"
  say "stopped"
}

status() {
  if pid="$(running_pid)"; then
    say "running (pid $pid) on 127.0.0.1:$port"
  else
    say "not running"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  fetch) fetch ;;
  *)
    echo "usage: $0 start|stop|status|fetch" >&2
    exit 2
    ;;
esac
