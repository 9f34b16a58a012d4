using IngestPipeline.Infrastructure.State;
using IngestPipeline.Infrastructure.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IngestPipeline.ServiceDefaults;

/// <summary>Ready when the database answers a query and the blob store answers a lookup.</summary>
public sealed class StateHealthCheck(PipelineDbContext db, IBlobStore blobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken)) return HealthCheckResult.Unhealthy("the database does not answer");
            await blobs.ExistsAsync(BlobNames.Originals, "health", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
