using System.Text.Json;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Review;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Pipeline.Review;

/// <summary>What a reviewer sends: the text of every line (page, index, text) and the metadata fields.</summary>
public sealed record ReviewDraft(IReadOnlyList<LineEdit> Lines, ReviewedMetadata Metadata);

public enum ReviewDecision { Save, Approve, Reject }

public enum ReviewOutcome { Saved, Conflict, NotReviewable, NotFound }

/// <summary>How a save ended; on a conflict, who saved in between and when.</summary>
public sealed record ReviewResult(ReviewOutcome Outcome, int Revision, string Message);

/// <summary>
/// The reviewer's side of a document: claim it, autosave drafts, save versions, approve or reject.
/// A save names the revision it was made against; if someone saved since, it is refused with a message saying
/// who and when, and nothing is overwritten. Every save becomes a <see cref="DocumentVersion"/> with its diff.
/// Approval queues the publication (<see cref="PublishDocument"/>), written by a worker.
/// </summary>
public sealed class ReviewService(PipelineDbContext db, DocumentLifecycle lifecycle)
{

    /// <summary>Marks the document as the reviewer's. A claim by someone else is taken over only when asked to.</summary>
    public async Task<(bool Claimed, string? Holder)> ClaimAsync(Guid documentId, string reviewer, bool takeOver, CancellationToken cancellation = default)
    {
        var now = DateTime.UtcNow;
        int updated = await db.ReviewTasks
            .Where(t => t.DocumentId == documentId && (takeOver || t.ClaimedBy == null || t.ClaimedBy == reviewer))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedBy, reviewer).SetProperty(t => t.ClaimedAt, now), cancellation);
        if (updated > 0) return (true, reviewer);
        var holder = await db.ReviewTasks.Where(t => t.DocumentId == documentId).Select(t => t.ClaimedBy).SingleOrDefaultAsync(cancellation);
        return (false, holder);
    }

    /// <summary>Keeps unsaved work: it does not make a version and never conflicts.</summary>
    public async Task<bool> SaveDraftAsync(Guid documentId, string reviewer, ReviewDraft draft, CancellationToken cancellation = default)
    {
        var json = JsonSerializer.Serialize(draft);
        var now = DateTime.UtcNow;
        return await db.ReviewTasks.Where(t => t.DocumentId == documentId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DraftJson, json).SetProperty(t => t.DraftBy, reviewer).SetProperty(t => t.DraftSavedAt, now), cancellation) > 0;
    }

    public static ReviewDraft? ReadDraft(string? json) => json is null ? null : JsonSerializer.Deserialize<ReviewDraft>(json);

    public async Task<ReviewResult> SubmitAsync(Guid documentId, string reviewer, int expectedRevision, ReviewDraft draft,
        ReviewDecision decision, string? comment, CancellationToken cancellation = default)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, cancellation);
        var task = await db.ReviewTasks.SingleOrDefaultAsync(t => t.DocumentId == documentId, cancellation);
        if (document is null || task is null) return new(ReviewOutcome.NotFound, 0, $"There is no document {documentId} in the review queue.");
        if (!DocumentLifecycle.Reviewable.Contains(document.Stage))
            return new(ReviewOutcome.NotReviewable, task.Revision, $"\"{document.FileName}\" is {Describe(document.Stage)}; it can no longer be edited.");
        if (task.Revision != expectedRevision) return await ConflictAsync(documentId, cancellation);
        if (decision == ReviewDecision.Reject && string.IsNullOrWhiteSpace(comment))
            return new(ReviewOutcome.NotReviewable, task.Revision, "Say why the document is rejected.");

        var current = JsonExporter.Read(document.TranscriptJson!);
        var currentLines = ReviewSheet.Of(current).ToDictionary(l => (l.Page, l.Index), l => l.Text);
        var changed = draft.Lines.Where(e => currentLines.TryGetValue((e.Page, e.Line), out var text) && Normalize(text) != Normalize(e.Text));
        var reviewed = ReviewApplier.Apply(current, changed) with { Metadata = draft.Metadata.ApplyTo(current.Metadata) };

        var previous = await db.Versions.Where(v => v.DocumentId == documentId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellation);
        var lineText = ReviewSheet.LineText(ReviewSheet.Of(reviewed));
        var now = DateTime.UtcNow;
        var version = new DocumentVersion
        {
            DocumentId = documentId,
            Number = (previous?.Number ?? 0) + 1,
            Kind = decision switch { ReviewDecision.Approve => VersionKind.Approved, ReviewDecision.Reject => VersionKind.Rejected, _ => VersionKind.Saved },
            Author = reviewer,
            CreatedAt = now,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            TranscriptJson = JsonExporter.Write(reviewed),
            LineText = lineText,
            Diff = LineDiff.FormatChanges(previous?.LineText ?? "", lineText),
        };
        db.Versions.Add(version);
        document.TranscriptJson = version.TranscriptJson;
        document.Text = PlainTextExporter.Write(reviewed, TextLayout.Paragraphs);
        document.FlagCount = reviewed.Pages.Sum(p => p.Words.Count(w => w.IsIllegible));
        document.UpdatedAt = now;
        if (decision != ReviewDecision.Save)
        {
            if (decision == ReviewDecision.Approve) lifecycle.Approve(document, version.Number);
            else lifecycle.Reject(document);
            task.DecidedBy = reviewer;
            task.DecidedAt = now;
            task.DecisionComment = version.Comment;
        }
        task.Revision++;
        task.DraftJson = null;
        task.DraftBy = null;
        task.DraftSavedAt = null;
        try
        {
            await lifecycle.SaveAsync(cancellation);
        }
        catch (DbUpdateException)
        {
            // A concurrent save bumped the revision (or took the version number) between our read and write.
            db.ChangeTracker.Clear();
            if (await db.ReviewTasks.AnyAsync(t => t.DocumentId == documentId && t.Revision != expectedRevision, cancellation))
                return await ConflictAsync(documentId, cancellation);
            throw;
        }
        var said = decision switch { ReviewDecision.Approve => "Approved; publishing", ReviewDecision.Reject => "Rejected", _ => "Saved" };
        return new(ReviewOutcome.Saved, task.Revision, $"{said} as version {version.Number}.");
    }

    private async Task<ReviewResult> ConflictAsync(Guid documentId, CancellationToken cancellation)
    {
        var revision = await db.ReviewTasks.Where(t => t.DocumentId == documentId).Select(t => t.Revision).SingleAsync(cancellation);
        var last = await db.Versions.AsNoTracking().Where(v => v.DocumentId == documentId).OrderByDescending(v => v.Number)
            .Select(v => new { v.Author, v.CreatedAt, v.Number }).FirstAsync(cancellation);
        return new(ReviewOutcome.Conflict, revision,
            $"{last.Author} saved version {last.Number} of this document at {last.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC, after you opened it. " +
            "Your changes were not saved: reload the page to see their version, then apply yours again.");
    }

    private static string Describe(DocumentStage stage) => stage switch
    {
        DocumentStage.Approved or DocumentStage.Published => "approved",
        DocumentStage.Failed => "failed",
        _ => "still being processed",
    };

    /// <summary>Spacing is not an edit: words are what the applier compares.</summary>
    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
