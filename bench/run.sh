#!/usr/bin/env bash
# Builds the same generated corpus with `blog build`, Hugo and Eleventy, side by side,
# and reports the median wall time, CPU time (user+sys) and peak RSS of each.
#
#   bash bench/run.sh [--sizes "1000 10000"] [--runs 3] [--seed 42] [--generators "blog hugo eleventy"]
#
# Corpora are cached under bench/work/ (rebuilt when the generator's sources change);
# the table goes to stdout and to bench/results/latest.md, the raw runs to bench/results/latest.tsv.
set -euo pipefail
export LC_ALL=C DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$BENCH_DIR")"
WORK_DIR="$BENCH_DIR/work"
RESULTS_DIR="$BENCH_DIR/results"
BASE_URL="https://bench.example.org/"

SIZES="1000 10000"
RUNS=3
SEED=42
GENERATORS="blog hugo eleventy"

usage() {
  sed -n '5p' "${BASH_SOURCE[0]}" | sed 's/^#  *//'
  exit 2
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) SIZES="${2:?}"; shift 2 ;;
    --runs) RUNS="${2:?}"; shift 2 ;;
    --seed) SEED="${2:?}"; shift 2 ;;
    --generators) GENERATORS="${2:?}"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "unknown option: $1" >&2; usage ;;
  esac
done

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "--runs must be a positive number" >&2; exit 2; }
[[ "$SEED" =~ ^-?[0-9]+$ ]] || { echo "--seed must be a number" >&2; exit 2; }
for size in $SIZES; do
  [[ "$size" =~ ^[1-9][0-9]*$ ]] || { echo "--sizes must be positive numbers: $size" >&2; exit 2; }
done
for gen in $GENERATORS; do
  case "$gen" in blog|hugo|eleventy) ;; *) echo "unknown generator: $gen" >&2; exit 2 ;; esac
done

log() { printf '[bench] %s\n' "$*" >&2; }

# --- Tools --------------------------------------------------------------------------------------

apt_install() {
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    log "installing Debian package $1"
    (apt-get install -y "$1" >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y "$1" >/dev/null 2>&1; }) || true
  fi
}

[[ -x /usr/bin/time ]] || apt_install time
[[ -x /usr/bin/time ]] || { echo "GNU time (/usr/bin/time, Debian package 'time') is required" >&2; exit 1; }
command -v dotnet >/dev/null || { echo "the .NET SDK is required to generate the corpus" >&2; exit 1; }

declare -A SKIP=()       # generator -> why it is not measured
declare -A VERSION=()    # generator -> version string

BLOG_DLL="$REPO_DIR/src/ServerlessBlog.Cli/bin/Release/net10.0/blog.dll"
ELEVENTY_SITE="$BENCH_DIR/eleventy-site"
ELEVENTY_CMD="$ELEVENTY_SITE/node_modules/@11ty/eleventy/cmd.cjs"

prepare_blog() {
  if ! compgen -G "$REPO_DIR/src/ServerlessBlog.Cli/*.csproj" >/dev/null; then
    SKIP[blog]="src/ServerlessBlog.Cli does not exist yet"
    return
  fi
  log "building blog (Release)"
  if ! dotnet build "$REPO_DIR/src/ServerlessBlog.Cli" -c Release --nologo -v quiet >"$WORK_DIR/blog-build.log" 2>&1; then
    SKIP[blog]="dotnet build failed (see bench/work/blog-build.log)"
    return
  fi
  [[ -f "$BLOG_DLL" ]] || { SKIP[blog]="build produced no $BLOG_DLL"; return; }
  local commit runtime
  commit=$(git -C "$REPO_DIR" rev-parse --short --verify -q HEAD || echo "no commit yet")
  runtime=$(dotnet --list-runtimes | awk '$1 == "Microsoft.NETCore.App" { v = $2 } END { print v }')
  VERSION[blog]="Release build of src/ServerlessBlog.Cli at $commit (with any local changes), .NET runtime $runtime"
}

prepare_hugo() {
  command -v hugo >/dev/null || apt_install hugo
  if ! command -v hugo >/dev/null; then
    SKIP[hugo]="hugo is not installed (apt-get install -y hugo)"
    return
  fi
  VERSION[hugo]="$(hugo version | awk '{print $1, $2}')"
}

prepare_eleventy() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    SKIP[eleventy]="node and npm are not installed"
    return
  fi
  if [[ ! -f "$ELEVENTY_CMD" ]]; then
    log "installing Eleventy (npm ci in bench/eleventy-site)"
    (cd "$ELEVENTY_SITE" && npm ci --no-audit --no-fund >"$WORK_DIR/eleventy-install.log" 2>&1) || true
  fi
  if [[ ! -f "$ELEVENTY_CMD" ]]; then
    SKIP[eleventy]="npm ci failed (see bench/work/eleventy-install.log)"
    return
  fi
  VERSION[eleventy]="Eleventy $(node "$ELEVENTY_CMD" --version) (node $(node --version))"
}

