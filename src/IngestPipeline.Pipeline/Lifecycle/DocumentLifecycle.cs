using System.Diagnostics;
using IngestPipeline.Contracts;
using IngestPipeline.Pipeline.Hosting;
using IngestPipeline.Infrastructure.State;
using Microsoft.EntityFrameworkCore;
using static IngestPipeline.Infrastructure.State.DocumentStage;

namespace IngestPipeline.Pipeline.Lifecycle;

/// <summary>
/// The one place a document's stage changes: which moves are allowed, when its pages are done, and which command each
/// move sends on. A move and its command are saved in one transaction, the command as a row of the outbox
/// (<see cref="OutboxDispatcher"/>): a worker that dies after saving leaves nothing unsent, and the sweeper is left
/// only the work of workers that died in the middle of a stage. Nothing else writes <see cref="Document.Stage"/>.
/// </summary>
public sealed class DocumentLifecycle(PipelineDbContext db, OutboxDispatcher outbox, PipelineMetrics metrics)
{
    /// <summary>
    /// The moves a document may make. A stage may be taken again (a redelivery, or a claim whose worker died); any
    /// stage may go back to <see cref="Registered"/> when an admin asks for the document to be read again.
    /// </summary>
    private static readonly Dictionary<DocumentStage, DocumentStage[]> Moves = new()
    {
        [Registered] = [Splitting, Failed],
        [Splitting] = [Splitting, Recognizing, Failed],
        [Recognizing] = [Cleaning, Failed],
        [Cleaning] = [Cleaning, AwaitingReview, Failed],
        [AwaitingReview] = [Approved, Rejected],
        [Rejected] = [Approved, Rejected],
        [Approved] = [Published],
        [Published] = [AwaitingReview], // reopened to correct it: approved again, it is published as a new version
        [Failed] = [],
    };

    /// <summary>The stages in which a reviewer may edit and decide.</summary>
    public static readonly DocumentStage[] Reviewable = [AwaitingReview, Rejected];

    public static bool CanMove(DocumentStage from, DocumentStage to) => to == Registered || Moves[from].Contains(to);

    /// <summary>A new document: registered, and its split asked for.</summary>
    public void Register(Document document)
    {
        var now = DateTime.UtcNow;
        document.Stage = Registered;
        document.StageChangedAt = document.CreatedAt = document.UpdatedAt = now;
        db.Documents.Add(document);
        Send(new SplitDocument(document.Id), now);
    }

    public void StartSplitting(Document document) => Move(document, Splitting);

    /// <summary>The stage's clock moves on, so the sweeper does not take a long stage for a dead one.</summary>
    public void StillWorking(Document document) => document.StageChangedAt = document.UpdatedAt = DateTime.UtcNow;

    /// <summary>The document's pages are taken out: those not yet read are sent to recognition.</summary>
    public void Split(Document document, IEnumerable<int> pagesToRead)
    {
        var now = Move(document, Recognizing);
        foreach (int page in pagesToRead) Send(new RecognizePage(document.Id, page), now);
    }

    /// <summary>The document cannot be processed; <paramref name="reason"/> says why in words staff understand.</summary>
    public void Fail(Document document, string reason)
    {
        metrics.DocumentFailed(document.Stage);
        Move(document, Failed);
        document.FailureReason = reason;
    }

