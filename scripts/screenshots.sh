#!/usr/bin/env bash
# Renders each main page of the tablet app with demo data to docs/screenshots/*.png.
# Material renders fully only on a real display, so this runs under xvfb-run.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build-app)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build-app}"
cmake --build "$build" --target nghedan_screenshots -j2
exec xvfb-run -a -s "-screen 0 1280x1280x24" "$build/tests/qml/nghedan_screenshots" docs/screenshots
