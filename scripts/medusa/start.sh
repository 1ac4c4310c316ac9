#!/usr/bin/env bash
# Starts a throwaway PostgreSQL + Medusa 2.21.2 pair for one test run.
#
#   scripts/medusa/start.sh RUN_DIR
#
# RUN_DIR (created if missing, must be empty) receives:
#   pg/            the database cluster (owned by the `postgres` user when run as root)
#   .s.PGSQL.*     the postgres unix socket
#   *.log          initdb/postgres/migrate/user/medusa logs
#   env            shell-sourcable KEY=VALUE lines (MEDUSA_URL, MEDUSA_SECRET_KEY, ...)
# Stop everything with scripts/medusa/stop.sh RUN_DIR (safe to call twice / from a trap).
#
# Needs scripts/medusa/install.sh to have run (it is called here; warm runs are ~1s).
# Env knobs: MEDUSA_HOME, MEDUSA_START_TIMEOUT (seconds, default 180),
#            MEDUSA_ADMIN_EMAIL (default admin@example.com), MEDUSA_SKIP_INSTALL=1.
set -euo pipefail

t0=$(date +%s.%N)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { printf 'medusa/start.sh: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
elapsed() { awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}'; }

[ $# -eq 1 ] || die "usage: $0 RUN_DIR"
mkdir -p "$1"
RUN_DIR="$(cd "$1" && pwd -P)"
case "$RUN_DIR" in
  *[[:space:]\'\"\$\`\\]*) die "RUN_DIR must not contain spaces, quotes or shell metacharacters: $RUN_DIR" ;;
esac
[ -z "$(ls -A "$RUN_DIR")" ] || die "RUN_DIR $RUN_DIR is not empty (stop.sh removes it)"
# unix socket paths are limited to 107 bytes
[ ${#RUN_DIR} -le 80 ] || die "RUN_DIR path too long for a postgres socket (${#RUN_DIR} > 80 chars): $RUN_DIR"

export MEDUSA_HOME="${MEDUSA_HOME:-$HOME/.cache/aftersales-desk/medusa-2.21.2}"
if [ "${MEDUSA_SKIP_INSTALL:-}" != 1 ]; then
  "$here/install.sh"
fi
[ -f "$MEDUSA_HOME/node_modules/@medusajs/cli/cli.js" ] || die "Medusa not installed in $MEDUSA_HOME (run install.sh)"
MEDUSA_CLI="$MEDUSA_HOME/node_modules/@medusajs/cli/cli.js"

# Progress file read by stop.sh even if we die half-way.
: > "$RUN_DIR/env"
record() { printf '%s=%s\n' "$1" "$2" >> "$RUN_DIR/env"; }
record MEDUSA_RUN_DIR "$RUN_DIR"
record MEDUSA_HOME "$MEDUSA_HOME"

# ---- PostgreSQL --------------------------------------------------------------
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$PGBIN" ]; then
  command -v initdb >/dev/null 2>&1 || die "no initdb found (run install.sh)"
  PGBIN="$(dirname "$(command -v initdb)")"
fi
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

PG_DATA="$RUN_DIR/pg"
mkdir -p "$PG_DATA"
chmod 700 "$PG_DATA"
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$PG_DATA"
  chmod 755 "$RUN_DIR" # postgres must be able to traverse RUN_DIR
  # the socket dir must be writable by postgres: a sub dir it owns
  PG_SOCK="$RUN_DIR/sock"
  mkdir -p "$PG_SOCK"
  chown postgres:postgres "$PG_SOCK"
  : > "$RUN_DIR/postgres.log" # written by pg_ctl running as postgres
  chown postgres:postgres "$RUN_DIR/postgres.log"
  if ! runuser -u postgres -- test -w "$PG_DATA"; then
    die "the postgres user cannot reach $PG_DATA (a parent directory is not world-executable); use a RUN_DIR under /tmp"
  fi
else
  PG_SOCK="$RUN_DIR/sock"
  mkdir -p "$PG_SOCK"
fi
record PG_DATA "$PG_DATA"
record PG_BIN "$PGBIN"

as_pg "$PGBIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
  > "$RUN_DIR/initdb.log" 2>&1 || { tail -n 20 "$RUN_DIR/initdb.log" >&2; die "initdb failed"; }

PG_PORT=""
for attempt in 1 2 3; do
  port="$(node "$here/bootstrap.mjs" free-port)"
  if as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -l "$RUN_DIR/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_SOCK -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start > "$RUN_DIR/pg_ctl.log" 2>&1; then
    PG_PORT="$port"
    break
  fi
  log "postgres did not start on port $port (attempt $attempt)"
done
[ -n "$PG_PORT" ] || { tail -n 20 "$RUN_DIR/pg_ctl.log" "$RUN_DIR/postgres.log" >&2; die "postgres failed to start"; }
PG_PID="$(head -n 1 "$PG_DATA/postmaster.pid")"
record PG_PORT "$PG_PORT"
record PG_PID "$PG_PID"

as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres medusa
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/medusa"
record DATABASE_URL "$DATABASE_URL"
log "postgres up on 127.0.0.1:$PG_PORT ($(elapsed)s)"

# ---- Medusa ------------------------------------------------------------------
export JWT_SECRET="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
export COOKIE_SECRET="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
export MEDUSA_DISABLE_TELEMETRY=true
export NODE_ENV=production
unset REDIS_URL || true

cd "$MEDUSA_HOME"
node "$MEDUSA_CLI" db:migrate > "$RUN_DIR/migrate.log" 2>&1 \
  || { tail -n 30 "$RUN_DIR/migrate.log" >&2; die "medusa db:migrate failed (log: $RUN_DIR/migrate.log)"; }
log "migrations done ($(elapsed)s)"

MEDUSA_PORT="$(node "$here/bootstrap.mjs" free-port)"
MEDUSA_URL="http://127.0.0.1:$MEDUSA_PORT"
# setsid: own process group, so stop.sh can end Medusa and anything it forked.
setsid node "$MEDUSA_CLI" start --host 127.0.0.1 --port "$MEDUSA_PORT" \
  > "$RUN_DIR/medusa.log" 2>&1 < /dev/null &
MEDUSA_PID=$!
echo "$MEDUSA_PID" > "$RUN_DIR/medusa.pid"
record MEDUSA_PID "$MEDUSA_PID"
record MEDUSA_PORT "$MEDUSA_PORT"

# Create the admin user while the server boots (both only need the migrated DB).
MEDUSA_ADMIN_EMAIL="${MEDUSA_ADMIN_EMAIL:-admin@example.com}"
MEDUSA_ADMIN_PASSWORD="pw-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
node "$MEDUSA_CLI" user -e "$MEDUSA_ADMIN_EMAIL" -p "$MEDUSA_ADMIN_PASSWORD" > "$RUN_DIR/user.log" 2>&1 < /dev/null &
USER_PID=$!
echo "$USER_PID" > "$RUN_DIR/user.pid"

if ! health="$(node "$here/bootstrap.mjs" wait-health "$MEDUSA_URL" "${MEDUSA_START_TIMEOUT:-180}" "$MEDUSA_PID")"; then
  log "---- last lines of $RUN_DIR/medusa.log ----"
  tail -n 40 "$RUN_DIR/medusa.log" >&2
  die "Medusa did not become healthy at $MEDUSA_URL/health (stop it with: $here/stop.sh $RUN_DIR)"
fi
log "medusa healthy at $MEDUSA_URL ($health, $(elapsed)s)"

if ! wait "$USER_PID"; then
  tail -n 20 "$RUN_DIR/user.log" >&2
  die "medusa user -e $MEDUSA_ADMIN_EMAIL failed (log: $RUN_DIR/user.log)"
fi
rm -f "$RUN_DIR/user.pid"

MEDUSA_SECRET_KEY="$(node "$here/bootstrap.mjs" secret-key "$MEDUSA_URL" "$MEDUSA_ADMIN_EMAIL" "$MEDUSA_ADMIN_PASSWORD")" \
  || die "could not log in / create the secret API key"

record MEDUSA_URL "$MEDUSA_URL"
record MEDUSA_SECRET_KEY "$MEDUSA_SECRET_KEY"
record MEDUSA_ADMIN_EMAIL "$MEDUSA_ADMIN_EMAIL"
record MEDUSA_ADMIN_PASSWORD "$MEDUSA_ADMIN_PASSWORD"
record MEDUSA_STATE "$RUN_DIR/state.json"
record MEDUSA_READY 1

log "ready in $(elapsed)s: Medusa $MEDUSA_URL, postgres 127.0.0.1:$PG_PORT"
log "env written to $RUN_DIR/env (use: set -a; . $RUN_DIR/env; set +a)"
echo "$RUN_DIR/env"
