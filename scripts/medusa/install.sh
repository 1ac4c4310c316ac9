#!/usr/bin/env bash
# Installs what the Medusa 2.21.2 test harness needs, idempotently:
#   - PostgreSQL server binaries from apt (only when no initdb is found),
#   - the Medusa app (scripts/medusa/app) into $MEDUSA_HOME with `npm ci`,
#     re-run only when node_modules is missing or the lock file / Node ABI changed.
# A warm second run takes about a second.
#
#   MEDUSA_HOME   default: $HOME/.cache/aftersales-desk/medusa-2.21.2
set -euo pipefail

t0=$(date +%s.%N)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app_src="$here/app"
MEDUSA_HOME="${MEDUSA_HOME:-$HOME/.cache/aftersales-desk/medusa-2.21.2}"

log() { printf 'medusa/install.sh: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
elapsed() { awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}'; }

# Parallel runs (make test starts one in the background early): one installer at a time, apt's included.
mkdir -p "$MEDUSA_HOME"
exec 9>"$MEDUSA_HOME/.install.lock"
flock 9

# ---- PostgreSQL --------------------------------------------------------------
pg_initdb() { ls -1 /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pg_initdb)" ] && ! command -v initdb >/dev/null 2>&1; then
  log "PostgreSQL not found; installing it from apt"
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to apt-get install postgresql"
    sudo="sudo"
  fi
  # We only want the binaries: never create/start the system cluster.
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    $sudo mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | $sudo tee /etc/postgresql-common/createcluster.conf >/dev/null
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    -o Dpkg::Options::=--force-confold postgresql >/dev/null
  [ -n "$(pg_initdb)" ] || command -v initdb >/dev/null 2>&1 || die "postgresql installed but initdb not found"
fi
if [ "$(id -u)" = 0 ] && ! id -u postgres >/dev/null 2>&1; then
  die "running as root but there is no 'postgres' system user to run the database as"
fi

# ---- Node --------------------------------------------------------------------
command -v node >/dev/null 2>&1 || die "node (>= 20) is required"
command -v npm >/dev/null 2>&1 || die "npm is required"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "node >= 20 required, found $(node -v)"

# ---- Medusa app --------------------------------------------------------------

for f in package.json package-lock.json medusa-config.js; do
  [ -f "$app_src/$f" ] || die "missing $app_src/$f"
  cmp -s "$app_src/$f" "$MEDUSA_HOME/$f" 2>/dev/null || cp "$app_src/$f" "$MEDUSA_HOME/$f"
done

want="$(cat "$app_src/package.json" "$app_src/package-lock.json" | sha256sum | cut -d' ' -f1) node-abi-$(node -p process.versions.modules)"
have="$(cat "$MEDUSA_HOME/.install-stamp" 2>/dev/null || true)"
if [ -d "$MEDUSA_HOME/node_modules/@medusajs/medusa" ] && [ "$want" = "$have" ]; then
  log "cached: $MEDUSA_HOME is up to date ($(elapsed)s)"
  exit 0
fi

log "npm ci in $MEDUSA_HOME (cold install; takes a minute or two)"
rm -f "$MEDUSA_HOME/.install-stamp"
(
  cd "$MEDUSA_HOME"
  npm ci --no-audit --no-fund --loglevel=error
) > "$MEDUSA_HOME/npm-ci.log" 2>&1 || {
  tail -n 40 "$MEDUSA_HOME/npm-ci.log" >&2
  die "npm ci failed (full log: $MEDUSA_HOME/npm-ci.log)"
}
[ -x "$MEDUSA_HOME/node_modules/.bin/medusa" ] || die "npm ci finished but node_modules/.bin/medusa is missing"
echo "$want" > "$MEDUSA_HOME/.install-stamp"
log "installed Medusa 2.21.2 into $MEDUSA_HOME in $(elapsed)s"
