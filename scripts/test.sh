#!/usr/bin/env bash
# The one test command: compiles and lints infra/*.bicep (scripts/lint-bicep.sh), installs the repo's own npm
# tooling (Azurite) if missing, builds, and runs every test.
# Needs the prerequisites in README.md (.NET 10 SDK, Node.js/npm, Debian's chromium and prometheus packages).
# Extra arguments go to `dotnet test` (e.g. --filter "Category!=Reliability").
set -euo pipefail
cd "$(dirname "$0")/.."
# The Bicep first: a compile error or an unsuppressed warning in infra/ fails the run before anything is built.
bash scripts/lint-bicep.sh
bash scripts/setup.sh
dotnet build ServerlessEvents.sln -c Release --nologo -v quiet
status=0
log=$(mktemp)
dotnet test ServerlessEvents.sln -c Release --no-build --nologo "$@" 2>&1 | tee "$log" || status=$?
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
cleanup=$(grep -c 'Cleanup Failure' "$log" || true)
rm -f "$log"
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped, ${cleanup} fixture cleanup failures (a fixture's teardown threw, e.g. the log audit)"
exit $status
