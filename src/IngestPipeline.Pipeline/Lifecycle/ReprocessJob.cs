using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Pipeline.Lifecycle;

/// <summary>
/// Re-OCR asked for by an admin: the document (or every document of a collection) goes back to registration
/// (<see cref="DocumentLifecycle.ReprocessAsync"/>) and the pipeline runs again from the stored original.
/// </summary>
public sealed class ReprocessJob(PipelineDbContext db, DocumentLifecycle lifecycle)
{
    public async Task ReprocessDocumentAsync(Guid documentId, CancellationToken cancellation = default) =>
        await ReprocessAsync(db.Documents.Where(d => d.Id == documentId), cancellation);

    public async Task ReprocessCollectionAsync(string collection, CancellationToken cancellation = default) =>
        await ReprocessAsync(db.Documents.Where(d => d.Collection == collection), cancellation);

    private async Task ReprocessAsync(IQueryable<Document> documents, CancellationToken cancellation)
    {
        foreach (var id in await documents.Select(d => d.Id).ToListAsync(cancellation))
            await lifecycle.ReprocessAsync(id, cancellation);
    }
}
