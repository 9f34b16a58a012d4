#!/usr/bin/env bash
# Makes the certificate that encrypts the web hosts' data-protection keys at rest (Web:DataProtection:CertificatePath,
# see docs/security.md): a self-signed RSA key and certificate in a PKCS#12 file, readable by its owner only.
# usage: infra/data-protection-certificate.sh OUT.pfx [PASSWORD]   (an existing file is left as it is)
set -euo pipefail
out=${1:?usage: infra/data-protection-certificate.sh OUT.pfx [PASSWORD]}
password=${2:-}
[[ -f $out ]] && exit 0
mkdir -p "$(dirname "$out")"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "/CN=IngestPipeline data protection" \
  -keyout "$dir/key.pem" -out "$dir/certificate.pem" 2>/dev/null
(umask 077 && openssl pkcs12 -export -inkey "$dir/key.pem" -in "$dir/certificate.pem" -out "$out" -passout "pass:$password")
