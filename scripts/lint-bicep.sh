#!/usr/bin/env bash
# Compiles (`bicep build`, to a temporary directory) and lints (`bicep lint`) every .bicep file under infra/ with
# the Bicep CLI from NuGet; tools/bicep/Bicep.CommandLine.csproj pins its version and `dotnet restore` fetches it.
# Fails on any Error or Warning, compiler or linter (rules and levels: infra/bicepconfig.json). A warning that
# must stay is suppressed at its line with `#disable-next-line <code>` and a comment saying why.
# Prints the diagnostics, then one line: "bicep: N files, E errors, W warnings".
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "lint-bicep: the pinned Bicep CLI package is Azure.Bicep.CommandLine.linux-x64; this is $(uname -s)-$(uname -m)" >&2
  exit 2
fi

project=tools/bicep/Bicep.CommandLine.csproj
dotnet restore "$project" --nologo -v quiet >/dev/null
bicep=$(dotnet msbuild "$project" -nologo -getProperty:BicepExecutable)
if [ -z "$bicep" ] || [ ! -f "$bicep" ]; then
  echo "lint-bicep: the Bicep CLI is not at '${bicep}' after restoring ${project}" >&2
  exit 2
fi
# NuGet extracts the package without guaranteeing the execute bit.
[ -x "$bicep" ] || chmod u+x "$bicep"

mapfile -t files < <(find infra -name '*.bicep' -type f | LC_ALL=C sort)
if [ ${#files[@]} -eq 0 ]; then
  echo "lint-bicep: no .bicep files under infra/" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build_status=0
lint_status=0
# --pattern takes the whole tree in one process each (the CLI starts in about a second).
"$bicep" build --pattern 'infra/**/*.bicep' --outdir "$work/json" >"$work/build.log" 2>&1 || build_status=$?
"$bicep" lint --pattern 'infra/**/*.bicep' >"$work/lint.log" 2>&1 || lint_status=$?

# Diagnostics look like "<path>(<line>,<col>) : Warning <code>: <message>"; build and lint both report the
# compiler's and the linter's, so each is counted once.
grep -hE '^.+\([0-9]+,[0-9]+\) : (Error|Warning) ' "$work/build.log" "$work/lint.log" \
  | sed "s#^$PWD/##" | LC_ALL=C sort -u | LC_ALL=C sort -t'(' -k1,1 -k2,2n >"$work/diagnostics" || true
errors=$(grep -c ') : Error ' "$work/diagnostics" || true)
warnings=$(grep -c ') : Warning ' "$work/diagnostics" || true)
compiled=0
if [ -d "$work/json" ]; then
  compiled=$(find "$work/json" -name '*.json' -type f | wc -l)
fi

cat "$work/diagnostics"
status=0
if [ "$errors" -ne 0 ] || [ "$warnings" -ne 0 ]; then
  status=1
fi
if [ "$build_status" -ne 0 ] || [ "$lint_status" -ne 0 ] || [ "$compiled" -ne ${#files[@]} ]; then
  # A failure without a located diagnostic (bad configuration, CLI error): show what the CLI said.
  if [ "$errors" -eq 0 ]; then
    cat "$work/build.log" "$work/lint.log" >&2
  fi
  echo "lint-bicep: bicep build exited ${build_status}, bicep lint exited ${lint_status}; ${compiled} of ${#files[@]} files compiled" >&2
  status=1
fi
echo "bicep: ${#files[@]} files, ${errors} errors, ${warnings} warnings"
exit $status