    /// <summary>
    /// Claims the cleaning of a document whose pages are all done, or whose cleaning was claimed by a worker that has
    /// not been heard of since <paramref name="staleBefore"/>. One conditional update: of two deliveries, one wins.
    /// </summary>
    public async Task<bool> ClaimCleaningAsync(Guid id, DateTime staleBefore, CancellationToken cancellation)
    {
        var now = DateTime.UtcNow;
        return await db.Documents
            .Where(d => d.Id == id && (d.Stage == Recognizing || (d.Stage == Cleaning && d.StageChangedAt < staleBefore)))
            .Where(PageCompletion.ReadyToClean(db))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Stage, Cleaning).SetProperty(d => d.StageChangedAt, now).SetProperty(d => d.UpdatedAt, now),
                cancellation) == 1;
    }

    public void AwaitReview(Document document) => Move(document, AwaitingReview);

    /// <summary>A reviewer approved <paramref name="version"/>: its publication is asked for.</summary>
    public void Approve(Document document, int version) => Send(new PublishDocument(document.Id, version), Move(document, Approved));

    public void Reject(Document document) => Move(document, Rejected);

    /// <summary>A published document reopened for a correction: in review again, its publications kept.</summary>
    public void Reopen(Document document) => Move(document, AwaitingReview);

    /// <summary>The approved version's outputs are written and recorded.</summary>
    public async Task MarkPublishedAsync(Guid id, CancellationToken cancellation)
    {
        var now = DateTime.UtcNow;
        await db.Documents.Where(d => d.Id == id && d.Stage == Approved)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Stage, Published).SetProperty(d => d.StageChangedAt, now).SetProperty(d => d.UpdatedAt, now),
                cancellation);
    }

    /// <summary>
    /// Re-OCR: the document goes back to registration with its pages, transcript and review task dropped, and its
    /// split is asked for, in one transaction: a reader never sees it awaiting review with its review task gone.
    /// </summary>
    public Task ReprocessAsync(Guid id, CancellationToken cancellation) => InTransactionAsync(async () =>
    {
        await db.ReviewTasks.Where(r => r.DocumentId == id).ExecuteDeleteAsync(cancellation);
        await db.Pages.Where(p => p.DocumentId == id).ExecuteDeleteAsync(cancellation);
        var now = DateTime.UtcNow;
        int found = await db.Documents.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Stage, Registered)
            .SetProperty(d => d.StageChangedAt, now)
            .SetProperty(d => d.UpdatedAt, now)
            .SetProperty(d => d.FailureReason, (string?)null)
            .SetProperty(d => d.TranscriptJson, (string?)null)
            .SetProperty(d => d.Text, (string?)null)
            .SetProperty(d => d.FlagCount, 0), cancellation);
        if (found == 1) Send(new SplitDocument(id), now);
    }, cancellation);

    /// <summary>
    /// Runs <paramref name="work"/> (which saves a page's outcome) and then, in the same transaction, lets the document go
    /// on when that was its last page: to cleaning when a page was recognised, to failure when none could be read.
    /// The document's row is written first, so the pages of one document finish one at a time and the last one sees
    /// all the others done.
    /// </summary>
    public Task FinishPageAsync(Document document, Func<Task> work, CancellationToken cancellation) => InTransactionAsync(async () =>
    {
        var now = DateTime.UtcNow;
        await db.Documents.Where(d => d.Id == document.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.UpdatedAt, now), cancellation);
        await work();
        await db.SaveChangesAsync(cancellation);
        var pages = await db.Pages.Where(p => p.DocumentId == document.Id)
            .Select(p => new { p.Number, p.Status, p.FailureReason }).ToListAsync(cancellation);
        if (document.Stage != Recognizing || pages.Count == 0 || pages.Any(p => p.Status is not (PageStatus.Recognized or PageStatus.Failed))) return;
        if (pages.Any(p => p.Status == PageStatus.Recognized))
            Send(new CleanDocument(document.Id), now);
        else
            Fail(document, PageCompletion.NoPageReadReason(pages.OrderBy(p => p.Number).Select(p => p.FailureReason ?? "").ToList()));
    }, cancellation);

    /// <summary>Saves the moves and their commands in one transaction, and has them sent.</summary>
    public async Task SaveAsync(CancellationToken cancellation)
    {
        await db.SaveChangesAsync(cancellation);
        outbox.Wake();
    }

    /// <summary>The commands of the stuck work the sweeper found, sent again through the outbox.</summary>
    public async Task SendAgainAsync(IEnumerable<object> commands, CancellationToken cancellation)
    {
        var now = DateTime.UtcNow;
        foreach (var command in commands) Send(command, now);
        await SaveAsync(cancellation);
    }

    private DateTime Move(Document document, DocumentStage to)
    {
        if (!CanMove(document.Stage, to))
            throw new InvalidOperationException($"Document {document.Id} cannot go from {document.Stage} to {to}");
        var now = DateTime.UtcNow;
        document.Stage = to;
        document.StageChangedAt = document.UpdatedAt = now;
        return now;
    }

    /// <summary>The command goes into the outbox with the current trace, so its stage's spans join the document's trace.</summary>
    private void Send(object command, DateTime now) => db.Outbox.Add(OutboxDispatcher.Row(command, now, Activity.Current?.Id));

    /// <summary>One transaction, saved at its end and retried whole where the database's connection retries.</summary>
    private async Task InTransactionAsync(Func<Task> work, CancellationToken cancellation)
    {
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            await work();
            await db.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
        });
        outbox.Wake();
    }
}
