#!/usr/bin/env bash
# An S3-compatible server for the tests: s3rver (npm, pinned in infra/s3/package-lock.json) on 127.0.0.1.
#   infra/s3.sh start   install Node.js from apt if missing, `npm ci` once, start s3rver in the background;
#                       prints `export ATS_TEST_S3_*=...`
#   infra/s3.sh stop
# Settings: ATS_DATA_DIR (default <project>/.data), ATS_S3_PORT (default 59000).
# s3rver accepts the fixed credentials S3RVER / S3RVER. Production uses MinIO (docker-compose.yml).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data_dir=${ATS_DATA_DIR:-$root/.data}
port=${ATS_S3_PORT:-59000}
pidfile=$data_dir/s3rver.pid
logfile=$data_dir/s3rver.log

log() { echo "s3.sh: $*" >&2; }

running() { [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

start() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    log "Node.js not found; installing the Debian packages nodejs and npm"
    local sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >&2 && $sudo apt-get install -y -qq nodejs npm >&2
  fi
  if [[ ! -x $root/infra/s3/node_modules/.bin/s3rver ]]; then
    log "installing s3rver (npm ci, pinned by package-lock.json)"
    (cd "$root/infra/s3" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
  mkdir -p "$data_dir/s3"
  if running; then
    log "s3rver already running (pid $(cat "$pidfile"))"
  else
    log "starting s3rver on 127.0.0.1:$port (log: $logfile)"
    nohup "$root/infra/s3/node_modules/.bin/s3rver" -d "$data_dir/s3" -a 127.0.0.1 -p "$port" --silent \
      >"$logfile" 2>&1 < /dev/null &
    echo $! > "$pidfile"
    for _ in $(seq 1 100); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
      running || { log "s3rver exited; log:"; cat "$logfile" >&2; exit 1; }
      sleep 0.1
    done
  fi
  echo "export ATS_TEST_S3_ENDPOINT='127.0.0.1:$port'"
  echo "export ATS_TEST_S3_ACCESS_KEY='S3RVER'"
  echo "export ATS_TEST_S3_SECRET_KEY='S3RVER'"
}

stop() {
  if running; then kill "$(cat "$pidfile")" 2>/dev/null || true; fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
