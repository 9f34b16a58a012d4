# The web host: the review app, the upload API, document status and results, IIIF, the Hangfire dashboard.
# Build from the repository root: docker build -f infra/docker/web.Dockerfile .
# With its stages off (Pipeline__Worker__Enabled=false, as docker-compose runs it next to the workers) the web host
# loads no OCR engine, so the image carries no Tesseract, no OCR models and no PDF tools. For one container that
# also reads pages (the embedded default), build with --build-arg STAGES=true.
ARG STAGES=false

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG STAGES
WORKDIR /src
COPY . .
# Mirador (the IIIF viewer page) comes from npm and is published with the host; PP-OCR's models only with the stages.
RUN apt-get update && apt-get install -y --no-install-recommends npm \
 && infra/fetch-viewer.sh \
 && if [ "$STAGES" = true ]; then infra/fetch-models.sh; fi
# Self-contained: the final image needs no .NET runtime.
RUN dotnet publish src/IngestPipeline.Web -c Release -r linux-x64 --self-contained -o /app

FROM debian:12-slim
ARG STAGES
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl util-linux \
    $(if [ "$STAGES" = true ]; then echo libtesseract5 liblept5 tesseract-ocr-eng tesseract-ocr-osd poppler-utils wamerican; fi) \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /var/lib/ingestpipeline ingestpipeline
COPY --from=build /app /app
USER ingestpipeline
WORKDIR /var/lib/ingestpipeline
ENV ASPNETCORE_URLS=http://+:8080 Pipeline__DataDirectory=/var/lib/ingestpipeline/data Pipeline__Worker__Enabled=$STAGES
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --retries=6 CMD curl -fs http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["/app/ingestpipeline-web"]
