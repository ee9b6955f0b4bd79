#!/usr/bin/env bash
# Runs the BenchmarkDotNet suite of the build's hot path (bench/ServerlessBlog.Benchmarks) in Release,
# then the ratios in processor time (whole site, one post alone and its share among others), and writes everything under bench/results/micro/.
#
#   bash bench/micro.sh [BenchmarkDotNet arguments]     default: --filter '*' and a job of 3 warm-up and 10 measured iterations
# Tiered PGO is off, as in `blog build` (src/ServerlessBlog.Cli).
#   bash bench/micro.sh --filter '*PerPost*' --job short
set -euo pipefail
export LC_ALL=C DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$BENCH_DIR/ServerlessBlog.Benchmarks"
RESULTS="$BENCH_DIR/results/micro"
mkdir -p "$RESULTS"

if [[ $# -eq 0 ]]; then
  set -- --filter '*' --launchCount 1 --warmupCount 3 --iterationCount 10
fi
set -- "$@" --envVars DOTNET_TieredPGO:0

dotnet build "$PROJECT" -c Release --nologo -v quiet
DLL="$PROJECT/bin/Release/net10.0/ServerlessBlog.Benchmarks.dll"

{
  echo "# Micro-benchmarks"
  echo
  echo "- Date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  echo "- Machine: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
  echo "- Commit: $(git -C "$BENCH_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo
} >"$RESULTS/summary.md"

dotnet "$DLL" "$@" --artifacts "$RESULTS" --exporters github
for report in "$RESULTS"/results/*-report-github.md; do
  [[ -f "$report" ]] && { cat "$report"; echo; } >>"$RESULTS/summary.md"
done

echo "## Ratios in processor time, whole site and one post (median of 21 interleaved rounds)" >>"$RESULTS/summary.md"
echo >>"$RESULTS/summary.md"
DOTNET_TieredPGO=0 dotnet "$DLL" --ratios | tee -a "$RESULTS/summary.md"
echo "[micro] results in ${RESULTS#"$BENCH_DIR/"}/summary.md" >&2
