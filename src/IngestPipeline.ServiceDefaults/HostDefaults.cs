using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IngestPipeline.ServiceDefaults;

/// <summary>
/// What every host of the pipeline has, whatever it runs: metrics and traces with OpenTelemetry (the pipeline's own
/// meters and sources, MassTransit's, ASP.NET Core's and the runtime's), a Prometheus scraping endpoint, OTLP export
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and the health endpoints with the state's readiness check. After
/// .NET Aspire's ServiceDefaults.
/// </summary>
public static class HostDefaults
{
    /// <summary>The prefix of the pipeline's meters and activity sources (<c>IngestPipeline.Pipeline</c>, …).</summary>
    public const string TelemetryPrefix = "IngestPipeline.";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics => metrics
                .AddMeter(TelemetryPrefix + "*", "MassTransit")
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(TelemetryPrefix + "*", "MassTransit")
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = IsWorkRequest));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
            builder.Logging.AddOpenTelemetry(logs => logs.IncludeFormattedMessage = true);
        }
        builder.Services.AddHealthChecks().AddCheck<StateHealthCheck>("state", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c> (the process answers), <c>/health/ready</c> (the checks tagged "ready": database, blob
    /// store) and <c>/metrics</c> (Prometheus). They answer without sign-in: counts and states only, no names or text.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        return app;
    }

    /// <summary>Health probes and scrapes are not traced: they would bury the documents' traces.</summary>
    private static bool IsWorkRequest(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/metrics");
}
