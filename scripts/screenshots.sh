#!/usr/bin/env bash
# Renders each page and dialog of the tablet app with demo data, in landscape 1280×800 and
# portrait 800×1280, to docs/screenshots/app-<page>[-portrait].png (plus two English ones).
# Material renders fully only on a real display, so this runs under xvfb-run; the virtual
# screen is large enough for either orientation.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build-app)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build-app}"
cmake --build "$build" --target nghedan_screenshots -j2
exec xvfb-run -a -s "-screen 0 1280x1280x24" "$build/tests/qml/nghedan_screenshots" docs/screenshots
