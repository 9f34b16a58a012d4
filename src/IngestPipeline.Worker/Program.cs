using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Pipeline.Hosting;
using IngestPipeline.ServiceDefaults;

// A worker: the stage consumers (OCR on one engine per core) and the Hangfire server. Run as many as there are
// machines; they compete for the same queues. Configuration: appsettings.json, then Pipeline__* environment variables.
// It answers /health/live, /health/ready and /metrics on ASPNETCORE_URLS (by default a free port on 127.0.0.1, named in
// its log at start, so several workers on one machine never collide; give each its own port to scrape them).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.AddServiceDefaults();
builder.Services.AddPipeline(builder.Configuration);
var app = builder.Build();
await app.Services.PreparePipelineStateAsync();
app.MapDefaultEndpoints();
await app.RunAsync();
