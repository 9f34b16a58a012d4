#!/usr/bin/env bash
# The fault-and-load run on the scale-out: PAGES single-page documents (default 1000: the dev corpus pages, or the
# samples, repeated under new names and bytes) through a web host and two workers on RabbitMQ, PostgreSQL and
# Azurite (all on 127.0.0.1), while a worker is killed with kill -9, RabbitMQ and PostgreSQL are restarted and
# Azurite is stopped for 10 s. Prints documents lost and duplicated, originals altered, time, longest page and
# peak RSS per worker. The test suite runs the same test with 40 pages.
# Usage: PAGES=1000 infra/fault-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
infra/install-deps.sh --dev --services
infra/services.sh start >/dev/null
trap 'infra/services.sh stop' EXIT
mkdir -p artifacts
report=$PWD/artifacts/fault-load.txt
rm -f "$report"
FAULT_LOAD_PAGES=${PAGES:-1000} FAULT_LOAD_REPORT=$report \
  dotnet test tests/IngestPipeline.Services.Tests -c Release --filter "FullyQualifiedName~FaultLoadTests" -v quiet -nologo || status=$?
cat "$report" 2>/dev/null || echo "no report: the run did not finish"
exit "${status:-0}"
