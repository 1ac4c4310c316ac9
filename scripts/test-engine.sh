#!/usr/bin/env bash
# The engine's tests (`cargo test -p aftersales`), built once and run in two lanes side by side: the tests that
# talk to the demo shop (tests/sync_*.rs, tests/outbox_*.rs) spend most of their time waiting out the platforms'
# documented rates, so the other lane uses the cores meanwhile. Each test binary's output goes to
# test-output/engine/<name>.log; a table of each binary's time and result is printed at the end, and the log of
# every binary that failed. Exits non-zero when one failed.
#
#   scripts/test-engine.sh                 every test binary
#   scripts/test-engine.sh sync_pdd crash  only these (test file names), still in their lanes
set -uo pipefail
cd "$(dirname "$0")/.."
out="${TEST_OUTPUT_DIR:-$PWD/test-output}/engine"
rm -rf "$out" && mkdir -p "$out"

# What cargo test would run: the library's and the CLI's unit tests and every tests/*.rs, by name.
built="$out/build.json"
if ! cargo test -p aftersales --no-run --message-format=json-render-diagnostics >"$built"; then
  echo "test-engine: the tests did not build" >&2
  exit 1
fi
mapfile -t targets < <(grep '"executable":"/' "$built" | grep '"overflow_checks":[a-z]*,"test":true' |
  sed -E 's/.*"kind":\["([a-z-]+)"\].*"name":"([^"]+)".*"executable":"([^"]+)".*/\1 \2 \3/')
if [ "${#targets[@]}" -eq 0 ]; then
  echo "test-engine: cargo built no test binary" >&2
  exit 1
fi

wanted=" $* "
waiting=() others=()
for t in "${targets[@]}"; do
  read -r kind name exe <<<"$t"
  label="$name"
  [ "$kind" = test ] || label="$name ($kind)"
  [ $# -eq 0 ] || [[ "$wanted" == *" $name "* ]] || continue
  case "$kind:$name" in
    test:sync_* | test:outbox_*) waiting+=("$label|$exe") ;;
    *) others+=("$label|$exe") ;;
  esac
done

# One lane: its binaries one after the other, each line of the table "seconds status label".
lane() {
  local table=$1
  shift
  for item in "$@"; do
    local label=${item%%|*} exe=${item#*|}
    local log="$out/$(tr -c 'A-Za-z0-9_\n-' '_' <<<"$label").log"
    local start status
    start=$(date +%s.%N)
    "$exe" >"$log" 2>&1
    status=$?
    printf '%7.1f %s %s\n' "$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')" \
      "$([ $status -eq 0 ] && echo ok || echo FAILED)" "$label" >>"$table"
    [ $status -eq 0 ] || echo "$log" >>"$out/failed"
  done
}

if [ $((${#waiting[@]} + ${#others[@]})) -eq 0 ]; then
  echo "test-engine: no test binary named: $*" >&2
  exit 2
fi

started=$(date +%s)
lane "$out/lane-waiting" "${waiting[@]}" &
first=$!
lane "$out/lane-others" "${others[@]}" &
second=$!
wait $first $second

echo "engine tests, two lanes side by side, $(($(date +%s) - started)) s (seconds per test binary):"
cat "$out"/lane-* 2>/dev/null | sort -rn
if [ -s "$out/failed" ]; then
  while read -r log; do
    echo
    echo "==== $log"
    cat "$log"
  done <"$out/failed"
  exit 1
fi
