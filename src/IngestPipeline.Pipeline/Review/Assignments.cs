using IngestPipeline.Infrastructure.State;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Pipeline.Review;

/// <summary>
/// Who is to review what: an admin gives documents, or a whole collection (its documents now and those uploaded
/// later), to a reviewer, whose "mine" list they then fill. An assignment directs work; it locks nobody out.
/// </summary>
public sealed class Assignments(PipelineDbContext db)
{
    /// <summary>Gives the documents to <paramref name="reviewer"/> (null takes them back); returns how many there were.</summary>
    public async Task<int> AssignDocumentsAsync(IReadOnlyCollection<Guid> ids, string? reviewer, CancellationToken cancellation = default) =>
        await db.Documents.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(u => u.SetProperty(d => d.AssignedTo, reviewer), cancellation);

    /// <summary>
    /// Gives the collection to <paramref name="reviewer"/> (null takes it back): every document of it now, and each
    /// one registered into it later (<see cref="ForNewDocumentAsync"/>). Returns how many documents it holds now.
    /// </summary>
    public async Task<int> AssignCollectionAsync(string collection, string? reviewer, string admin, CancellationToken cancellation = default)
    {
        var existing = await db.CollectionAssignments.SingleOrDefaultAsync(a => a.Collection == collection, cancellation);
        if (reviewer is null)
        {
            if (existing is not null) db.CollectionAssignments.Remove(existing);
        }
        else if (existing is null)
            db.CollectionAssignments.Add(new CollectionAssignment { Collection = collection, Reviewer = reviewer, AssignedBy = admin, AssignedAt = DateTime.UtcNow });
        else
            (existing.Reviewer, existing.AssignedBy, existing.AssignedAt) = (reviewer, admin, DateTime.UtcNow);
        // One transaction, run by the execution strategy (PostgreSQL's retries a whole transaction, not a part of it).
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            await db.SaveChangesAsync(cancellation);
            var count = await db.Documents.Where(d => d.Collection == collection).ExecuteUpdateAsync(u => u.SetProperty(d => d.AssignedTo, reviewer), cancellation);
            await transaction.CommitAsync(cancellation);
            return count;
        });
    }

    /// <summary>The reviewer a new document of <paramref name="collection"/> goes to, if the collection is assigned.</summary>
    public async Task<string?> ForNewDocumentAsync(string? collection, CancellationToken cancellation = default) =>
        collection is null ? null : await db.CollectionAssignments.Where(a => a.Collection == collection).Select(a => a.Reviewer).SingleOrDefaultAsync(cancellation);
}
