using IngestPipeline.Contracts;
using IngestPipeline.Infrastructure.State;
using MassTransit;

namespace IngestPipeline.Pipeline.Stages;

/// <summary>Marks a document failed with a reason staff can act on, and tells whoever listens.</summary>
internal static class Failures
{
    public static async Task FailDocumentAsync(PipelineDbContext db, IPublishEndpoint bus, Document document, string reason, CancellationToken cancellation)
    {
        var now = DateTime.UtcNow;
        document.Stage = DocumentStage.Failed;
        document.FailureReason = reason;
        document.StageChangedAt = now;
        document.UpdatedAt = now;
        await db.SaveChangesAsync(cancellation);
        await bus.Publish(new DocumentFailed(document.Id, reason), cancellation);
    }
}
