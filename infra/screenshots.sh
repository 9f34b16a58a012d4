#!/usr/bin/env bash
# Remakes docs/screenshots (upload page, queue, review page) by running the review app's browser tests,
# which take them at the moments they check; the tests need no service but the embedded app.
set -euo pipefail
cd "$(dirname "$0")/.."
infra/install-deps.sh --dev --browser
mkdir -p docs/screenshots
SCREENSHOTS_DIR=$PWD/docs/screenshots dotnet test tests/IngestPipeline.Services.Tests -c Release --filter "FullyQualifiedName~ReviewAppTests" -v quiet -nologo
ls -l docs/screenshots
