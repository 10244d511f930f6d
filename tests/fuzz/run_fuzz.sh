#!/usr/bin/env bash
# Runs one libFuzzer target for a fixed time over the repository's corpus; new inputs it finds
# go to a work directory in the build. A crash fails the test and names the input to keep under
# tests/fuzz/regressions/<target>/ (then it runs as a regular test).
# Usage: run_fuzz.sh TARGET CORPUS_DIR WORK_DIR SECONDS
set -euo pipefail
target=$1 corpus=$2 work=$3 seconds=$4
mkdir -p "$work/found" "$work/artifacts"
exec "$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/found" "$corpus"
