#!/usr/bin/env bash
# Installs the repository's Node tooling (Azurite, pinned in package.json / package-lock.json).
# Idempotent: does nothing when node_modules/.bin/azurite already exists.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [[ -x node_modules/.bin/azurite ]]; then
  echo "Azurite already installed: $(node -p "require('./node_modules/azurite/package.json').version")"
  exit 0
fi
command -v npm >/dev/null || { echo "npm is required (Node.js 20+)" >&2; exit 1; }
npm ci --no-audit --no-fund
echo "Azurite installed: $(node -p "require('./node_modules/azurite/package.json').version")"
