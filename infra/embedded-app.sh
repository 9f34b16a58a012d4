# Sourced by the scripts that run the single-process app (run.sh, simulate-reviews.sh): the web host with the
# pipeline's stages inside, SQLite and blobs under $data, on http://127.0.0.1:$port.
web=src/IngestPipeline.Web/bin/Release/net10.0/ingestpipeline-web

# Settings of the app and its tools (users, api-keys) for the data folder $data.
use_embedded_data() {
  mkdir -p "$data"
  export Pipeline__DataDirectory=$data
  # The keys that sign sign-in cookies are kept in the database encrypted with this certificate (docs/security.md).
  infra/data-protection-certificate.sh "$data/data-protection.pfx"
  export Web__DataProtection__CertificatePath=$data/data-protection.pfx
}

# Starts the app in the background (its log in $data/app.log), stops it when the script ends, and waits until it is
# ready; sets $url and $app.
start_embedded_app() {
  url=http://127.0.0.1:$port
  ASPNETCORE_URLS=$url "$web" >"$data/app.log" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null || true' EXIT
  for _ in $(seq 120); do
    curl -sf "$url/health/ready" >/dev/null 2>&1 && return 0
    kill -0 $app 2>/dev/null || { echo "the app stopped; see $data/app.log" >&2; tail -20 "$data/app.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the app was not ready within a minute; see $data/app.log" >&2
  exit 1
}
