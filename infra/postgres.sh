#!/usr/bin/env bash
# A private PostgreSQL cluster for Ats under the project's data folder, on 127.0.0.1 and a non-default port.
#   infra/postgres.sh start   install PostgreSQL from apt if missing, create the cluster once, start it,
#                             create the `ats` database; prints `export ConnectionStrings__Ats=...`
#   infra/postgres.sh stop    stop the cluster
#   infra/postgres.sh status
# Settings: ATS_DATA_DIR (default <project>/.data), ATS_PG_PORT (default 55432).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data_dir=${ATS_DATA_DIR:-$root/.data}
port=${ATS_PG_PORT:-55432}
pgdata=$data_dir/postgres
pwfile=$data_dir/postgres.password
logfile=$data_dir/postgres.log

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x $d/initdb && -x $d/pg_ctl ]]; then echo "$d"; return 0; fi
  done
  return 1
}

ensure_installed() {
  if find_bin >/dev/null; then return 0; fi
  log "PostgreSQL server not found; installing the Debian package 'postgresql'"
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq postgresql >&2
  find_bin >/dev/null || { log "installation did not provide initdb/pg_ctl"; exit 1; }
}

# PostgreSQL refuses to run as root: as root, the cluster belongs to the 'postgres' OS user.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The 'postgres' user must be able to reach the data folder; a parent made by mktemp (mode 700) stops it.
ensure_traversable() {
  [[ $(id -u) -eq 0 ]] || return 0
  local dir=$data_dir
  while [[ $dir != "/" ]]; do
    if ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
      log "granting traverse permission (o+x) on $dir so that the postgres user can reach $pgdata"
      chmod o+x "$dir"
    fi
    dir=$(dirname "$dir")
  done
}

connection_string() {
  echo "Host=127.0.0.1;Port=$port;Database=${1:-ats};Username=ats;Password=$(cat "$pwfile")"
}

start() {
  ensure_installed
  local bin; bin=$(find_bin)
  mkdir -p "$data_dir"
  ensure_traversable
  if [[ ! -s $pwfile ]]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$pwfile")
  fi
  if [[ ! -f $pgdata/PG_VERSION ]]; then
    log "creating cluster in $pgdata"
    mkdir -p "$pgdata"
    local tmp_pw; tmp_pw=$(mktemp)
    cp "$pwfile" "$tmp_pw"
    if [[ $(id -u) -eq 0 ]]; then chown postgres "$pgdata" "$tmp_pw"; fi
    chmod 700 "$pgdata"
    as_owner "$bin/initdb" -D "$pgdata" -U ats --pwfile="$tmp_pw" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >&2
    rm -f "$tmp_pw"
  fi
  if [[ $(id -u) -eq 0 ]]; then touch "$logfile"; chown postgres "$logfile"; fi
  if as_owner "$bin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    log "cluster already running on 127.0.0.1:$port"
  else
    log "starting cluster on 127.0.0.1:$port (log: $logfile)"
    as_owner "$bin/pg_ctl" -D "$pgdata" -l "$logfile" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200" start >&2 || {
        log "failed to start; last lines of $logfile:"; tail -n 20 "$logfile" >&2; exit 1; }
  fi
  if ! PGPASSWORD=$(cat "$pwfile") psql -h 127.0.0.1 -p "$port" -U ats -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='ats'" | grep -q 1; then
    PGPASSWORD=$(cat "$pwfile") psql -h 127.0.0.1 -p "$port" -U ats -d postgres -qc "CREATE DATABASE ats" >&2
  fi
  echo "export ConnectionStrings__Ats='$(connection_string ats)'"
  echo "export ATS_TEST_POSTGRES='$(connection_string postgres)'"
}

stop() {
  local bin; bin=$(find_bin) || exit 0
  [[ -f $pgdata/PG_VERSION ]] || exit 0
  as_owner "$bin/pg_ctl" -D "$pgdata" -m fast -w stop >&2 || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) bin=$(find_bin) && as_owner "$bin/pg_ctl" -D "$pgdata" status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
