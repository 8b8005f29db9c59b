#!/usr/bin/env bash
# Fuzzes every harness of tests/fuzz (or those named) for SECONDS each (default 60) with libFuzzer,
# AddressSanitizer and UBSan: a clang build in build-fuzz/. Each harness starts from its seeds
# (tests/fuzz/seeds/<harness>), its regression inputs and what earlier runs added to
# build-fuzz/corpus/<harness>. Every crash, leak, timeout or out-of-memory input found is copied to
# tests/fuzz/regressions/<harness>/, which the normal suite replays (ctest -L fuzz-replay): commit
# it with the fix. Prints executions per second, coverage and corpus size per harness.
#   scripts/fuzz.sh [SECONDS] [HARNESS...]     e.g. scripts/fuzz.sh 300 pdf docx
set -euo pipefail
GW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$GW_ROOT/scripts/common.sh"

seconds=60
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
    seconds="$1"
    shift
fi
gw_install_packages
gw_install_packages "$GW_ROOT/scripts/fuzz-packages.txt"
gw_configure build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGW_FUZZ=ON
gw_log "Building the fuzz harnesses (build-fuzz)"
cmake --build "$GW_ROOT/build-fuzz" --target fuzzers

harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
    for seeds in "$GW_ROOT"/tests/fuzz/seeds/*/; do
        harnesses+=("$(basename "$seeds")")
    done
fi

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export LSAN_OPTIONS="suppressions=$GW_ROOT/tests/lsan.supp:print_suppressions=0" # as the test suite
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_QPA_PLATFORM=offscreen
found=0
printf '%-18s %10s %10s %8s %8s %8s  %s\n' harness runs exec/s cov ft corpus findings
for harness in "${harnesses[@]}"; do
    binary="$GW_ROOT/build-fuzz/bin/fuzz_$harness"
    [ -x "$binary" ] || { echo "fuzz.sh: no harness named $harness" >&2; exit 1; }
    corpus="$GW_ROOT/build-fuzz/corpus/$harness"
    artifacts="$GW_ROOT/build-fuzz/artifacts/$harness"
    log="$GW_ROOT/build-fuzz/fuzz-$harness.log"
    mkdir -p "$corpus" "$artifacts"
    # Exits non-zero on a finding; the loop goes on to the other harnesses.
    "$binary" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$corpus" "$GW_ROOT/tests/fuzz/seeds/$harness" \
        "$GW_ROOT/tests/fuzz/regressions/$harness" >"$log" 2>&1 || true
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    units=$(find "$corpus" -type f | wc -l)
    findings=0
    for artifact in "$artifacts"/*; do
        [ -f "$artifact" ] || continue
        cp "$artifact" "$GW_ROOT/tests/fuzz/regressions/$harness/"
        rm "$artifact"
        findings=$((findings + 1))
    done
    found=$((found + findings))
    printf '%-18s %10s %10s %8s %8s %8s  %s\n' "$harness" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$units" \
        "$([ "$findings" -gt 0 ] && echo "$findings: see $log" || echo none)"
done
if [ "$found" -gt 0 ]; then
    gw_log "$found finding(s) copied to tests/fuzz/regressions: replay with ctest -L fuzz-replay after the fix"
    exit 1
fi
