using IngestPipeline.Contracts;
using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Review;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Hosting;
using IngestPipeline.Pipeline.Lifecycle;
using IngestPipeline.Pipeline.Learning;
using IngestPipeline.Pipeline.Review;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IngestPipeline.Pipeline.Clean;

/// <summary>
/// Puts the recognised pages together (a page that failed is left out, with its reason kept on its row), cleans the
/// transcript (illegible spans, confusions, hyphens, metadata) with the collection's lexicon added to the general one and
/// the collection's [ILLEGIBLE] decision (<see cref="CollectionDecisions"/>), and
/// queues the document for review. The stage is claimed with one conditional update, so of two deliveries (two
/// workers, or a redelivery after a crash) only one does the work; a claim left by a dead worker expires after the
/// stage deadline. The review task has a unique key per document: a document is queued exactly once.
/// </summary>
public sealed class CleanDocumentConsumer(PipelineDbContext db, DocumentLifecycle lifecycle, CollectionDecisions decisions, Lexicon lexicon, CleanupOptions cleanup, PipelineOptions options, PipelineMetrics metrics,
    ILogger<CleanDocumentConsumer> log) : IConsumer<CleanDocument>
{
    /// <summary>The author of the versions the pipeline makes.</summary>
    public const string VersionAuthor = "pipeline";

    /// <summary>Versions a reviewer made: once there is one, the pipeline's readings are suggestions beside it.</summary>
    public static readonly VersionKind[] ReviewerKinds = [VersionKind.Saved, VersionKind.Approved, VersionKind.Rejected, VersionKind.Restored];

    public async Task Consume(ConsumeContext<CleanDocument> context)
    {
        using var timer = metrics.Time("clean");
        var id = context.Message.DocumentId;
        var cancellation = context.CancellationToken;
        if (!await lifecycle.ClaimCleaningAsync(id, DateTime.UtcNow - options.Scheduling.StageDeadline, cancellation)) return;

        var document = await db.Documents.Include(d => d.Pages).SingleAsync(d => d.Id == id, cancellation);
        // A failed page has no words: the reviewer sees it listed with its reason (the document's page rows keep it).
        var pages = document.Pages.Where(p => p.Status == PageStatus.Recognized).OrderBy(p => p.Number)
            .SelectMany(p => JsonExporter.Read(p.OcrJson!).Pages).ToList();
        // The collection's learned names are known words here: neither "corrected" nor taken for unreadable.
        var known = lexicon.With(await CollectionLexicon.WordsAsync(db, document.Collection, cancellation));
        // A collection retrained from its reviews is decided by its own model and threshold.
        var transcript = TranscriptCleaner.Clean(new Transcript(document.FileName, pages), known,
            await decisions.CleanupForAsync(document.Collection, cleanup, options.Illegibility, cancellation));

        var previous = await db.Versions.Where(v => v.DocumentId == id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.LineText }).FirstOrDefaultAsync(cancellation);
        // Read again after a reviewer worked on it (a re-OCR): their text stays the document's, the reading is a suggestion.
        var reviewers = await db.Versions.Where(v => v.DocumentId == id && ReviewerKinds.Contains(v.Kind)).OrderByDescending(v => v.Number)
            .Select(v => v.TranscriptJson).FirstOrDefaultAsync(cancellation);
        var current = reviewers is null ? transcript : JsonExporter.Read(reviewers);
        TranscriptColumns.Write(document, current);
        document.MeanConfidence = transcript.Pages.Count == 0 ? 0 : transcript.Pages.Average(p => p.MeanConfidence);
        lifecycle.AwaitReview(document);
        int number = (previous?.Number ?? 0) + 1;
        var task = await db.ReviewTasks.SingleOrDefaultAsync(r => r.DocumentId == id, cancellation);
        // The revision goes on from the version number, never back to 0: a review page opened before a re-OCR must
        // not save over the document as if nothing had happened.
        if (task is null) db.ReviewTasks.Add(new ReviewTask { Id = Guid.NewGuid(), DocumentId = id, QueuedAt = DateTime.UtcNow, Revision = number });
        else task.Revision++;
        var lineText = ReviewSheet.LineText(ReviewSheet.Of(transcript));
        db.Versions.Add(new DocumentVersion
        {
            DocumentId = id, Number = number, Kind = reviewers is null ? VersionKind.Recognized : VersionKind.Suggested, Author = VersionAuthor,
            CreatedAt = DateTime.UtcNow, TranscriptJson = JsonExporter.Write(transcript), LineText = lineText,
            Diff = previous is null ? "" : LineDiff.FormatChanges(previous.LineText, lineText),
        });
        await lifecycle.SaveAsync(cancellation);
        log.LogInformation("Document {DocumentId} ({FileName}) awaits review: {Pages} pages, {Flags} flags", id, document.FileName, pages.Count, document.FlagCount);
    }
}
