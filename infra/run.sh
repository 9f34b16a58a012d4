#!/usr/bin/env bash
# The main job on the embedded default: starts the single-process app (the web host with the pipeline's stages
# inside; SQLite, blobs in a folder, the in-memory bus: no server to install) on http://127.0.0.1:5080, ingests
# samples/scans through its upload API, waits until every document awaits review, prints how to sign in to the
# review app (a reviewer and an admin account, with passwords generated at this run), and keeps serving until
# Ctrl-C (EXIT_AFTER_INGEST=1 stops it instead). PORT and DATA_DIR override the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."

infra/install-deps.sh
dotnet build -c Release src/IngestPipeline.Web -v quiet -nologo >/dev/null
port=${PORT:-5080}
data=${DATA_DIR:-$PWD/out/embedded}
source infra/embedded-app.sh
use_embedded_data

# Accounts: created on the first run, given a fresh password on every later one (nothing has a default password).
account() { # NAME ROLE -> prints the password
  { "$web" users add "$1" --role "$2" 2>/dev/null || "$web" users reset "$1"; } | sed -n 's/.*password: //p'
}
reviewer_password=$(account reviewer reviewer)
admin_password=$(account admin admin)
"$web" api-keys revoke samples-upload >/dev/null 2>&1 || true
api_key=$("$web" api-keys add samples-upload --role staff | sed -n 's/.*: //p')

start_embedded_app

echo "Uploading samples/scans to $url ..."
for scan in samples/scans/*; do
  curl -sf -H "X-Api-Key: $api_key" -F "files=@$scan" -F collection=samples "$url/api/documents" |
    jq -r '.[] | "  \(.fileName): \(if .error then .error elif .duplicate then "already there (\(.documentId))" else "registered as \(.documentId)" end)"'
done

for _ in $(seq 600); do
  pending=$(curl -sf -H "X-Api-Key: $api_key" "$url/api/documents?collection=samples" | jq '[.items[] | select(.stage != "AwaitingReview" and .stage != "Failed")] | length')
  ((pending == 0)) && break
  sleep 0.5
done

echo
curl -sf -H "X-Api-Key: $api_key" "$url/api/documents?collection=samples" |
  jq -r '.items[] | "  \(.stage)\t\(.pageCount) page(s)\t\(.flagCount) [ILLEGIBLE]\t\(.fileName)"'
echo
echo "Review app: $url/queue"
echo "  sign in as reviewer, password $reviewer_password   (reviews and approves)"
echo "  or as admin, password $admin_password   (accounts, API keys, re-OCR, Hangfire at $url/hangfire)"
echo "REST API: $url/api/documents with the header X-Api-Key: $api_key"
if [[ "${EXIT_AFTER_INGEST:-0}" == 1 ]]; then exit 0; fi
echo "Serving until Ctrl-C (data in $data)."
wait $app
