#!/usr/bin/env bash
# What the browser tests (tests/browser) need, installed only when missing:
# Debian's Chromium at /usr/bin/chromium (never a downloaded browser build) and
# axe-core from package-lock.json in node_modules/ (scripts/ensure-node-modules.sh).
# Quick when both are there.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=/usr/bin/chromium
apt_updated=0

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$apt_updated" = 0 ]; then
    apt-get update -qq
    apt_updated=1
  fi
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-browser: $CHROMIUM is missing and this is not root." >&2
    echo "ensure-browser: install Debian's Chromium first: sudo apt-get install chromium fonts-liberation" >&2
    exit 1
  fi
  echo "==> Installing Debian's Chromium (apt package chromium)"
  apt_install chromium fonts-liberation
  if [ ! -x "$CHROMIUM" ]; then
    echo "ensure-browser: apt installed chromium but $CHROMIUM is still missing." >&2
    exit 1
  fi
fi

# axe-core, with the rest of package-lock.json.
scripts/ensure-node-modules.sh
