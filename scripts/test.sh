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
cd "$build"
ctest --output-on-failure --timeout 900 -j"${CTEST_PARALLEL:-2}" "$@"
# Sanitizers and fuzzing: 15 s per fuzz target here (NGHEDAN_FUZZ_SECONDS), longer by hand.
NGHEDAN_FUZZ_SECONDS=${NGHEDAN_FUZZ_SECONDS:-15} "$root/scripts/sanitize.sh"
