#!/usr/bin/env bash
# The scale-out on this machine, measured: RabbitMQ, PostgreSQL and Azurite (infra/services.sh), a web host and
# WORKERS worker processes (default 2, one OCR engine each). Prints:
#   - throughput: the pages of PAGES_DIR (default ../shared/corpus/dev, else samples/scans) uploaded at once, time
#     until every document awaits review, against the `ingest` CLI with WORKERS engines on the same pages;
#   - latency: one page uploaded on the idle pipeline, time until it awaits review, and how much of it was OCR.
# Usage: infra/benchmark-services.sh [PAGES_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
pages_dir=${1:-}
[[ -n $pages_dir ]] || { [[ -d ../shared/corpus/dev ]] && pages_dir=../shared/corpus/dev || pages_dir=samples/scans; }
workers=${WORKERS:-2}

infra/install-deps.sh --services
infra/services.sh start >/dev/null
dotnet build -c Release IngestPipeline.sln -v quiet -nologo >/dev/null
work=$(mktemp -d)
run=bench$(date +%s)
infra/services.sh vhost "$run"
set -a; . "${SERVICES_DIR:-/tmp/ingestpipeline-services}/env"; set +a
export Pipeline__Database__ConnectionString="${Pipeline__Database__ConnectionString/Database=ingestpipeline/Database=$run}"
export Pipeline__Bus__VirtualHost=$run Pipeline__Blobs__ContainerPrefix=$run- Logging__LogLevel__Default=Warning
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

url=http://127.0.0.1:${PORT:-5090}
# Uploads and reads need an account: a staff key of the run's own, created by the web host at start.
key=bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
export Pipeline__Accounts__ApiKeys__0__Name=benchmark Pipeline__Accounts__ApiKeys__0__Key=$key Pipeline__Accounts__ApiKeys__0__Role=staff
api() { curl -sf -H "X-Api-Key: $key" "$@"; }
infra/data-protection-certificate.sh "$work/data-protection.pfx"
export Web__DataProtection__CertificatePath=$work/data-protection.pfx
Pipeline__Worker__Enabled=false ASPNETCORE_URLS=$url src/IngestPipeline.Web/bin/Release/net10.0/ingestpipeline-web >"$work/web.log" 2>&1 &
pids+=($!)
until curl -sf "$url/health/ready" >/dev/null 2>&1; do sleep 0.3; done
for ((i = 1; i <= workers; i++)); do
  Pipeline__Worker__Engines=1 src/IngestPipeline.Worker/bin/Release/net10.0/ingestpipeline-worker >"$work/worker$i.log" 2>&1 &
  pids+=($!)
done
sleep 5 # workers connect and declare their queues

now() { date +%s.%N; }
# Waits until nothing of a collection is in a working stage, polling once a second (the poll is cheap but not
# free, and this machine's cores are what is measured), then prints when the last document got there, from the
# documents' own timestamps, so the figure does not depend on the polling interval, and how many pages they had.
settle() { # collection
  local list
  while :; do
    list=$(api "$url/api/documents?collection=$1&take=500")
    [[ $(jq '[.items[] | select(.stage != "AwaitingReview" and .stage != "Failed")] | length' <<<"$list") == 0 ]] && break
    sleep 1
  done
  echo "$(date -d "$(jq -r '[.items[].updatedAt] | max' <<<"$list")" +%s.%N) $(jq '[.items[].pageCount] | add' <<<"$list")"
}

mapfile -t pages < <(find "$pages_dir" -maxdepth 1 -type f \( -iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.tif' -o -iname '*.tiff' -o -iname '*.pdf' \) | sort)
count=${#pages[@]}
((count > 0)) || { echo "no scans (PNG, JPEG, TIFF, PDF) in $pages_dir" >&2; exit 1; }
echo "machine: $(nproc) cores; $count files from $pages_dir; $workers workers with one engine each"

# Alternating rounds, best kept (this machine's speed drifts by several per cent). Each round sends new bytes
# (a page with a round mark appended), uploaded as one batch, and the CLI reads the same files.
rounds=${ROUNDS:-2}
best_services=0 best_cli=0
for ((round = 1; round <= rounds; round++)); do
  mkdir -p "$work/round$round"
  batch=()
  for page in "${pages[@]}"; do
    copy=$work/round$round/$(basename "$page"); cp "$page" "$copy"; printf ' %s' "$round" >> "$copy"; batch+=(-F "files=@$copy")
  done
  start=$(now)
  api "${batch[@]}" -F collection=throughput$round "$url/api/documents" >/dev/null
  read -r end page_count < <(settle throughput$round)
  rate=$(awk -v n="$page_count" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", n / (e - s) * 60 }')
  echo "round $round: scale-out ($workers workers) $rate pages/min"
  best_services=$(awk -v a="$rate" -v b="$best_services" 'BEGIN { print (a > b ? a : b) }')

  start=$(now)
  src/IngestPipeline.Cli/bin/Release/net10.0/ingestpipeline ingest "$work/round$round" --out "$work/cli$round" --parallel "$workers" --formats txt,json >/dev/null 2>&1
  end=$(now)
  rate=$(awk -v n="$page_count" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", n / (e - s) * 60 }')
  echo "round $round: ingest CLI ($workers engines) $rate pages/min"
  best_cli=$(awk -v a="$rate" -v b="$best_cli" 'BEGIN { print (a > b ? a : b) }')
done
echo "best: scale-out $best_services pages/min, ingest CLI $best_cli pages/min"
awk -v a="$best_services" -v b="$best_cli" 'BEGIN { printf "scale-out / CLI: %.2f\n", a / b }'

# Latency, on the idle pipeline after the run: one page (a copy with bytes appended, so it is new), twice.
for round in first second; do
  copy=$work/latency-$round-$(basename "${pages[0]}")
  cp "${pages[0]}" "$copy"; printf ' %s' "$round" >> "$copy"
  start=$(now)
  id=$(api -F "files=@$copy" -F collection=latency-$round "$url/api/documents" | jq -r '.[0].documentId')
  read -r end _ < <(settle latency-$round)
  ocr=$(api "$url/api/documents/$id" | jq '.pages[0].recognitionSeconds')
  awk -v r="$round" -v s="$start" -v e="$end" -v o="$ocr" 'BEGIN { printf "latency (%s page), upload to awaiting review: %.2f s (recognition %.2f s, the rest %.2f s)\n", r, e - s, o, e - s - o }'
done

