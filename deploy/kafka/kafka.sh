#!/usr/bin/env bash
# Runs a real Apache Kafka broker (KRaft, combined broker+controller, single
# node, loopback only) from Maven Central jars, for tests and distributed runs
# on one machine. No Docker, no Apache download site needed.
#
#   deploy/kafka/kafka.sh start    resolve jars if missing, format storage once,
#                                  start in the background, wait until ready
#   deploy/kafka/kafka.sh stop     stop the broker started by `start`
#   deploy/kafka/kafka.sh status   exit 0 if running (prints pid/port), else 3
#   deploy/kafka/kafka.sh logs     print the tail of the broker log
#
# Environment (all optional):
#   IDFED_KAFKA_PORT             client listener port (default 9092)
#   IDFED_KAFKA_CONTROLLER_PORT  KRaft controller port (default 9093)
#   IDFED_KAFKA_HOST             listen/advertise address (default 127.0.0.1)
#   IDFED_KAFKA_DATA_DIR         data, logs, pid (default <repo>/.cache/kafka)
#   IDFED_KAFKA_LIB_DIR          jar cache (default <repo>/deploy/kafka/lib)
#   IDFED_KAFKA_HEAP_OPTS        JVM heap (default "-Xmx512m -Xms512m")
#   IDFED_KAFKA_START_TIMEOUT    seconds to wait for readiness (default 90)
#   IDFED_KAFKA_EXTRA_CONFIG     file whose lines are appended to server.properties
#   IDFED_MAVEN_REPO             Maven local repository (default ~/.m2/repository)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"

abspath() {
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s\n' "$PWD/$1" ;;
  esac
}

PORT="${IDFED_KAFKA_PORT:-9092}"
CONTROLLER_PORT="${IDFED_KAFKA_CONTROLLER_PORT:-9093}"
HOST="${IDFED_KAFKA_HOST:-127.0.0.1}"
DATA_DIR="$(abspath "${IDFED_KAFKA_DATA_DIR:-$REPO_ROOT/.cache/kafka}")"
LIB_DIR="$(abspath "${IDFED_KAFKA_LIB_DIR:-$SCRIPT_DIR/lib}")"
HEAP_OPTS="${IDFED_KAFKA_HEAP_OPTS:--Xmx512m -Xms512m}"
START_TIMEOUT="${IDFED_KAFKA_START_TIMEOUT:-90}"
POM="$SCRIPT_DIR/pom.xml"

LOG_DIR="$DATA_DIR/logs"
LOG_FILE="$LOG_DIR/server.log"
OUT_FILE="$LOG_DIR/kafka.out"
KRAFT_DIR="$DATA_DIR/kraft-combined-logs"
CONFIG="$DATA_DIR/server.properties"
LOG4J_CONFIG="$DATA_DIR/log4j2.yaml"
PID_FILE="$DATA_DIR/kafka.pid"
LIB_STAMP="$LIB_DIR/.resolved"

JVM_PERF_OPTS=(-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
  -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true)

now_ms() { echo $(($(date +%s%N) / 1000000)); }

log() { printf '[kafka.sh] %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# --- prerequisites ---------------------------------------------------------

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    die "'$1' is missing; install $2 (e.g. 'sudo apt-get install -y $2') or put it on PATH"
  fi
  command -v apt-get >/dev/null 2>&1 || die "'$1' is missing and apt-get is not available; install $2 by hand"
  log "'$1' is missing: installing $2 with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null
  command -v "$1" >/dev/null 2>&1 || die "installed $2 but '$1' is still not on PATH"
}

ensure_java() {
  command -v java >/dev/null 2>&1 || apt_install java openjdk-17-jre-headless
  local version major
  version="$(java -version 2>&1 | awk -F'"' '/version/ && !v {v=$2} END {print v}')"
  major="${version%%.*}"
  if [ "$major" = "1" ]; then major="$(echo "$version" | cut -d. -f2)"; fi
  if [ -n "$major" ] && [ "$major" -lt 17 ] 2>/dev/null; then
    die "Kafka 4 brokers need Java 17+, found java $version"
  fi
}

ensure_maven() {
  command -v mvn >/dev/null 2>&1 || apt_install mvn maven
}

pom_hash() { sha256sum "$POM" | cut -d' ' -f1; }

