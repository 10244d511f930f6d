#!/usr/bin/env bash
# Configures and builds NgheDan (Release by default) into build/. Quick when up to date.
# Usage: scripts/build.sh [cmake args...]   env: BUILD_DIR (default build), BUILD_TYPE
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
"$root/scripts/deps.sh" ${NGHEDAN_DEPS_ARGS:-}
if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" "$@"
elif (($#)); then
  cmake "$build" "$@"
fi
cmake --build "$build" -j"$(nproc)"
