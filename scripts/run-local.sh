#!/usr/bin/env bash
# Run the whole app locally: build the isolated worker app, start Azurite, run the Functions host (func start),
# which starts the worker from the build output as it would any .NET isolated app.
# Prerequisites: .NET 10 SDK, Azure Functions Core Tools v4 (func), Node.js 20+ with npm.
set -euo pipefail
cd "$(dirname "$0")/.."

script_root=functions/ServerlessEvents.FunctionApp/bin/Debug/net10.0
azurite=node_modules/.bin/azurite

command -v func >/dev/null 2>&1 || { echo "run-local: Azure Functions Core Tools v4 ('func') is not on PATH." >&2; exit 1; }
bash scripts/setup.sh   # installs the pinned Azurite from npm when missing
[ -f local.settings.json ] || { cp local.settings.sample.json local.settings.json; echo "run-local: created local.settings.json from local.settings.sample.json"; }

dotnet build functions/ServerlessEvents.FunctionApp -c Debug
cp local.settings.json "$script_root/local.settings.json"

for port in 10000 10001 10002 7071; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "run-local: port $port is already in use (Azurite uses 10000-10002, func 7071). Stop what holds it; see "Troubleshooting" in README.md." >&2
    exit 1
  fi
done

mkdir -p .azurite
"$azurite" --silent --location .azurite --debug .azurite/debug.log --skipApiVersionCheck &
azurite_pid=$!
trap 'kill "$azurite_pid" 2>/dev/null || true' EXIT INT TERM

func start --script-root "$script_root"
