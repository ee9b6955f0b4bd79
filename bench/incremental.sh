#!/usr/bin/env bash
# Measures one publish into a site that already has N posts, on Azurite: the time from the trigger to the last
# write, and the blob operations and bytes it costs, at N = 100, 1,000 and 10,000 (one run, side by side).
#
#   bash bench/incremental.sh [--sizes "100,1000,10000"] [--publishes 15]
#
# BENCH_TRACE=file writes the timeline of storage requests of the last publish at each size to that file.
#
# It needs the corpus of bench/run.sh (generated here when missing) and Azurite from the repository's package-lock.json.
set -euo pipefail
export LC_ALL=C DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$BENCH_DIR")"
SIZES="100,1000,10000"
PUBLISHES=15
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) SIZES="${2:?}"; shift 2 ;;
    --publishes) PUBLISHES="${2:?}"; shift 2 ;;
    *) sed -n '5p' "${BASH_SOURCE[0]}" | sed 's/^#  *//'; exit 2 ;;
  esac
done

largest="$(tr ',' '\n' <<<"$SIZES" | sort -n | tail -1)"
corpus="$BENCH_DIR/work/corpus-10000"
if [ ! -d "$corpus/posts" ] || [ "$(find "$corpus/posts" -name '*.md' | wc -l)" -lt "$largest" ]; then
  dotnet run --project "$BENCH_DIR/CorpusGenerator" -c Release -- --posts 10000 --out "$corpus" --seed 42 >/dev/null
fi

[ -d "$REPO_DIR/node_modules/azurite" ] || (cd "$REPO_DIR" && npm ci --no-audit --no-fund --loglevel=error)
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
blob_port="$(port)"; queue_port="$(port)"; table_port="$(port)"
node "$REPO_DIR/node_modules/azurite/dist/src/azurite.js" --silent --disableTelemetry --inMemoryPersistence --skipApiVersionCheck \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" --tableHost 127.0.0.1 --tablePort "$table_port" &
azurite_pid=$!
trap 'kill "$azurite_pid" 2>/dev/null || true; wait "$azurite_pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$blob_port") 2>/dev/null && break; sleep 0.2; done

key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"

dotnet build "$BENCH_DIR/IncrementalBench" -c Release -v quiet --nologo >/dev/null
mkdir -p "$BENCH_DIR/results"
{
  echo "# Incremental publish benchmark"
  echo
  echo "- Date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  echo "- Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "- Azurite 3.37.0 in memory; median and p90 of $PUBLISHES publishes of a new post (dated now, three tags) after one unmeasured round and 10 warm-up publishes per size (so that the JIT has optimised the hot paths, as in a host that has been running)"
  echo
  dotnet "$BENCH_DIR/IncrementalBench/bin/Release/net10.0/incremental-bench.dll" "$connection" "$corpus" "$SIZES" "$PUBLISHES"
} | tee "$BENCH_DIR/results/incremental.md"
