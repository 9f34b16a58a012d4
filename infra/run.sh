#!/usr/bin/env bash
# The main job on the embedded default: transcribes the sample scans in samples/scans into
# out/samples (text, JSON, hOCR, ALTO, searchable PDF) and prints where the results are.
# Extra arguments go to `ingest` (e.g. --parallel 1).
set -euo pipefail
cd "$(dirname "$0")/.."

infra/install-deps.sh
dotnet build -c Release src/IngestPipeline.Cli -v quiet -nologo >/dev/null
out=out/samples
src/IngestPipeline.Cli/bin/Release/net10.0/ingestpipeline ingest samples/scans --out "$out" "$@"
echo
echo "Open $PWD/$out: NAME.txt is the transcript, NAME.pdf the searchable PDF (try: pdftotext $out/NAME.pdf -)."
