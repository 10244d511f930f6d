#!/usr/bin/env bash
# Runs browser test files (default dashboard.test.mjs; ctest: web_dashboard, web_minutes). Needs
# NGHEDAN_SERVER (the binary), node and Debian's chromium (and poppler's pdftotext for the
# minutes). Installs playwright-core from package-lock.json when missing.
set -euo pipefail
cd "$(dirname "$0")"
if [[ ! -d node_modules/playwright-core ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
(($#)) || set -- dashboard.test.mjs
exec node --test --test-concurrency=1 "$@"
