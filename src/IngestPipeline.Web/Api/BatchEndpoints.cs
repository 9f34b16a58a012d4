using IngestPipeline.Pipeline.Intake;
using IngestPipeline.Web.Security;

namespace IngestPipeline.Web.Api;

/// <summary>Batches (one upload, one inbox run) and where each of their files stands.</summary>
public static class BatchEndpoints
{
    public const int MaxTake = 200;

    public static void MapBatchEndpoints(this IEndpointRouteBuilder routes)
    {
        var app = routes.MapGroup("/api/batches").RequireAuthorization(Policies.View);
        app.MapGet("", async (BatchBook batches, int? skip, int? take, CancellationToken cancellation) =>
            Results.Ok(await batches.RecentAsync(Math.Max(0, skip ?? 0), Math.Clamp(take ?? 50, 1, MaxTake), cancellation)));
        app.MapGet("/{id:guid}", async (Guid id, BatchBook batches, CancellationToken cancellation) =>
            await batches.ReadAsync(id, cancellation) is { } batch ? Results.Ok(batch) : Results.Problem($"There is no batch {id}.", statusCode: 404));
    }
}
