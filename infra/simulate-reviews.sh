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
source infra/embedded-app.sh
use_embedded_data
api_key=$("$web" api-keys add simulation --role admin | sed -n 's/.*: //p')
start_embedded_app
src/IngestPipeline.Cli/bin/Release/net10.0/ingestpipeline simulate-reviews --host "$url" --api-key "$api_key" --work "$data/work" "$@"
