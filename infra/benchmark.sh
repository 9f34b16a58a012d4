#!/usr/bin/env bash
# Throughput benchmark on the same pages, in one go:
#   this pipeline with 1 and with N engines; the tesseract CLI one process per page (sequential, and
#   N in parallel, OMP_THREAD_LIMIT=1); ocrmypdf (pages one after another, as the corpus README ran it);
#   then a long run (default 200 pages) that samples the pipeline's resident memory as it goes.
# Usage: infra/benchmark.sh [PAGES_DIR] [LONG_RUN_PAGES]   (default: ../shared/corpus/dev or samples/scans, 200)
#        ROUNDS=N infra/benchmark.sh   (rounds of the pipeline and tesseract CLI runs, best kept; default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

pages_dir=${1:-}
if [[ -z "$pages_dir" ]]; then
  if [[ -d ../shared/corpus/dev ]]; then pages_dir=../shared/corpus/dev; else pages_dir=samples/scans; fi
fi
long_pages=${2:-200}
engines=$(nproc)

infra/install-deps.sh --dev
dotnet build -c Release src/IngestPipeline.Cli -v quiet -nologo >/dev/null
cli=$root/src/IngestPipeline.Cli/bin/Release/net10.0/ingestpipeline

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t pages < <(find "$pages_dir" -maxdepth 1 -name '*.png' | sort)
count=${#pages[@]}
((count > 0)) || { echo "no PNG pages in $pages_dir" >&2; exit 1; }

now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n / s * 60 }'; }
declare -A result

# Runs a contender and keeps its best time: a shared machine's speed drifts by several per cent,
# so the pipeline and the tesseract CLI run in alternating rounds and each keeps its fastest.
measure() { # name, command...
  local name=$1; shift
  local start end seconds
  start=$(now)
  "$@" >/dev/null 2>&1
  end=$(now)
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  if [[ -z "${result[$name]:-}" ]] || awk -v a="$seconds" -v b="${result[$name]}" 'BEGIN { exit !(a < b) }'; then
    result[$name]=$seconds
  fi
}
report() { printf '%-36s %7.1f s  %6s pages/min\n' "$1" "${result[$1]}" "$(rate "$count" "${result[$1]}")"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "pages: $count from $pages_dir; engines N = $engines"
echo

mkdir -p "$work/t1" "$work/tN" "$work/ocrmypdf"
rounds=${ROUNDS:-2}
for ((round = 1; round <= rounds; round++)); do
  echo "round $round of $rounds"
  measure "pipeline, 1 engine (txt)" "$cli" ingest "${pages[@]}" --out "$work/p1" --parallel 1 --formats txt
  measure "tesseract CLI, sequential" \
    bash -c 'for f in "$@"; do OMP_THREAD_LIMIT=1 tesseract "$f" "'"$work"'/t1/$(basename "$f" .png)"; done' _ "${pages[@]}"
  measure "pipeline, $engines engines (txt)" "$cli" ingest "${pages[@]}" --out "$work/pN" --parallel "$engines" --formats txt
  measure "tesseract CLI, $engines in parallel" \
    bash -c 'printf "%s\n" "$@" | xargs -P '"$engines"' -I{} sh -c "OMP_THREAD_LIMIT=1 tesseract {} '"$work"'/tN/\$(basename {} .png)"' _ "${pages[@]}"
  measure "pipeline, $engines engines (all outputs)" "$cli" ingest "${pages[@]}" --out "$work/pall" --parallel "$engines"
done
measure "ocrmypdf, pages one after another" \
  bash -c 'for f in "$@"; do n=$(basename "$f" .png); ocrmypdf -q -l eng --image-dpi 300 --deskew --clean --sidecar "'"$work"'/ocrmypdf/$n.txt" "$f" "'"$work"'/ocrmypdf/$n.pdf"; done' _ "${pages[@]}"

echo
echo "best of $rounds rounds (ocrmypdf: one run)"
for name in "pipeline, 1 engine (txt)" "pipeline, $engines engines (txt)" "pipeline, $engines engines (all outputs)" \
  "tesseract CLI, sequential" "tesseract CLI, $engines in parallel" "ocrmypdf, pages one after another"; do
  report "$name"
done

echo
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b / a }'; }
echo "pipeline N engines vs tesseract CLI N parallel: $(ratio "${result[pipeline, $engines engines (txt)]}" "${result[tesseract CLI, $engines in parallel]}") x"
echo "pipeline N engines vs ocrmypdf:                 $(ratio "${result[pipeline, $engines engines (txt)]}" "${result[ocrmypdf, pages one after another]}") x"
echo "pipeline N engines vs 1 engine:                 $(ratio "${result[pipeline, $engines engines (txt)]}" "${result[pipeline, 1 engine (txt)]}") x"
echo "pipeline 1 engine vs tesseract CLI sequential:  $(ratio "${result[pipeline, 1 engine (txt)]}" "${result[tesseract CLI, sequential]}") x"

# Long run: the corpus repeated under new names, resident memory sampled every second.
mkdir -p "$work/long"
for ((i = 0; i < long_pages; i++)); do
  ln -s "$(realpath "${pages[i % count]}")" "$work/long/page$(printf %04d "$i").png"
done
echo
echo "long run: $long_pages pages, $engines engines, all outputs"
"$cli" ingest "$work/long" --out "$work/longout" --parallel "$engines" >"$work/long.log" 2>&1 &
pid=$!
samples=()
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status" 2>/dev/null || true)
  done_pages=$(grep -c '^\[' "$work/long.log" || true)
  [[ -n "$rss" ]] && samples+=("$done_pages:$rss")
  sleep 1
done
wait "$pid" || true
for quarter in 1 2 3 4; do
  target=$((long_pages * quarter / 4))
  for s in "${samples[@]}"; do
    if ((${s%%:*} >= target * 9 / 10)); then echo "  after ~$target pages: RSS ${s##*:} MB"; break; fi
  done
done
grep -E 'pages in|peak RSS' "$work/long.log" | tail -1
