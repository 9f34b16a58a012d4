using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Pipeline.Hosting;

// A worker: the stage consumers (OCR on one engine per core) and the Hangfire server. Run as many as there are
// machines; they compete for the same queues. Configuration: appsettings.json, then Pipeline__* environment variables.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddPipeline(builder.Configuration);
var host = builder.Build();
await host.Services.PreparePipelineStateAsync();
await host.RunAsync();
