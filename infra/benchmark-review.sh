#!/usr/bin/env bash
# The review page's server time on a 3-page cable, measured: the embedded app on a scratch folder, three sample
# pages as one multi-page TIFF, a reviewer signed in with a cookie, then REQUESTS (default 50) renders of
# /review/ID. Prints the first render (cold: JSON parse and layout code not yet jitted) and the median, 95th
# percentile and maximum of the rest, from the Server-Timing header the app sets on every response when
# Web:ServerTiming is set (off by default: timings tell what a request touched).
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
timing() { curl -sf -b "$jar" -o /dev/null -D - "$url/review/$id" | sed -n 's/^Server-Timing: app;dur=\([0-9.]*\).*/\1/ip'; }
first=$(timing)
for _ in $(seq "${REQUESTS:-50}"); do timing; done | sort -n >"$work/times"
n=$(wc -l <"$work/times")
lines=$(curl -sf -b "$jar" "$url/review/$id" | grep -c 'class="line"')
echo "review page of a 3-page cable ($lines lines), server time in ms:"
echo "  first render: $first"
echo "  then ($n renders): median $(sed -n "$(((n + 1) / 2))p" "$work/times"), p95 $(sed -n "$(((n * 95 + 99) / 100))p" "$work/times"), max $(tail -1 "$work/times")"