mkdir -p "$WORK_DIR" "$RESULTS_DIR"
for gen in $GENERATORS; do "prepare_$gen"; done
# Another build or test suite on the machine skews every figure: the report shows the load around the runs.
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Corpora ------------------------------------------------------------------------------------

GENERATOR_PROJECT="$BENCH_DIR/CorpusGenerator"
GENERATOR_DLL="$GENERATOR_PROJECT/bin/Release/net10.0/corpus-generator.dll"
log "building the corpus generator (Release)"
dotnet build "$GENERATOR_PROJECT" -c Release --nologo -v quiet >"$WORK_DIR/generator-build.log" 2>&1 \
  || { cat "$WORK_DIR/generator-build.log" >&2; exit 1; }
GENERATOR_HASH="$(cat "$GENERATOR_PROJECT"/*.cs "$GENERATOR_PROJECT"/*.csproj | sha256sum | cut -c1-16)"

# Writes bench/work/corpus-N (site.yaml + posts/) unless the same generator and seed made it already.
ensure_corpus() {
  local size=$1 dir="$WORK_DIR/corpus-$1" stamp="seed=$SEED generator=$GENERATOR_HASH"
  if [[ -f "$dir/.stamp" && "$(cat "$dir/.stamp")" == "$stamp" ]]; then
    log "corpus of $size posts is cached"
    return
  fi
  rm -rf "$dir"
  dotnet "$GENERATOR_DLL" --posts "$size" --out "$dir" --seed "$SEED" >&2
  echo "$stamp" >"$dir/.stamp"
}

