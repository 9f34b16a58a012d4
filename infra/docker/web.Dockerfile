# The web host: upload API, document status and results, Hangfire dashboard.
# Build from the repository root: docker build -f infra/docker/web.Dockerfile .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# Self-contained: the final image needs no .NET runtime, only Debian's OCR libraries.
RUN dotnet publish src/IngestPipeline.Web -c Release -r linux-x64 --self-contained -o /app

FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libtesseract5 liblept5 tesseract-ocr-eng tesseract-ocr-osd poppler-utils util-linux wamerican ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /var/lib/ingestpipeline ingestpipeline
COPY --from=build /app /app
USER ingestpipeline
WORKDIR /var/lib/ingestpipeline
ENV ASPNETCORE_URLS=http://+:8080 Pipeline__DataDirectory=/var/lib/ingestpipeline/data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --retries=6 CMD curl -fs http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["/app/ingestpipeline-web"]
