#!/usr/bin/env bash
# Installs the native dependencies of the pipeline on Debian when they are missing.
# Idempotent and quiet when everything is there. Needs root (or sudo) only when it installs.
set -euo pipefail

packages=(libtesseract5 liblept5 tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd poppler-utils wamerican)
# Test and benchmark tools: ImageMagick makes test images, ocrmypdf is the benchmark's yardstick.
if [[ "${1:-}" == "--dev" ]]; then
  packages+=(imagemagick ocrmypdf)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null || ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "error: the .NET 10 SDK is required (https://dot.net); install it and run again" >&2
  exit 1
fi
