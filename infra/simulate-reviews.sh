#!/usr/bin/env bash
# What reviews teach, measured (docs/learning.md): starts the embedded app on a fresh data folder, and runs
# `ingestpipeline simulate-reviews` against it with an admin API key: a generated collection, its first half
# approved as its ground truth through the review API, its second half read after. Arguments go to the command
# (--pages N, --seed S, --json FILE); PORT (default 5090) and DATA_DIR (default a new temporary folder) override.
set -euo pipefail
cd "$(dirname "$0")/.."

infra/install-deps.sh
dotnet build -c Release src/IngestPipeline.Web -v quiet -nologo >/dev/null
dotnet build -c Release src/IngestPipeline.Cli -v quiet -nologo >/dev/null
port=${PORT:-5090}
data=${DATA_DIR:-$(mktemp -d -t ingestpipeline-simulation-XXXXXX)}
url=http://127.0.0.1:$port
web=src/IngestPipeline.Web/bin/Release/net10.0/ingestpipeline-web
export Pipeline__DataDirectory=$data
infra/data-protection-certificate.sh "$data/data-protection.pfx"
export Web__DataProtection__CertificatePath=$data/data-protection.pfx
api_key=$("$web" api-keys add simulation --role admin | sed -n 's/.*: //p')

ASPNETCORE_URLS=$url "$web" >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 120); do
  curl -sf "$url/health/ready" >/dev/null 2>&1 && break
  kill -0 $app 2>/dev/null || { echo "the app stopped; see $data/app.log" >&2; tail -20 "$data/app.log" >&2; exit 1; }
  sleep 0.5
done
src/IngestPipeline.Cli/bin/Release/net10.0/ingestpipeline simulate-reviews --host "$url" --api-key "$api_key" --work "$data/work" "$@"
