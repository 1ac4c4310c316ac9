#!/usr/bin/env bash
# Stops the Medusa + PostgreSQL pair started by start.sh and removes RUN_DIR.
#
#   scripts/medusa/stop.sh RUN_DIR
#
# Safe to call twice, on a half-started RUN_DIR, and from a trap. Only ends the
# processes whose pids start.sh recorded in RUN_DIR (never by name).
set -u

log() { printf 'medusa/stop.sh: %s\n' "$*" >&2; }
[ $# -eq 1 ] || { log "usage: $0 RUN_DIR"; exit 2; }
RUN_DIR="$1"
if [ ! -d "$RUN_DIR" ]; then
  exit 0 # already stopped and removed
fi
RUN_DIR="$(cd "$RUN_DIR" && pwd -P)"

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# Is $1 still the process start.sh launched (not a recycled pid)?
ours() {
  local pid="$1" want="$2"
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$want"
}

stop_group() { # pid, cmdline marker, label
  local pid="$1" marker="$2" label="$3" i
  alive "$pid" && ours "$pid" "$marker" || return 0
  # start.sh runs Medusa under setsid: pid == process group id.
  local pgid
  pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')"
  if [ "$pgid" = "$pid" ]; then kill -TERM -- "-$pid" 2>/dev/null; else kill -TERM "$pid" 2>/dev/null; fi
  for i in $(seq 1 50); do alive "$pid" || break; sleep 0.2; done
  if alive "$pid"; then
    log "$label ($pid) ignored SIGTERM; sending SIGKILL"
    if [ "$pgid" = "$pid" ]; then kill -KILL -- "-$pid" 2>/dev/null; else kill -KILL "$pid" 2>/dev/null; fi
    for i in $(seq 1 25); do alive "$pid" || break; sleep 0.2; done
  fi
}

for f in medusa.pid user.pid; do
  if [ -f "$RUN_DIR/$f" ]; then
    pid="$(cat "$RUN_DIR/$f" 2>/dev/null)"
    stop_group "$pid" "@medusajs/cli/cli.js" "medusa (${f%.pid})"
  fi
done

PG_DATA="$RUN_DIR/pg"
if [ -f "$PG_DATA/postmaster.pid" ]; then
  pg_pid="$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null)"
  PGBIN="$(sed -n 's/^PG_BIN=//p' "$RUN_DIR/env" 2>/dev/null | tail -n 1)"
  [ -n "$PGBIN" ] || PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if alive "$pg_pid"; then
    if [ "$(id -u)" = 0 ]; then
      runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PG_DATA" stop -m fast -w -t 30 >/dev/null 2>&1
    else
      "$PGBIN/pg_ctl" -D "$PG_DATA" stop -m fast -w -t 30 >/dev/null 2>&1
    fi
    if alive "$pg_pid" && ours "$pg_pid" "$PG_DATA"; then
      log "pg_ctl stop failed; sending SIGQUIT to postgres $pg_pid"
      kill -QUIT "$pg_pid" 2>/dev/null
      for i in $(seq 1 25); do alive "$pg_pid" || break; sleep 0.2; done
    fi
  fi
fi

rm -rf "$RUN_DIR" 2>/dev/null || { sleep 1; rm -rf "$RUN_DIR"; }
exit 0