# Copies the broker's runtime classpath into $LIB_DIR unless a complete copy
# made from the current pom.xml is already there.
ensure_jars() {
  local want
  want="$(pom_hash)"
  if [ -f "$LIB_STAMP" ] && [ "$(cat "$LIB_STAMP")" = "$want" ]; then
    return 0
  fi
  ensure_maven
  log "resolving Kafka jars from Maven Central into $LIB_DIR (first run only)"
  local started=$SECONDS
  # resolve straight into $LIB_DIR; the stamp is written last, so an
  # interrupted copy is redone on the next start
  # (only jars are removed, so a mistaken IDFED_KAFKA_LIB_DIR loses nothing else)
  mkdir -p "$LIB_DIR"
  rm -f "$LIB_STAMP"
  find "$LIB_DIR" -maxdepth 1 -name '*.jar' -delete
  local mvn_args=(-q -B -f "$POM" dependency:copy-dependencies -DincludeScope=runtime
    "-DoutputDirectory=$LIB_DIR")
  if [ -n "${IDFED_MAVEN_REPO:-}" ]; then mvn_args+=("-Dmaven.repo.local=$IDFED_MAVEN_REPO"); fi
  mvn "${mvn_args[@]}" >&2 || die "mvn could not resolve the Kafka jars (see the output above)"
  ls "$LIB_DIR"/kafka_2.13-*.jar >/dev/null 2>&1 || die "mvn finished but no kafka_2.13 jar was copied"
  echo "$want" >"$LIB_STAMP"
  log "resolved $(find "$LIB_DIR" -name '*.jar' | wc -l) jars in $((SECONDS - started)) s"
}

# --- configuration ---------------------------------------------------------

write_config() {
  mkdir -p "$DATA_DIR" "$LOG_DIR" "$KRAFT_DIR"
  cat >"$CONFIG" <<EOF
# Written by deploy/kafka/kafka.sh on every start; edit the script (or use
# IDFED_KAFKA_EXTRA_CONFIG), not this file.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=$HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KRAFT_DIR

# single node: every internal topic has one replica
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1

# test-friendly defaults
auto.create.topics.enable=true
num.partitions=3
group.initial.rebalance.delay.ms=0
delete.topic.enable=true

# idfed's consumers use a 3 s session (IDFED_KAFKA_SESSION_TIMEOUT_MS) so that a crashed
# process's partitions move within seconds; the broker's default minimum is 6 s (ADR 0008)
group.min.session.timeout.ms=1000

num.network.threads=3
num.io.threads=8
log.retention.hours=168
log.segment.bytes=1073741824
log.retention.check.interval.ms=300000
EOF
  if [ -n "${IDFED_KAFKA_EXTRA_CONFIG:-}" ]; then
    [ -f "$IDFED_KAFKA_EXTRA_CONFIG" ] || die "IDFED_KAFKA_EXTRA_CONFIG=$IDFED_KAFKA_EXTRA_CONFIG is not a file"
    {
      echo
      echo "# from $IDFED_KAFKA_EXTRA_CONFIG"
      cat "$IDFED_KAFKA_EXTRA_CONFIG"
    } >>"$CONFIG"
  fi

  cat >"$LOG4J_CONFIG" <<'EOF'
# Written by deploy/kafka/kafka.sh: everything at INFO into one rolling file.
Configuration:
  Properties:
    Property:
      - name: "kafka.logs.dir"
        value: "."
      - name: "logPattern"
        value: "[%d] %p %m (%c)%n"
  Appenders:
    RollingFile:
      - name: ServerAppender
        fileName: "${sys:kafka.logs.dir}/server.log"
        filePattern: "${sys:kafka.logs.dir}/server.log.%i"
        PatternLayout:
          pattern: "${logPattern}"
        SizeBasedTriggeringPolicy:
          size: "20MB"
        DefaultRolloverStrategy:
          max: 3
  Loggers:
    Root:
      level: INFO
      AppenderRef:
        - ref: ServerAppender
    Logger:
      - name: kafka.request.logger
        level: WARN
        additivity: true
      - name: org.apache.kafka.clients
        level: WARN
        additivity: true
      - name: kafka.authorizer.logger
        level: WARN
        additivity: true
EOF
}

classpath() { printf '%s/*' "$LIB_DIR"; }

run_tool() {
  java -Xmx256m -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    "-Dlog4j2.configurationFile=$LOG4J_CONFIG" "-Dkafka.logs.dir=$LOG_DIR" \
    -cp "$(classpath)" kafka.tools.StorageTool "$@"
}

