#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the app needs to build and run (and, with --test, to be tested).
# Only what is missing is installed, so a second run is a no-op.
set -euo pipefail

build_pkgs=(libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config fonts-wqy-microhei)
test_pkgs=(xvfb xauth dbus-x11 imagemagick webkit2gtk-driver chromium dunst xdotool at-spi2-core sqlite3)

want=("${build_pkgs[@]}")
if [ "${1:-}" = "--test" ]; then want+=("${test_pkgs[@]}"); fi

missing=()
for p in "${want[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing system packages: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
