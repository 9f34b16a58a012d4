using Hangfire;
using IngestPipeline.Pipeline.Intake;
using IngestPipeline.Pipeline.Lifecycle;
using IngestPipeline.Web.Security;

namespace IngestPipeline.Web.Api;

/// <summary>Operator actions, run as Hangfire jobs: ingest the inbox now, sweep now, re-OCR a document or a collection; and how a job went.</summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(Policies.Admin).RequireAntiforgeryForCookies();
        admin.MapPost("/ingest-inbox", (IBackgroundJobClient jobs) =>
            Results.Accepted(value: new { JobId = jobs.Enqueue<InboxIngestionJob>(j => j.RunAsync(CancellationToken.None)) }));
        admin.MapPost("/sweep", (IBackgroundJobClient jobs) =>
            Results.Accepted(value: new { JobId = jobs.Enqueue<StuckWorkSweeper>(j => j.RunAsync(CancellationToken.None)) }));
        admin.MapPost("/documents/{id:guid}/reprocess", (Guid id, IBackgroundJobClient jobs) =>
            Results.Accepted(value: new { JobId = jobs.Enqueue<ReprocessJob>(j => j.ReprocessDocumentAsync(id, CancellationToken.None)) }));
        // What became of a job these actions (or a collection's retraining) enqueued: its latest state and, when it failed, why.
        admin.MapGet("/jobs/{id}", (string id, JobStorage storage) =>
        {
            var job = storage.GetMonitoringApi().JobDetails(id);
            if (job is null) return Results.Problem($"There is no job {id}.", statusCode: 404);
            var state = job.History.FirstOrDefault();
            string? error = state?.Data is { } data && data.TryGetValue("ExceptionMessage", out var message) ? message : null;
            return Results.Ok(new { Id = id, State = state?.StateName, state?.Reason, Error = error });
        });
        admin.MapPost("/collections/{name}/reprocess", (string name, IBackgroundJobClient jobs) =>
            Results.Accepted(value: new { JobId = jobs.Enqueue<ReprocessJob>(j => j.ReprocessCollectionAsync(name, CancellationToken.None)) }));
    }
}
