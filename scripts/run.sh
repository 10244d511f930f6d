#!/usr/bin/env bash
# Runs NgheDan: builds what is needed, starts nghedan-server with demo data on
# http://127.0.0.1:${PORT:-8080} (data in var/demo), opens the tablet app against it when a
# display exists, and prints the dashboard address and the demo logins. Ctrl-C stops it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
port=${PORT:-8080}
data=${NGHEDAN_DATA:-$root/var/demo}
"$root/scripts/build.sh"

mkdir -p "$data"
server="$build/server/nghedan-server"
log="$data/server.log"
"$server" serve --demo --address 127.0.0.1 --port "$port" --data "$data" >"$log" 2>&1 &
server_pid=$!
app_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
  kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

for _ in $(seq 1 300); do
  grep -q "listening on" "$log" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$log"; echo "nghedan-server did not start" >&2; exit 1; }
  sleep 0.1
done
url="http://127.0.0.1:$port"
cat <<MSG

NgheDan is running.
  Dashboard (giám sát):  $url/
  Server log:            $log
  Demo logins (password demo1234):
    canbo.q3     cán bộ, Phường 4, Quận 3        (tablet app)
    canbo.q12    cán bộ, Phường Thới An, Quận 12 (tablet app)
    giamsat.q3   giám sát, Quận 3                (dashboard)
    giamsat.q12  giám sát, Quận 12               (dashboard)
    admin        quản trị (dashboard: access log, a person's data requests)
  On the tablet app, the first sign-in asks for a PIN (6–12 digits) that encrypts its data.
MSG

app="$build/client/nghedan"
if [[ -x "$app" && ( -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ) ]]; then
  echo "  Tablet app:            opening (server $url)"
  "$app" --server "$url" --data "$data/tablet" &
  app_pid=$!
else
  echo "  Tablet app:            no display here; on a desktop run: $app --server $url"
fi
echo
echo "Press Ctrl-C to stop."
wait "$server_pid"
