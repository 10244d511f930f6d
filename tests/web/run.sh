#!/usr/bin/env bash
# Runs the dashboard's browser tests (ctest: web_dashboard). Needs NGHEDAN_SERVER (the binary),
# node and Debian's chromium. Installs playwright-core from package-lock.json when missing.
set -euo pipefail
cd "$(dirname "$0")"
if [[ ! -d node_modules/playwright-core ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node --test --test-concurrency=1 dashboard.test.mjs
