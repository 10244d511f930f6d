#!/usr/bin/env bash
# Runs every test: installs what is missing (Debian packages, Chromium, the pinned npm
# packages of the browser tests), builds, then runs the whole ctest suite.
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