# Hard links (or copies, across file systems) of the corpus posts into a generator's source tree.
link_posts() {
  local from=$1 to=$2
  mkdir -p "$to"
  cp -l "$from"/*.md "$to"/ 2>/dev/null || cp "$from"/*.md "$to"/
}

# Each generator gets its own source tree per size, rebuilt on every run so template edits apply.
prepare_sources() {
  local size=$1 corpus="$WORK_DIR/corpus-$1"
  if [[ -z "${SKIP[hugo]:-}" && " $GENERATORS " == *" hugo "* ]]; then
    rm -rf "$WORK_DIR/hugo-$size"
    cp -r "$BENCH_DIR/hugo-site" "$WORK_DIR/hugo-$size"
    link_posts "$corpus/posts" "$WORK_DIR/hugo-$size/content/posts"
  fi
  if [[ -z "${SKIP[eleventy]:-}" && " $GENERATORS " == *" eleventy "* ]]; then
    rm -rf "$WORK_DIR/eleventy-$size"
    cp -r "$ELEVENTY_SITE/src" "$WORK_DIR/eleventy-$size"
    link_posts "$corpus/posts" "$WORK_DIR/eleventy-$size/posts"
  fi
}

# --- Measuring ----------------------------------------------------------------------------------

# Runs one build of generator $1 on size $2 into output folder $3, measured by GNU time into $4.
build_once() {
  local gen=$1 size=$2 out=$3 timing=$4 buildlog=$5
  local measure=(/usr/bin/time -f "%e %U %S %M" -o "$timing")
  case "$gen" in
    blog)
      "${measure[@]}" dotnet "$BLOG_DLL" build "$WORK_DIR/corpus-$size" --out "$out" --base-url "$BASE_URL" \
        >"$buildlog" 2>&1 ;;
    hugo)
      "${measure[@]}" hugo --source "$WORK_DIR/hugo-$size" --destination "$out" --quiet \
        >"$buildlog" 2>&1 ;;
    eleventy)
      (cd "$WORK_DIR/eleventy-$size" &&
        "${measure[@]}" node "$ELEVENTY_CMD" --config="$ELEVENTY_SITE/eleventy.config.js" --input=. --output="$out" --quiet \
          >"$buildlog" 2>&1) ;;
  esac
}

median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

RAW="$RESULTS_DIR/latest.tsv"
printf 'generator\tposts\trun\twall_s\tuser_s\tsys_s\tmax_rss_kib\n' >"$RAW"
declare -A FAILED=() FILES=() BYTES=()

# One measured (or, for run 0, warm-up) build; a failing build marks the generator failed for that size.
measure_run() {
  local gen=$1 size=$2 run=$3
  local out="$WORK_DIR/out/$gen-$size" timing="$WORK_DIR/out/$gen-$size.time" buildlog="$WORK_DIR/out/$gen-$size.log"
  rm -rf "$out"
  if ! build_once "$gen" "$size" "$out" "$timing" "$buildlog"; then
    FAILED[$gen-$size]="build failed (see bench/work/out/$gen-$size.log)"
    log "$gen on $size posts failed; last lines of its log:"
    tail -n 5 "$buildlog" >&2 || true
    return
  fi
  if [[ $run -gt 0 ]]; then
    read -r wall user sys rss < <(tail -n 1 "$timing")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$gen" "$size" "$run" "$wall" "$user" "$sys" "$rss" >>"$RAW"
    log "$gen $size posts run $run: wall ${wall}s, cpu $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')s, rss $((rss / 1024)) MiB"
  fi
  FILES[$gen-$size]=$(find "$out" -type f | wc -l)
  BYTES[$gen-$size]=$(du -sb "$out" | cut -f1)
}

mkdir -p "$WORK_DIR/out"
for size in $SIZES; do
  ensure_corpus "$size"
  prepare_sources "$size"
  active=()
  for gen in $GENERATORS; do
    if [[ -n "${SKIP[$gen]:-}" ]]; then
      log "skipping $gen: ${SKIP[$gen]}"
    else
      active+=("$gen")
    fi
  done
  # Run 0 is the warm-up (file cache, JIT caches, npm module cache); runs are interleaved so drift hits all alike.
  for run in $(seq 0 "$RUNS"); do
    for gen in "${active[@]}"; do
      [[ -z "${FAILED[$gen-$size]:-}" ]] || continue
      [[ $run -gt 0 ]] || log "warm-up: $gen on $size posts"
      measure_run "$gen" "$size" "$run"
    done
  done
done

# --- Report -------------------------------------------------------------------------------------

# Prints "wall cpu rss_mib" medians of generator $1 on size $2, or nothing when there are no runs.
medians() {
  local rows
  rows=$(awk -F'\t' -v g="$1" -v n="$2" 'NR > 1 && $1 == g && $2 == n' "$RAW")
  [[ -n "$rows" ]] || return 0
  local wall cpu rss
  wall=$(cut -f4 <<<"$rows" | median)
  cpu=$(awk -F'\t' '{ print $5 + $6 }' <<<"$rows" | median)
  rss=$(awk -F'\t' '{ print $7 / 1024 }' <<<"$rows" | median)
  printf '%s %s %s\n' "$wall" "$cpu" "$rss"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }

gen_label() {
  case "$1" in blog) echo "blog (ours)" ;; hugo) echo "Hugo" ;; eleventy) echo "Eleventy" ;; esac
}

report() {
  local cpu_model mem_gib
  cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
  mem_gib=$(awk '/MemTotal/ { printf "%.1f", $2 / 1024 / 1024 }' /proc/meminfo)
  echo "# Build benchmark"
  echo
  echo "- Date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  echo "- Machine: ${cpu_model:-unknown CPU}, $(nproc) cores, ${mem_gib} GiB memory, Linux $(uname -r)"
  echo "- Load average (1, 5, 15 min): $LOAD_BEFORE before the runs, $(cut -d' ' -f1-3 /proc/loadavg) after"
  echo "- .NET SDK: $(dotnet --version)"
  for gen in $GENERATORS; do
    echo "- $(gen_label "$gen"): ${VERSION[$gen]:-not measured (${SKIP[$gen]:-unknown})}"
  done
  echo "- Corpus: generated, seed $SEED, about 6 KB of Markdown a post; medians of $RUNS runs after one warm-up run"
  echo
  echo "| Generator | Posts | Wall (s) | CPU user+sys (s) | Peak RSS (MiB) | Files | Output (MiB) |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for size in $SIZES; do
    for gen in $GENERATORS; do
      local why="${SKIP[$gen]:-${FAILED[$gen-$size]:-}}"
      if [[ -n "$why" ]]; then
        echo "| $(gen_label "$gen") | $size | skipped: $why | | | | |"
        continue
      fi
      read -r wall cpu rss < <(medians "$gen" "$size")
      printf '| %s | %s | %.2f | %.2f | %.0f | %s | %.1f |\n' "$(gen_label "$gen")" "$size" "$wall" "$cpu" "$rss" \
        "${FILES[$gen-$size]}" "$(awk -v b="${BYTES[$gen-$size]}" 'BEGIN { print b / 1024 / 1024 }')"
    done
  done
  echo
  echo "Ratios below 1 mean ours is faster or smaller."
  echo
  echo "| Posts | Wall ours/Hugo | CPU ours/Hugo | RSS ours/Hugo | Wall ours/Eleventy | CPU ours/Eleventy | RSS ours/Eleventy |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
  for size in $SIZES; do
    local ours hugo eleventy
    ours=$(medians blog "$size"); hugo=$(medians hugo "$size"); eleventy=$(medians eleventy "$size")
    read -r ow oc orss <<<"${ours:-  }"
    read -r hw hc hrss <<<"${hugo:-  }"
    read -r ew ec erss <<<"${eleventy:-  }"
    echo "| $size | $(ratio "${ow:-}" "${hw:-}") | $(ratio "${oc:-}" "${hc:-}") | $(ratio "${orss:-}" "${hrss:-}") |" \
      "$(ratio "${ow:-}" "${ew:-}") | $(ratio "${oc:-}" "${ec:-}") | $(ratio "${orss:-}" "${erss:-}") |"
  done
}

report | tee "$RESULTS_DIR/latest.md"
log "wrote bench/results/latest.md and bench/results/latest.tsv"
