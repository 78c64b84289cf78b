#!/bin/sh
# azd prepackage hook: the app's build embeds the SignalR browser client from node_modules (pinned in package.json).
set -eu
cd "$(dirname "$0")/../.."
npm ci --no-audit --no-fund
