#!/usr/bin/env bash
# The Medusa connector against a real Medusa server: installs PostgreSQL and Medusa (cached, see install.sh),
# starts both on loopback ports in a folder of their own, runs tests/medusa_real.rs against them, and stops
# them whatever happens. Used by `make test` (make test-medusa); prints how long each part took.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
t0=$(date +%s)
"$here/install.sh"
t1=$(date +%s)
run_dir="$(mktemp -d /tmp/medusa-run.XXXXXX)"
trap '"$here/stop.sh" "$run_dir"' EXIT INT TERM
"$here/start.sh" "$run_dir" >/dev/null
t2=$(date +%s)
set -a; . "$run_dir/env"; set +a
export MEDUSA_RUN_DIR="$run_dir"
cd "$root"
cargo test -p aftersales --test medusa_real -- --ignored --nocapture
t3=$(date +%s)
printf 'medusa real-server test: install %ss, start %ss, test %ss, total %ss\n' \
  "$((t1 - t0))" "$((t2 - t1))" "$((t3 - t2))" "$((t3 - t0))"
