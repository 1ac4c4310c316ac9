#!/usr/bin/env bash
# Fuzzes the engine's parsers of what comes from outside (fuzz/: every shop connector's response bodies and the
# back-office file importer) with cargo-fuzz and libFuzzer, each target for FUZZ_SECONDS (600 by default),
# starting from the seeds made from the demo shop (fuzz/seeds/<target>/, regenerated with
# `cargo run --manifest-path fuzz/Cargo.toml --example seed`) and the corpus grown by earlier runs
# (fuzz/corpus/<target>/, not committed).
#
#   scripts/fuzz.sh                          every target, 10 minutes each
#   FUZZ_SECONDS=15 scripts/fuzz.sh          a short pass (make test)
#   scripts/fuzz.sh pdd_responses import_file
#
# Prints per target the runs, execs/s, coverage, corpus size and crashes; exits non-zero on a crash (the input
# is kept under fuzz/artifacts/<target>/, replay it with `cargo fuzz run <target> <file>` and the same flags;
# logs in fuzz/logs/).
# Rust stable only: cargo-fuzz passes -Z flags, which RUSTC_BOOTSTRAP=1 lets stable accept; no sanitizer
# (`-s none`), but release builds with debug assertions and overflow checks, as the app's debug build has.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

ALL=(shopify_orders shopify_returns woocommerce_responses medusa_responses pdd_responses taobao_responses import_file)
SECS=${FUZZ_SECONDS:-600}
TIMEOUT=${FUZZ_TIMEOUT:-20}
if [ $# -gt 0 ]; then TARGETS=("$@"); else TARGETS=("${ALL[@]}"); fi
for t in "${TARGETS[@]}"; do
  if [[ ! " ${ALL[*]} " == *" $t "* ]]; then
    echo "fuzz.sh: no target '$t'; the targets are: ${ALL[*]}" >&2
    exit 2
  fi
done

# A target folder outside the clone when this machine keeps one (as the Makefile does), else fuzz/target.
if [ -d "$HOME/.cache/aftersales-desk" ]; then
  TARGET_DIR=$HOME/.cache/aftersales-desk/fuzz-target
else
  TARGET_DIR=$ROOT/fuzz/target
fi
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR=$TARGET_DIR
FLAGS=(-s none -O -a --codegen-units 16 --target-dir "$TARGET_DIR")

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  nice -n 10 cargo install cargo-fuzz --locked
fi

echo "== building the fuzz targets (target dir $TARGET_DIR)"
build_start=$(date +%s)
if [ ${#TARGETS[@]} -eq ${#ALL[@]} ]; then
  nice -n 10 cargo fuzz build "${FLAGS[@]}"
else
  for t in "${TARGETS[@]}"; do nice -n 10 cargo fuzz build "${FLAGS[@]}" "$t"; done
fi
echo "   built in $(( $(date +%s) - build_start )) s"

summary=()
crashed=0
for t in "${TARGETS[@]}"; do
  corpus=fuzz/corpus/$t
  artifacts=fuzz/artifacts/$t
  mkdir -p "$corpus" "$artifacts" "fuzz/seeds/$t" fuzz/logs
  # Not in the artifacts folder: cargo-fuzz takes the newest file there for the failing input.
  log=fuzz/logs/$t.log
  stamp=$artifacts/.started
  touch "$stamp"
  echo "== $t: ${SECS} s (log $log)"
  status=0
  dict=()
  if [ -f "fuzz/dicts/$t.dict" ]; then dict=(-dict="fuzz/dicts/$t.dict"); fi
  # The grown corpus first: libFuzzer adds new inputs there and only reads the seeds.
  nice -n 10 cargo fuzz run "${FLAGS[@]}" "$t" "$corpus" "fuzz/seeds/$t" -- \
    -max_total_time="$SECS" -rss_limit_mb=2048 -timeout="$TIMEOUT" -print_final_stats=1 \
    "${dict[@]}" -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  found=$(find "$artifacts" -maxdepth 1 -type f -newer "$stamp" \( -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' -o -name 'leak-*' \))
  crashes=$(printf '%s' "$found" | grep -c . || true)
  if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | awk '{print $2}')
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -1 | awk '{print $2}')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  corp=$(grep -o 'corp: [0-9]*/[0-9A-Za-z]*' "$log" | tail -1 | awk '{print $2}')
  added=$(grep -o 'stat::new_units_added: *[0-9]*' "$log" | tail -1 | awk '{print $2}')
  files=$(find "$corpus" -type f | wc -l)
  line=$(printf '%-22s runs %-10s execs/s %-7s cov %-6s ft %-6s corpus %-12s (%s files, %s new) crashes %s' \
    "$t" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$files" "${added:-?}" "$crashes")
  echo "   $line"
  summary+=("$line")
  if [ "$crashes" -gt 0 ]; then
    crashed=1
    echo "   !! $t failed (exit $status); the end of its log:"
    grep -v -e '^WARNING: Failed to find function' -e '^Output of `std::fmt::Debug`' "$log" | tail -60 | cut -c1-240 | sed 's/^/      /'
    printf '%s\n' "$found" | grep . | sed 's/^/   input kept: /' || true
  fi
done

echo "== fuzz summary (${SECS} s per target)"
printf '   %s\n' "${summary[@]}"
if [ "$crashed" -ne 0 ]; then
  echo "fuzz: FAILED: a target crashed (inputs under fuzz/artifacts/)" >&2
  exit 1
fi
echo "fuzz: ${#TARGETS[@]} passed, 0 failed"
