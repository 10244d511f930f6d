#!/usr/bin/env bash
# Installs the Debian packages NgheDan builds and runs with. Idempotent: installs only
# what is missing, so it is quick when everything is already there.
# Usage: scripts/deps.sh [--tests]   (--tests adds what only the tests need: Chromium and Node
#        for the dashboard, nginx/openssl/systemd for the production pieces, clang for the
#        sanitizer build and the fuzz targets)
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config git ca-certificates
  # shared + server
  libsqlite3-dev libcpp-httplib-dev nlohmann-json3-dev libsodium-dev
  zlib1g-dev libssl-dev libbrotli-dev catch2
  # tablet app (Qt 6.4 Quick, Material); every QML module the app imports is listed
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-tools-dev qt6-l10n-tools
  qt6-tools-dev-tools libgl-dev libqt6svg6 qt6-qpa-plugins
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
  qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qttest
  qml6-module-qtquick-dialogs qml6-module-qtquick-shapes
  # the file dialog (attachments) when the platform has no native one; the device's position
  qml6-module-qt-labs-folderlistmodel qml6-module-qtpositioning
  # display for screenshots and the app when no display exists; fonts with Vietnamese
  xvfb xauth fonts-noto-core fonts-dejavu-core
)
if [[ "${1:-}" == "--tests" ]]; then
  packages+=(chromium sqlite3 poppler-utils)
  # the shipped production pieces, tested: nginx in front (with a test CA made by openssl),
  # the systemd unit checked by systemd-analyze
  packages+=(nginx openssl systemd)
  # scripts/sanitize.sh: clang with its sanitizer and libFuzzer runtimes
  packages+=(clang libclang-rt-14-dev)
  # Node.js may come from elsewhere (with its own npm); install Debian's only when absent.
  command -v npm >/dev/null || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  # Packages must not start services here (nginx would take port 80): the tests start their own.
  policy=""
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee "$policy" >/dev/null
    $sudo_cmd chmod +x "$policy"
  fi
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if [[ -n "$policy" ]]; then $sudo_cmd rm -f "$policy"; fi
fi
