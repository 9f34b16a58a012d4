using IngestPipeline.Contracts;
using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IngestPipeline.Pipeline.Lifecycle;

/// <summary>
/// Finds work that has not moved for longer than the stage deadline and sends its message again: a split, a page, a
/// cleaning or a publication whose worker died in the middle of it, or whose message went to the error queue after its
/// retries. Commands are never lost between a save and a send (they are saved with the change, <see cref="DocumentLifecycle"/>):
/// the sweeper is for dead workers. The stages are idempotent, so a message sent twice costs at most a repeated page.
/// </summary>
public sealed class StuckWorkSweeper(PipelineDbContext db, DocumentLifecycle lifecycle, PipelineOptions options, ILogger<StuckWorkSweeper> log)
{
    public async Task<int> RunAsync(CancellationToken cancellation = default)
    {
        var staleBefore = DateTime.UtcNow - options.Scheduling.StageDeadline;
        var messages = new List<object>();

        messages.AddRange((await db.Documents
                .Where(d => (d.Stage == DocumentStage.Registered || d.Stage == DocumentStage.Splitting) && d.StageChangedAt < staleBefore)
                .Select(d => d.Id).ToListAsync(cancellation))
            .Select(id => new SplitDocument(id)));

        messages.AddRange((await db.Pages
                .Where(p => (p.Status == PageStatus.Pending || p.Status == PageStatus.Recognizing) && p.UpdatedAt < staleBefore
                    && db.Documents.Any(d => d.Id == p.DocumentId && d.Stage == DocumentStage.Recognizing))
                .Select(p => new { p.DocumentId, p.Number }).ToListAsync(cancellation))
            .Select(p => new RecognizePage(p.DocumentId, p.Number)));

        var recognizing = db.Documents.Where(d => d.Stage == DocumentStage.Recognizing && d.StageChangedAt < staleBefore);
        messages.AddRange((await recognizing.Where(PageCompletion.ReadyToClean(db)).Select(d => d.Id)
                .Union(db.Documents.Where(d => d.Stage == DocumentStage.Cleaning && d.StageChangedAt < staleBefore).Select(d => d.Id))
                .ToListAsync(cancellation))
            .Select(id => new CleanDocument(id)));

        messages.AddRange(await db.Documents
            .Where(d => d.Stage == DocumentStage.Approved && d.StageChangedAt < staleBefore)
            .Select(d => new PublishDocument(d.Id, db.Versions.Where(v => v.DocumentId == d.Id && v.Kind == VersionKind.Approved).Max(v => v.Number)))
            .ToListAsync(cancellation));

        // Page stamps move on, so the same stuck page is not sent again at every sweep while it waits in a queue.
        foreach (var page in messages.OfType<RecognizePage>())
            await db.Pages.Where(p => p.DocumentId == page.DocumentId && p.Number == page.PageNumber)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.UpdatedAt, DateTime.UtcNow), cancellation);
        await lifecycle.SendAgainAsync(messages, cancellation);
        if (messages.Count > 0) log.LogWarning("Sweeper re-sent {Count} messages for work stuck past {Deadline}", messages.Count, options.Scheduling.StageDeadline);
        return messages.Count;
    }
}
