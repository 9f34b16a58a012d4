#!/usr/bin/env bash
# The main job on the embedded default: starts the single-process app (the web host with the pipeline's stages
# inside; SQLite, blobs in a folder, the in-memory bus: no server to install) on http://127.0.0.1:5080, ingests
# samples/scans through its upload API, waits until every document awaits review, prints where the results are,
# and keeps serving until Ctrl-C (EXIT_AFTER_INGEST=1 stops it instead). PORT and DATA_DIR override the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."

infra/install-deps.sh
dotnet build -c Release src/IngestPipeline.Web -v quiet -nologo >/dev/null
port=${PORT:-5080}
data=${DATA_DIR:-$PWD/out/embedded}
url=http://127.0.0.1:$port
mkdir -p "$data"

Pipeline__DataDirectory=$data ASPNETCORE_URLS=$url src/IngestPipeline.Web/bin/Release/net10.0/ingestpipeline-web >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 120); do
  curl -sf "$url/health/ready" >/dev/null 2>&1 && break
  kill -0 $app 2>/dev/null || { echo "the app stopped; see $data/app.log" >&2; tail -20 "$data/app.log" >&2; exit 1; }
  sleep 0.5
done

echo "Uploading samples/scans to $url ..."
for scan in samples/scans/*; do
  curl -sf -F "files=@$scan" -F collection=samples "$url/api/documents" |
    jq -r '.[] | "  \(.fileName): \(if .error then .error elif .duplicate then "already there (\(.documentId))" else "registered as \(.documentId)" end)"'
done

for _ in $(seq 600); do
  pending=$(curl -sf "$url/api/documents?collection=samples" | jq '[.items[] | select(.stage != "AwaitingReview" and .stage != "Failed")] | length')
  ((pending == 0)) && break
  sleep 0.5
done

echo
curl -sf "$url/api/documents?collection=samples" |
  jq -r '.items[] | "  \(.stage)\t\(.pageCount) page(s)\t\(.flagCount) [ILLEGIBLE]\t\(.fileName)\t'"$url"'/api/documents/\(.id)/text"'
echo
echo "Results: $url/api/documents (review queue: $url/api/review-queue; Hangfire: $url/hangfire)"
echo "Each document's text: $url/api/documents/ID/text, its words, spans and metadata: .../transcript"
if [[ "${EXIT_AFTER_INGEST:-0}" == 1 ]]; then exit 0; fi
echo "Serving until Ctrl-C (data in $data)."
wait $app
