#!/usr/bin/env bash
# Runs the whole pipeline locally with one command: builds the worker app and the dev host, installs Azurite when
# missing, then runs the dev host (tools/ServerlessEvents.DevHost): Azurite, a local Event Grid topic, a local
# SignalR Service, an SMTP sink, and the Functions host that runs the isolated worker over gRPC. Ctrl-C or SIGTERM
# stops every child. Prerequisites: .NET 10 SDK, Node.js 20+ with npm.
#
#   scripts/run-local.sh          the dev host on http://localhost:7071
#   scripts/run-local.sh --func   Azure Functions Core Tools (func start) with the same emulators beside it
#
# Ports and other settings: DevHost__* environment variables (see "Run it locally" in README.md), for example
# DevHost__ApiPort=7171 scripts/run-local.sh
set -euo pipefail
cd "$(dirname "$0")/.."

use_func=false
for arg in "$@"; do
  case "$arg" in
    --func) use_func=true ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-local: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

command -v dotnet >/dev/null 2>&1 || { echo "run-local: the .NET SDK ('dotnet') is not on PATH; install the .NET 10 SDK (see global.json)." >&2; exit 2; }
command -v node >/dev/null 2>&1 || { echo "run-local: Node.js ('node') is not on PATH; install Node.js 20+ (Azurite runs on it)." >&2; exit 2; }
if $use_func; then
  command -v func >/dev/null 2>&1 || { echo "run-local: --func needs Azure Functions Core Tools v4 ('func') on PATH; without --func the dev host needs none." >&2; exit 2; }
fi

bash scripts/setup.sh >/dev/null   # installs the pinned Azurite from npm when missing
[ -f local.settings.json ] || { cp local.settings.sample.json local.settings.json; echo "run-local: created local.settings.json from local.settings.sample.json"; }

# Building the dev host builds the worker app it runs (a project reference).
dotnet build tools/ServerlessEvents.DevHost -c Debug -nologo -v quiet -clp:NoSummary -p:WarningLevel=0 >/dev/null || {
  echo "run-local: the build failed; run 'dotnet build tools/ServerlessEvents.DevHost' to see why." >&2; exit 1; }
devhost=tools/ServerlessEvents.DevHost/bin/Debug/net10.0/ServerlessEvents.DevHost.dll

if ! $use_func; then
  # exec: the dev host is this process, so Ctrl-C and SIGTERM reach it, and it stops its children.
  exec dotnet "$devhost"
fi

DevHost__Mode=emulators dotnet "$devhost" &
emulators=$!
trap 'kill -TERM "$emulators" 2>/dev/null || true; wait "$emulators" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
# Wait for the emulators to write func's settings, then run func in the foreground.
for _ in $(seq 1 120); do
  [ -f functions/ServerlessEvents.FunctionApp/bin/Debug/net10.0/local.settings.json ] && kill -0 "$emulators" 2>/dev/null && grep -q EventGrid__TopicKey functions/ServerlessEvents.FunctionApp/bin/Debug/net10.0/local.settings.json && break
  kill -0 "$emulators" 2>/dev/null || exit 1
  sleep 0.5
done
func start --script-root functions/ServerlessEvents.FunctionApp/bin/Debug/net10.0
