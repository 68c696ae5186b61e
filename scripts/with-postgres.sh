#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL server.
#
# Installs Debian's postgresql package when no server is present, starts a
# cluster under a temporary folder on a local port (as the postgres user, no
# systemd needed), exports DATABASE_URL for the command, and stops and
# removes the cluster afterwards, whatever the command's outcome.
set -euo pipefail

PORT="${CHANCERY_PG_PORT:-55432}"
PASSWORD="chancery-test"

find_pgbin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

PGBIN="$(find_pgbin)"
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "with-postgres: installing Debian's postgresql package" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "with-postgres: PostgreSQL is missing and installing it needs root (apt-get install postgresql)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
  PGBIN="$(find_pgbin)"
fi

PGDATA="$(mktemp -d /tmp/chancery-pg.XXXXXX)"
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
  as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
}
trap cleanup EXIT

if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PGDATA"; fi
chmod 700 "$PGDATA"
as_postgres "$PGBIN/initdb" -D "$PGDATA" -U postgres -E UTF8 --locale=C.UTF-8 \
  --auth-local=trust --auth-host=scram-sha-256 >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -k $PGDATA -c fsync=off" start >/dev/null
as_postgres "$PGBIN/psql" -q -h "$PGDATA" -p "$PORT" -U postgres \
  -c "CREATE ROLE chancery LOGIN CREATEDB PASSWORD '$PASSWORD'" \
  -c "CREATE DATABASE chancery OWNER chancery" >/dev/null

export DATABASE_URL="postgres://chancery:$PASSWORD@127.0.0.1:$PORT/chancery"
echo "with-postgres: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PORT" >&2
"$@"
