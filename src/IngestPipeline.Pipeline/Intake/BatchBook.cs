using IngestPipeline.Infrastructure.State;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Pipeline.Intake;

/// <summary>
/// Batches: files that arrived together (one upload, one inbox run), each file's line saved as soon as it is
/// registered or refused, so a batch's progress page shows every file however long ago it was sent.
/// </summary>
public sealed class BatchBook(PipelineDbContext db)
{
    public sealed record EntryView(string FileName, Guid? DocumentId, bool Duplicate, string? Error, DocumentStage? Stage, string? FailureReason,
        int PageCount, int PagesRecognized, int FlagCount);

    /// <summary>Where a batch stands: its files, how many are being read, waiting for review, done and failed.</summary>
    public sealed record BatchView(Guid Id, BatchKind Kind, string CreatedBy, DateTime CreatedAt, string? Collection,
        int Files, int InProgress, int InReview, int Done, int Failed, IReadOnlyList<EntryView> Entries)
    {
        /// <summary>No file is in the pipeline's hands: each is refused, failed, in review or published.</summary>
        public bool Settled => InProgress == 0;
    }

    public async Task<Batch> OpenAsync(BatchKind kind, string createdBy, string? collection, CancellationToken cancellation = default)
    {
        var batch = new Batch
        {
            Id = Guid.NewGuid(), Kind = kind, CreatedBy = createdBy, CreatedAt = DateTime.UtcNow,
            Collection = string.IsNullOrWhiteSpace(collection) ? null : collection.Trim(),
        };
        db.Batches.Add(batch);
        await db.SaveChangesAsync(cancellation);
        return batch;
    }

    public async Task<bool> ExistsAsync(Guid id, CancellationToken cancellation = default) => await db.Batches.AnyAsync(b => b.Id == id, cancellation);

    /// <summary>Adds a file's line: the document it became (or already was), or why it was refused.</summary>
    public async Task RecordAsync(Guid batchId, string fileName, Registration? registration, string? error, CancellationToken cancellation = default)
    {
        db.BatchEntries.Add(new BatchEntry
        {
            BatchId = batchId, FileName = fileName, DocumentId = registration?.Document.Id, Duplicate = registration?.Duplicate ?? false,
            Error = error is null ? null : error.Length > 1000 ? error[..1000] : error, AddedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(cancellation);
    }

    /// <summary>The batch with each file's document as it stands now; null when there is no such batch.</summary>
    public async Task<BatchView?> ReadAsync(Guid id, CancellationToken cancellation = default)
    {
        var batch = await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellation);
        if (batch is null) return null;
        var entries = await (from e in db.BatchEntries.AsNoTracking()
                             where e.BatchId == id
                             join d in db.Documents on e.DocumentId equals d.Id into documents
                             from d in documents.DefaultIfEmpty()
                             orderby e.Id
                             select new EntryView(e.FileName, e.DocumentId, e.Duplicate, e.Error, d == null ? null : d.Stage, d == null ? null : d.FailureReason,
                                 d == null ? 0 : d.PageCount, d == null ? 0 : db.Pages.Count(p => p.DocumentId == d.Id && p.Status == PageStatus.Recognized),
                                 d == null ? 0 : d.FlagCount))
            .ToListAsync(cancellation);
        return View(batch, entries);
    }

    /// <summary>The latest batches, newest first, with their counts (not their lines).</summary>
    public async Task<IReadOnlyList<BatchView>> RecentAsync(int skip, int take, CancellationToken cancellation = default)
    {
        var batches = await db.Batches.AsNoTracking().OrderByDescending(b => b.CreatedAt).ThenBy(b => b.Id).Skip(skip).Take(take).ToListAsync(cancellation);
        var ids = batches.Select(b => b.Id).ToList();
        var stages = await (from e in db.BatchEntries.AsNoTracking()
                            where ids.Contains(e.BatchId)
                            join d in db.Documents on e.DocumentId equals d.Id into documents
                            from d in documents.DefaultIfEmpty()
                            select new { e.BatchId, e.Error, Stage = d == null ? (DocumentStage?)null : d.Stage })
            .ToListAsync(cancellation);
        return batches.Select(b => View(b, stages.Where(s => s.BatchId == b.Id).Select(s => ((string?)s.Error, s.Stage)).ToList(), [])).ToList();
    }

    private static BatchView View(Batch batch, IReadOnlyList<EntryView> entries) => View(batch, entries.Select(e => (e.Error, e.Stage)).ToList(), entries);

    /// <summary>The batch with its counts, from each file's refusal or its document's stage.</summary>
    private static BatchView View(Batch batch, IReadOnlyList<(string? Error, DocumentStage? Stage)> files, IReadOnlyList<EntryView> entries) => new(
        batch.Id, batch.Kind, batch.CreatedBy, batch.CreatedAt, batch.Collection, files.Count,
        InProgress: files.Count(f => f.Stage is DocumentStage.Registered or DocumentStage.Splitting or DocumentStage.Recognizing or DocumentStage.Cleaning or DocumentStage.Approved),
        InReview: files.Count(f => f.Stage is DocumentStage.AwaitingReview or DocumentStage.Rejected),
        Done: files.Count(f => f.Stage is DocumentStage.Published),
        Failed: files.Count(f => f.Error is not null || f.Stage is DocumentStage.Failed),
        entries);
}
