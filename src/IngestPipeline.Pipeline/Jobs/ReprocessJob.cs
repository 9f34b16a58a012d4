using IngestPipeline.Contracts;
using IngestPipeline.Infrastructure.State;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Pipeline.Jobs;

/// <summary>
/// Re-OCR asked for by an admin: the document (or every document of a collection) goes back to registration, its
/// pages, transcript and review task are dropped, and the pipeline runs again from the stored original.
/// </summary>
public sealed class ReprocessJob(PipelineDbContext db, ISendEndpointProvider bus)
{
    public async Task ReprocessDocumentAsync(Guid documentId, CancellationToken cancellation = default) =>
        await ReprocessAsync(db.Documents.Where(d => d.Id == documentId), cancellation);

    public async Task ReprocessCollectionAsync(string collection, CancellationToken cancellation = default) =>
        await ReprocessAsync(db.Documents.Where(d => d.Collection == collection), cancellation);

    private async Task ReprocessAsync(IQueryable<Document> documents, CancellationToken cancellation)
    {
        var ids = await documents.Select(d => d.Id).ToListAsync(cancellation);
        foreach (var id in ids)
        {
            // One transaction (retried whole where the store retries): a reader must never see the document still
            // awaiting review with its review task gone.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
                await ResetAsync(id, cancellation);
                await transaction.CommitAsync(cancellation);
            });
            await bus.Send(new SplitDocument(id), cancellation);
        }
    }

    private async Task ResetAsync(Guid id, CancellationToken cancellation)
    {
        await db.ReviewTasks.Where(r => r.DocumentId == id).ExecuteDeleteAsync(cancellation);
        await db.Pages.Where(p => p.DocumentId == id).ExecuteDeleteAsync(cancellation);
        var now = DateTime.UtcNow;
        await db.Documents.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Stage, DocumentStage.Registered)
            .SetProperty(d => d.StageChangedAt, now)
            .SetProperty(d => d.UpdatedAt, now)
            .SetProperty(d => d.FailureReason, (string?)null)
            .SetProperty(d => d.TranscriptJson, (string?)null)
            .SetProperty(d => d.Text, (string?)null)
            .SetProperty(d => d.FlagCount, 0), cancellation);
    }
}
