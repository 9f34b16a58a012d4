#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, starts RabbitMQ, PostgreSQL and Azurite as local
# processes (infra/services.sh), builds, tests every project against the real Tesseract, poppler, services
# and friends, stops the services it started, and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

infra/install-deps.sh --dev --services --browser || exit 1
infra/services.sh start >/dev/null || { echo "the services did not start" >&2; exit 1; }
trap 'infra/services.sh stop' EXIT

results=artifacts/test-results
rm -rf "$results"
dotnet test IngestPipeline.sln -c Release --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get notExecuted)))
done
if ((status != 0 && failed == 0)); then
  failed=1 # the build or a test host failed before any test could report
  echo "dotnet test exited with $status before reporting a failed test" >&2
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
((failed == 0 && passed > 0))
