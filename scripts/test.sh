#!/usr/bin/env bash
# Runs every test: installs what is missing (Debian packages, Chromium, the pinned npm
# packages of the browser tests), builds, runs the whole ctest suite, then the sanitizer build
# of the shared, server and end-to-end tests with the fuzz targets (scripts/sanitize.sh).
# Usage: scripts/test.sh [ctest args...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
NGHEDAN_DEPS_ARGS=--tests "$root/scripts/build.sh"
if [[ -f "$root/tests/web/package-lock.json" ]]; then
  lock="$root/tests/web/package-lock.json"
  stamp="$root/tests/web/node_modules/.installed-lock"
  if [[ ! -f "$stamp" ]] || ! cmp -s "$lock" "$stamp"; then
    (cd "$root/tests/web" && npm ci --no-audit --no-fund) && cp "$lock" "$stamp"
  fi
fi
# Sanitizers and fuzzing (scripts/sanitize.sh): 10 s per fuzz target here, longer by hand.
# Its build compiles while the main suite runs, at low priority (the suite waits much of its
# time on browsers, sockets and timers); its tests run after.
export NGHEDAN_FUZZ_SECONDS=${NGHEDAN_FUZZ_SECONDS:-10}
sanitize_log=$(mktemp)
nice -n 15 "$root/scripts/sanitize.sh" --build-only >"$sanitize_log" 2>&1 &
sanitize_build=$!
cd "$build"
status=0
ctest --output-on-failure --timeout 900 -j"${CTEST_PARALLEL:-2}" "$@" || status=$?
if ! wait "$sanitize_build"; then
  cat "$sanitize_log"
  echo "the sanitizer build failed" >&2
  exit 1
fi
rm -f "$sanitize_log"
((status == 0)) || exit "$status"
"$root/scripts/sanitize.sh" --test-only
