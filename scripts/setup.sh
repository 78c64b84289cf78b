#!/usr/bin/env bash
# Installs the repository's Node packages (Azurite, and the SignalR browser client the dashboard ships; both pinned in
# package.json / package-lock.json).
# Idempotent: does nothing when both are installed at the pinned versions.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [[ -x node_modules/.bin/azurite && -f node_modules/@microsoft/signalr/package.json ]] \
   && [[ "$(node -p "require('./node_modules/@microsoft/signalr/package.json').version")" == "$(node -p "require('./package.json').dependencies['@microsoft/signalr']")" ]]; then
  echo "Azurite already installed: $(node -p "require('./node_modules/azurite/package.json').version")"
  exit 0
fi
command -v npm >/dev/null || { echo "npm is required (Node.js 20+)" >&2; exit 1; }
npm ci --no-audit --no-fund
echo "Azurite installed: $(node -p "require('./node_modules/azurite/package.json').version")"
