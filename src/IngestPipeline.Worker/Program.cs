using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Pipeline;

// A worker: the stage consumers (OCR on one engine per core) and the Hangfire server. Run as many as there are
// machines; they compete for the same queues. Configuration: appsettings.json, then Pipeline__* environment variables.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddPipeline(builder.Configuration);
var host = builder.Build();
await host.Services.PreparePipelineStateAsync();
await host.RunAsync();
