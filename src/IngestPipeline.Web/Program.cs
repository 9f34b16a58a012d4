using System.Text.Json.Serialization;
using Hangfire;
using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Pipeline.Hosting;
using IngestPipeline.ServiceDefaults;
using IngestPipeline.Web.Api;
using IngestPipeline.Web.Security;

// The web host: the review app (Razor Pages), the REST API, health and metrics, the Hangfire dashboard. In the embedded default
// (Pipeline:Worker:Enabled, the default) it also runs the stages, so one process does everything.
// `ingestpipeline-web users|api-keys ...` administers accounts instead of serving (see AccountCommands).
// appsettings.json and wwwroot are read from beside the executable, wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddServiceDefaults();
var options = builder.Services.AddPipeline(builder.Configuration);
try
{
    builder.Services.AddPipelineSecurity(builder.Configuration, builder.Environment);
}
catch (InvalidOperationException e) // a setting that is missing or wrong: said plainly, without a stack trace
{
    Console.Error.WriteLine($"ingestpipeline-web: {e.Message}");
    return 1;
}
builder.Services.AddProxySupport(builder.Configuration);
builder.Services.AddApiRateLimits(builder.Configuration);
builder.Services.AddRazorPages();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
// Every endpoint takes a form's worth unless it says otherwise (the upload does): RequestBodyLimits.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestBodyLimits.DefaultBytes);

var app = builder.Build();
await app.Services.PreparePipelineStateAsync();
await app.Services.SeedAccountsAsync(app.Configuration);
if (AccountCommands.Handles(args)) return await AccountCommands.RunAsync(app.Services, args);

app.UseProxySupport(app.Configuration);
app.UseSecurityHeaders();
app.UseRouting();
app.UseRequestBodyLimits();
app.UseStaticFiles();
app.UseAuthentication();
app.UseRateLimiter(); // after authentication: the API's callers are counted by who they are
app.UseAuthorization();
app.UseAntiforgery();
app.MapDefaultEndpoints();
app.MapUploadEndpoints(options);
app.MapDocumentEndpoints();
app.MapSearchEndpoints();
app.MapIiifEndpoints();
app.MapBatchEndpoints();
app.MapCommentEndpoints();
app.MapCollectionEndpoints();
app.MapReviewEndpoints();
app.MapAdminEndpoints();
app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], AppPath = "/" }).RequireAuthorization(Policies.Admin);
app.MapRazorPages();
await app.RunAsync();
return 0;

/// <summary>Visible to the tests that host the app in-process.</summary>
public partial class Program;
