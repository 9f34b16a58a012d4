#!/usr/bin/env bash
# Fetches Mirador, the IIIF viewer the review app opens documents in (/documents/{id}/viewer), from npm into
# infra/tools/mirador, pinned and checked: mirador 4.0.0 (Apache-2.0), its self-contained browser bundle. The web
# host's build copies it to wwwroot/lib/mirador. Quiet and quick when it is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

package=mirador@4.0.0
target=infra/tools/mirador
checksums="86109137e947117095f44b800c69b27c0e0ac5ef41e0a354839f33e761cec0e3  mirador.min.js
d5d5fb5ae06806e054c35683d6b47c478858972e232769d6c616614460a01ffe  LICENSE"

exec infra/fetch-npm.sh "$package" "$target" "$checksums" dist/mirador.min.js LICENSE