format_storage() {
  if [ -f "$KRAFT_DIR/meta.properties" ]; then
    return 0
  fi
  local cluster_id
  cluster_id="$(run_tool random-uuid | tail -n1 | tr -d '[:space:]')"
  [ -n "$cluster_id" ] || die "StorageTool random-uuid printed nothing"
  log "formatting new KRaft storage in $KRAFT_DIR (cluster id $cluster_id)"
  run_tool format --standalone -t "$cluster_id" -c "$CONFIG" >&2 ||
    die "StorageTool format failed"
}

# --- process helpers -------------------------------------------------------

running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid="$(tr -d '[:space:]' <"$PID_FILE")"
  [ -n "$pid" ] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # guard against pid reuse by an unrelated process
  if [ -r "/proc/$pid/cmdline" ] && ! tr '\0' ' ' <"/proc/$pid/cmdline" | grep 'kafka\.Kafka' >/dev/null; then
    return 1
  fi
  echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

print_log_tail() {
  local f
  for f in "$LOG_FILE" "$OUT_FILE"; do
    if [ -s "$f" ]; then
      log "---- last lines of $f ----"
      tail -n 40 "$f" >&2
    fi
  done
}

# --- commands --------------------------------------------------------------

cmd_start() {
  local pid
  if pid="$(running_pid)"; then
    log "already running (pid $pid) on $HOST:$PORT"
    echo "$HOST:$PORT"
    return 0
  fi
  rm -f "$PID_FILE"

  if port_open "$PORT"; then
    die "something else is already listening on $HOST:$PORT (set IDFED_KAFKA_PORT)"
  fi
  if port_open "$CONTROLLER_PORT"; then
    die "something else is already listening on $HOST:$CONTROLLER_PORT (set IDFED_KAFKA_CONTROLLER_PORT)"
  fi

  ensure_java
  ensure_jars
  write_config
  format_storage

  # readiness is judged only on log lines written after this point
  local log_offset=0
  [ -f "$LOG_FILE" ] && log_offset="$(stat -c %s "$LOG_FILE")"

  local started=$SECONDS started_ms
  started_ms="$(now_ms)"
  # shellcheck disable=SC2086 # HEAP_OPTS is a list of flags
  nohup setsid java $HEAP_OPTS "${JVM_PERF_OPTS[@]}" \
    "-Dlog4j2.configurationFile=$LOG4J_CONFIG" "-Dkafka.logs.dir=$LOG_DIR" \
    -cp "$(classpath)" kafka.Kafka "$CONFIG" >"$OUT_FILE" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"
  log "started pid $pid, waiting up to ${START_TIMEOUT}s for $HOST:$PORT"

  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      print_log_tail
      die "the broker exited during start-up"
    fi
    if [ -f "$LOG_FILE" ] &&
      tail -c "+$((log_offset + 1))" "$LOG_FILE" | grep 'Kafka Server started' >/dev/null &&
      port_open "$PORT"; then
      break
    fi
    if [ $((SECONDS - started)) -ge "$START_TIMEOUT" ]; then
      print_log_tail
      kill "$pid" 2>/dev/null || true
      rm -f "$PID_FILE"
      die "the broker was not ready after ${START_TIMEOUT}s"
    fi
    sleep 0.25
  done
  log "ready on $HOST:$PORT after $(($(now_ms) - started_ms)) ms (pid $pid, data $DATA_DIR)"
  echo "$HOST:$PORT"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    log "not running"
    rm -f "$PID_FILE"
    return 0
  fi
  log "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge 120 ]; then # 30 s
      log "still running after 30 s: sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.25
    waited=$((waited + 1))
  done
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    if port_open "$PORT"; then
      echo "running (pid $pid) on $HOST:$PORT, data $DATA_DIR"
    else
      echo "running (pid $pid) but $HOST:$PORT is not accepting connections yet"
    fi
    return 0
  fi
  echo "not running"
  return 3
}

cmd_logs() {
  if [ -f "$LOG_FILE" ]; then tail -n "${1:-100}" "$LOG_FILE"; else log "no log at $LOG_FILE"; fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart)
    cmd_stop
    cmd_start
    ;;
  status) cmd_status ;;
  logs) cmd_logs "${2:-100}" ;;
  *)
    echo "usage: $0 {start|stop|restart|status|logs [lines]}" >&2
    exit 2
    ;;
esac
