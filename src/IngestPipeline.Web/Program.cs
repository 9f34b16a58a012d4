using System.Text.Json.Serialization;
using Hangfire;
using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Pipeline;
using IngestPipeline.Web.Api;

// The web host: upload API, document status and results, health, Hangfire dashboard. In the embedded default
// (Pipeline:Worker:Enabled, the default) it also runs the stages, so one process does everything.
// appsettings.json is read from beside the executable, wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddPipeline(builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<StateHealthCheck>("state", tags: ["ready"]);
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = UploadEndpoints.MaxRequestBytes);

var app = builder.Build();
await app.Services.PreparePipelineStateAsync();
app.MapHealthEndpoints();
app.MapUploadEndpoints();
app.MapDocumentEndpoints();
app.MapAdminEndpoints();
app.MapHangfireDashboard("/hangfire"); // local requests only until accounts and roles secure it
app.MapGet("/", () => Results.Redirect("/api/documents"));
await app.RunAsync();

/// <summary>Visible to the tests that host the app in-process.</summary>
public partial class Program;
