#!/usr/bin/env bash
# End-to-end smoke run of the harness: install → start → every step → snapshot → stop.
#
#   scripts/medusa/run-all.sh [FIXTURE_DIR]
#
# With FIXTURE_DIR, also (re)records the raw Admin API samples there
# (the committed ones live in tests/fixtures/medusa). Prints the snapshot.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
run_dir="$(mktemp -d /tmp/medusa-run.XXXXXX)"
trap '"$here/stop.sh" "$run_dir"' EXIT INT TERM

t0=$(date +%s)
"$here/start.sh" "$run_dir" >/dev/null
t1=$(date +%s)
set -a; . "$run_dir/env"; set +a
for step in seed place-orders capture fulfil ship deliver cancel partial-refund \
            return-request return-receive refund-after-return; do
  node "$here/steps.mjs" "$step" > "$run_dir/step-$step.json"
done
t2=$(date +%s)
if [ $# -ge 1 ]; then
  node "$here/steps.mjs" record-fixtures "$1" >&2
fi
node "$here/steps.mjs" snapshot
printf 'medusa/run-all.sh: start %ss, steps %ss\n' "$((t1 - t0))" "$((t2 - t1))" >&2
