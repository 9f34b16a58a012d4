#!/usr/bin/env bash
# The review page's server time on a 3-page cable, measured: the embedded app on a scratch folder, three sample
# pages as one multi-page TIFF, a reviewer signed in with a cookie, then REQUESTS (default 50) renders of
# /review/ID. Prints the first render (cold: JSON parse and layout code not yet jitted) and the median, 95th
# percentile and maximum of the rest, from the Server-Timing header the app sets on every response when
# Web:ServerTiming is set (off by default: timings tell what a request touched). Then the same for the document's
# IIIF manifest and annotations, and for search over SEARCH_DOCUMENTS (default 5000) documents: copies of the cable
# written straight into the database, each text with a word of its own, which the index triggers take in.
# Usage: infra/benchmark-review.sh
set -euo pipefail
cd "$(dirname "$0")/.."
infra/install-deps.sh --dev
dotnet build -c Release src/IngestPipeline.Web -v quiet -nologo >/dev/null
work=$(mktemp -d)
web=src/IngestPipeline.Web/bin/Release/net10.0/ingestpipeline-web
url=http://127.0.0.1:${PORT:-5091}
export Pipeline__DataDirectory=$work/data Logging__LogLevel__Default=Warning
infra/data-protection-certificate.sh "$work/data-protection.pfx"
export Web__DataProtection__CertificatePath=$work/data-protection.pfx
password=$("$web" users add bench --role reviewer | sed -n 's/.*password: //p')
key=$("$web" api-keys add bench --role staff | sed -n 's/.*: //p')
Web__ServerTiming=true ASPNETCORE_URLS=$url "$web" >"$work/web.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "$url/health/ready" >/dev/null; do sleep 0.3; done

convert $(ls samples/scans/*.png | head -3) -compress lzw "$work/cable-3-pages.tif"
id=$(curl -sf -H "X-Api-Key: $key" -F "files=@$work/cable-3-pages.tif" "$url/api/documents" | jq -r '.[0].documentId')
until [[ $(curl -sf -H "X-Api-Key: $key" "$url/api/documents/$id" | jq -r .stage) == AwaitingReview ]]; do sleep 0.5; done

jar=$work/cookies
token=$(curl -sf -c "$jar" -b "$jar" "$url/login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p')
curl -sf -c "$jar" -b "$jar" -o /dev/null --data-urlencode "userName=bench" --data-urlencode "password=$password" \
  --data-urlencode "__RequestVerificationToken=$token" "$url/login"
timing() { curl -sf -b "$jar" -o /dev/null -D - "$url${1:-/review/$id}" | sed -n 's/^Server-Timing: app;dur=\([0-9.]*\).*/\1/ip'; }
# The first request, then the median, p95 and max of REQUESTS more, of one address.
measure() {
  local first
  first=$(timing "$1")
  for _ in $(seq "${REQUESTS:-50}"); do timing "$1"; done | sort -n >"$work/times"
  local n
  n=$(wc -l <"$work/times")
  echo "  $2: first $first; then ($n) median $(sed -n "$(((n + 1) / 2))p" "$work/times"), p95 $(sed -n "$(((n * 95 + 99) / 100))p" "$work/times"), max $(tail -1 "$work/times")"
}
first=$(timing)
for _ in $(seq "${REQUESTS:-50}"); do timing; done | sort -n >"$work/times"
n=$(wc -l <"$work/times")
lines=$(curl -sf -b "$jar" "$url/review/$id" | grep -c 'class="line"')
echo "review page of a 3-page cable ($lines lines), server time in ms:"
echo "  first render: $first"
echo "  then ($n renders): median $(sed -n "$(((n + 1) / 2))p" "$work/times"), p95 $(sed -n "$(((n * 95 + 99) / 100))p" "$work/times"), max $(tail -1 "$work/times")"

echo "IIIF of the same cable, server time in ms:"
measure "/iiif/$id/manifest" "manifest"
measure "/iiif/$id/pages/1/annotations" "annotations of page 1"

copies=${SEARCH_DOCUMENTS:-5000}
columns=$(sqlite3 "$work/data/pipeline.db" "SELECT group_concat(name, ',') FROM pragma_table_info('Documents')")
values=$(tr ',' '\n' <<<"$columns" | sed \
  -e "s/^Id$/upper(hex(randomblob(4))||'-'||hex(randomblob(2))||'-'||hex(randomblob(2))||'-'||hex(randomblob(2))||'-'||hex(randomblob(6)))/" \
  -e "s/^Sha256$/lower(hex(randomblob(32)))/" -e "s/^FileName$/FileName||'-'||n/" -e "s/^Text$/Text||' benchmarkword'||n/" | paste -sd, -)
sqlite3 -cmd ".timeout 30000" "$work/data/pipeline.db" \
  "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < $copies)
   INSERT INTO Documents ($columns) SELECT $values FROM Documents, seq WHERE lower(Documents.Id) = lower('$id');"
word=$(curl -sf -b "$jar" "$url/api/documents/$id/text" | tr -cs 'A-Za-z' '\n' | awk 'length >= 6' | head -1)
echo "search over $(sqlite3 "$work/data/pipeline.db" "SELECT count(*) FROM Documents") documents (SQLite FTS5), server time in ms:"
measure "/api/search?q=$word" "a word every document holds (\"$word\"), first 20 by rank"
measure "/api/search?q=benchmarkword$((copies / 2))" "a word one document holds"
measure "/api/search?q=$word&from=1900-01-01&sender=a" "the common word with metadata filters"
measure "/search?q=$word" "the search page for the common word"
