#!/usr/bin/env bash
# Builds every Bicep template under infra/ to ARM JSON in artifacts/infra/ and lints it with the
# pinned Bicep CLI. Fails on any diagnostic, warnings included (bicep itself exits 0 on warnings).
# Needs only the .NET SDK: the CLI comes from NuGet through infra/tools/BicepCli.proj.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

tool_project="infra/tools/BicepCli.proj"
out="artifacts/infra"
log="$out/diagnostics.txt"

echo "validate: restoring the Bicep CLI"
dotnet restore "$tool_project" -nologo --verbosity quiet
bicep="$(dotnet msbuild "$tool_project" -nologo -getProperty:BicepCliPath)"
if [ ! -f "$bicep" ]; then
  echo "validate: the Bicep CLI is not at '$bicep' after restore." >&2
  exit 1
fi
[ -x "$bicep" ] || chmod +x "$bicep"
"$bicep" --version

rm -rf "$out"
mkdir -p "$out"

templates="$(find infra -name '*.bicep' -not -path '*/obj/*' -not -path '*/bin/*' | sort)"
if [ -z "$templates" ]; then
  echo "validate: no Bicep template under infra/." >&2
  exit 1
fi
echo "validate: templates:"
printf '  %s\n' $templates

status=0
echo "validate: bicep build"
"$bicep" build --pattern 'infra/**/*.bicep' --outdir "$out" >"$log" 2>&1 || status=1
echo "validate: bicep lint"
"$bicep" lint --pattern 'infra/**/*.bicep' >>"$log" 2>&1 || status=1

for template in $templates; do
  compiled="$out/${template#infra/}"
  compiled="${compiled%.bicep}.json"
  if [ ! -s "$compiled" ]; then
    echo "validate: $template was not compiled to $compiled." >>"$log"
    status=1
  fi
done

if [ -s "$log" ]; then
  cat "$log" >&2
  echo "validate: FAILED: $(grep -c . "$log") diagnostic line(s); warnings count as failures." >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "validate: FAILED: the Bicep CLI exited non-zero." >&2
  exit 1
fi

echo "validate: OK: $(printf '%s\n' $templates | grep -c .) template(s) built to $out/ and linted, no diagnostics."
