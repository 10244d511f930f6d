#!/usr/bin/env bash
# Builds and runs every benchmark, printing their figures:
#   nghedan-bench-replica       the local replica (writes, apply, search)
#   nghedan-bench-field-week    20 tablets replay a week of fieldwork against the server
#   nghedan-bench-many-tablets  1,000 simulated tablets syncing concurrently
#   nghedan-bench-first-sync    a new tablet whose ward holds 100,000 records
#   nghedan-bench-dashboard     read API and exports over 100,000 petitions, syncs during exports
#                               (not in the default list: it builds 1,000,000 changes first)
#   nghedan-bench-public        lookups and Open311 over 100,000 petitions, 200 clients
#                               (not in the default list either: it writes 100,000 petitions first)
#   nghedan-bench-blobs         5 tablets × 100 photos of 2 MB at 2 MB/s each (not in the default
#                               list: 3.5 minutes)
#   nghedan-bench-app           the tablet app over 100,000 petitions (not in the default list)
# Benchmarks are not part of the normal build; this script builds the ones it runs.
# Usage: scripts/bench.sh [names...]   (e.g. scripts/bench.sh field-week; default: all)
#   env: BUILD_DIR (default build); FIELD_WEEK_WORKLOAD=FILE replays another workload.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
all=(replica field-week many-tablets first-sync)
names=("$@")
((${#names[@]})) || names=("${all[@]}")

if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNGHEDAN_BUILD_APP=OFF
fi
targets=()
for n in "${names[@]}"; do targets+=("nghedan-bench-$n"); done
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"

status=0
for n in "${names[@]}"; do
  echo "==== nghedan-bench-$n ===="
  args=()
  if [[ $n == field-week && -n ${FIELD_WEEK_WORKLOAD:-} ]]; then
    args=(--workload "$FIELD_WEEK_WORKLOAD")
  fi
  "$build/tests/bench/nghedan-bench-$n" "${args[@]}" || { echo "(nghedan-bench-$n exited with $?)"; status=1; }
  echo
done
exit $status
