#!/usr/bin/env bash
# The sanitizer run, part of scripts/test.sh: the shared, server and end-to-end tests built with
# clang under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/, apart from build/),
# and the libFuzzer targets (tests/fuzz) run for NGHEDAN_FUZZ_SECONDS each (default 20).
# Usage: scripts/sanitize.sh [--build-only | --test-only] [ctest args...]
#        env: SANITIZE_BUILD_DIR, NGHEDAN_FUZZ_SECONDS
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${SANITIZE_BUILD_DIR:-$root/build-asan}
step=all
if [[ "${1:-}" == "--build-only" || "${1:-}" == "--test-only" ]]; then
  step=$1
  shift
fi
if [[ "$step" != --test-only ]]; then
  "$root/scripts/deps.sh" --tests
  if [[ ! -f "$build/build.ninja" ]]; then
    CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DNGHEDAN_SANITIZE=ON -DNGHEDAN_BUILD_APP=OFF -DNGHEDAN_WITH_DASHBOARD=ON \
      -DNGHEDAN_FUZZ_SECONDS="${NGHEDAN_FUZZ_SECONDS:-20}"
  else
    cmake "$build" -DNGHEDAN_FUZZ_SECONDS="${NGHEDAN_FUZZ_SECONDS:-20}" >/dev/null
  fi
  cmake --build "$build" -j"$(nproc)"
fi
if [[ "$step" == --build-only ]]; then exit 0; fi
cd "$build"
# Leaks are not checked: the server's worker threads and SQLite's caches live until exit.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The convergence property runs 50 random schedules here (1,000 in the normal build).
export NGHEDAN_SCHEDULES=${NGHEDAN_SCHEDULES:-50}
ctest --output-on-failure --timeout 900 -j"${CTEST_PARALLEL:-2}" "$@"
