#!/usr/bin/env bash
# The npm packages of package-lock.json in node_modules/, installed with `npm ci`
# only when missing or out of date: nhsuk-frontend (the design system every page
# uses) and axe-core (the browser tests). npm comes from Debian when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# npm ci records what it installed in node_modules/.package-lock.json: when its
# packages and versions are the lock file's, node_modules is up to date. (Compared
# by content, not date: a fresh checkout's lock file is always newer.)
installed_as_locked() {
  python3 - <<'PY'
import json, sys
wanted = {path: entry.get("version") for path, entry in json.load(open("package-lock.json"))["packages"].items() if path}
found = {path: entry.get("version") for path, entry in json.load(open("node_modules/.package-lock.json"))["packages"].items()}
sys.exit(0 if wanted == found else 1)
PY
}

if [ -f node_modules/.package-lock.json ] \
  && [ -f node_modules/nhsuk-frontend/package.json ] \
  && [ -f node_modules/axe-core/axe.min.js ] \
  && installed_as_locked; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-node-modules: npm is needed for the design system and axe-core: sudo apt-get install npm" >&2
    exit 1
  fi
  echo "==> Installing npm (Debian)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends npm >/dev/null
fi

echo "==> Installing nhsuk-frontend and axe-core (npm ci)"
npm ci --no-audit --no-fund --loglevel=error
