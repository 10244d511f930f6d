#!/usr/bin/env bash
# The shipped systemd unit (server/deploy/systemd) is valid and hardened: systemd-analyze
# verifies it (pointed at the built binary) and rates its exposure at most 2.0 ("OK").
# Usage: check_systemd_unit.sh NGHEDAN_SERVER_BINARY
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
binary=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sed "s#/usr/local/bin/nghedan-server#$binary#" \
  "$root/server/deploy/systemd/nghedan-server.service" > "$dir/nghedan-server.service"
systemd-analyze verify "$dir/nghedan-server.service"
systemd-analyze security --offline=yes --threshold=20 "$dir/nghedan-server.service" | tail -1
# The unit runs what the README says it runs.
grep -q -- "--behind-tls-proxy" "$dir/nghedan-server.service"
grep -q -- "--address 127.0.0.1" "$dir/nghedan-server.service"
echo "systemd unit ok"
