using System.Text.Json;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Review;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Pipeline.Review;

/// <summary>What a reviewer sends: the text of every line (page, index, text) and the metadata fields.</summary>
public sealed record ReviewDraft(IReadOnlyList<LineEdit> Lines, ReviewedMetadata Metadata)
{
    /// <summary>The flagged words the reviewer looked at and kept as they are, in the text as posted.</summary>
    public IReadOnlyList<KeptWord> Kept { get; init; } = [];
}

public enum ReviewDecision { Save, Approve, Reject }

public enum ReviewOutcome { Saved, Conflict, NotReviewable, NotFound }

/// <summary>How a save ended; on a conflict, who saved in between and when.</summary>
public sealed record ReviewResult(ReviewOutcome Outcome, int Revision, string Message);

/// <summary>
/// The reviewer's side of a document: claim it, autosave drafts, save versions, approve or reject.
/// A save names the revision it was made against; if someone saved since, it is refused with a message saying
/// who and when, and nothing is overwritten. Every save becomes a <see cref="DocumentVersion"/> with its diff, and
/// the decisions its text holds become the document's labelled examples, and an approval's its score (<see cref="ReviewRecords"/>).
/// Approval queues the publication (<see cref="PublishDocument"/>), written by a worker.
/// </summary>
public sealed class ReviewService(PipelineDbContext db, DocumentLifecycle lifecycle)
{
    /// <summary>The most one save counts as spent on the page: a page left open in use all day is not a day's review.</summary>
    public const int MaxSecondsPerSave = 4 * 3600;

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

    /// <param name="openedVersion">
    /// The version the reviewer's page showed. With it, a save made after someone else's is merged with theirs where
    /// the two changed different lines (<see cref="ReviewMerge"/>); without it, any save in between is a conflict.
    /// </param>
    /// <param name="seconds">The seconds the reviewer's page was visible and in use since it was opened: the review's cost.</param>
    public async Task<ReviewResult> SubmitAsync(Guid documentId, string reviewer, int expectedRevision, ReviewDraft draft,
        ReviewDecision decision, string? comment, CancellationToken cancellation = default, int? openedVersion = null, int seconds = 0)
    {
        var (document, task) = await TrackedAsync(documentId, cancellation);
        if (document is null || task is null) return new(ReviewOutcome.NotFound, 0, $"There is no document {documentId} in the review queue.");
        if (!DocumentLifecycle.Reviewable.Contains(document.Stage))
        {
            // The same approval posted again (a double click, a resent form) is done already: say so, not that it failed.
            if (decision == ReviewDecision.Approve && task.DecidedBy == reviewer && task.Revision == expectedRevision + 1
                && document.Stage is DocumentStage.Approved or DocumentStage.Published)
                return new(ReviewOutcome.Saved, task.Revision, "Approved; publishing.");
            return new(ReviewOutcome.NotReviewable, task.Revision, $"\"{document.FileName}\" is {Describe(document.Stage)}; it can no longer be edited.");
        }
        if (decision == ReviewDecision.Reject && string.IsNullOrWhiteSpace(comment))
            return new(ReviewOutcome.NotReviewable, task.Revision, "Say why the document is rejected.");

        var current = JsonExporter.Read(document.TranscriptJson!);
        var currentLines = ReviewSheet.Of(current).ToDictionary(l => (l.Page, l.Index), l => l.Text);
        draft = draft with { Lines = draft.Lines.Where(e => currentLines.ContainsKey((e.Page, e.Line))).ToList() }; // lines the document has
        string? merged = null;
        if (task.Revision != expectedRevision)
        {
            var opened = openedVersion is { } number
                ? await db.Versions.AsNoTracking().Where(v => v.DocumentId == documentId && v.Number == number).Select(v => v.TranscriptJson).SingleOrDefaultAsync(cancellation)
                : null;
            if (opened is null) return await RefuseAsync(documentId, reviewer, draft, [], cancellation);
            var openedTranscript = JsonExporter.Read(opened);
            var merge = ReviewMerge.Merge(ReviewSheet.Of(openedTranscript), ReviewSheet.Of(current), draft.Lines,
                ReviewedMetadata.Of(openedTranscript.Metadata), ReviewedMetadata.Of(current.Metadata), draft.Metadata);
            // A kept flag names a word by its place in the line as posted: it holds only where that text still stands.
            var posted = draft.Lines.ToDictionary(l => (l.Page, l.Line), l => l.Text);
            var unchanged = merge.Lines.Where(l => posted[(l.Page, l.Line)] == l.Text).Select(l => (l.Page, l.Line)).ToHashSet();
            draft = new ReviewDraft(merge.Lines, merge.Metadata) { Kept = draft.Kept.Where(k => unchanged.Contains((k.Page, k.Line))).ToList() };
            if (merge.Conflicts.Count > 0) return await RefuseAsync(documentId, reviewer, draft, merge.Conflicts, cancellation);
            merged = await LastSaveAsync(documentId, cancellation);
        }
        var changed = draft.Lines.Where(e => currentLines.TryGetValue((e.Page, e.Line), out var text) && Normalize(text) != Normalize(e.Text));
        var reviewed = ReviewApplier.Keep(ReviewApplier.Apply(current, changed), draft.Kept) with { Metadata = draft.Metadata.ApplyTo(current.Metadata) };

        var kind = decision switch { ReviewDecision.Approve => VersionKind.Approved, ReviewDecision.Reject => VersionKind.Rejected, _ => VersionKind.Saved };
        task.ReviewSeconds += Math.Clamp(seconds, 0, MaxSecondsPerSave);
        var version = await AddVersionAsync(document, task, reviewed, kind, reviewer, comment, cancellation);
        var now = version.CreatedAt;
        if (decision != ReviewDecision.Save)
        {
            if (decision == ReviewDecision.Approve) lifecycle.Approve(document, version.Number);
            else lifecycle.Reject(document);
            task.DecidedBy = reviewer;
            task.DecidedAt = now;
            task.DecisionComment = version.Comment;
        }
        try
        {
            await lifecycle.SaveAsync(cancellation);
        }
        catch (DbUpdateException)
        {
            // A concurrent save bumped the revision (or took the version number) between our read and write.
            db.ChangeTracker.Clear();
            if (await db.ReviewTasks.AnyAsync(t => t.DocumentId == documentId && t.Revision != task.Revision - 1, cancellation))
                return await RefuseAsync(documentId, reviewer, draft, [], cancellation);
            throw;
        }
        var said = decision switch { ReviewDecision.Approve => "Approved; publishing", ReviewDecision.Reject => "Rejected", _ => "Saved" };
        return new(ReviewOutcome.Saved, task.Revision, $"{said} as version {version.Number}{(merged is null ? "" : $", merged with {merged}")}.");
    }

    /// <summary>
    /// Approves, as it stands, a document with nothing left to ask about (no open flag: every marker kept by a reviewer,
    /// no doubtful or disputed word), for approval in bulk; one with open flags, or not in review, is left as it is.
    /// </summary>
    public async Task<ReviewResult> ApproveUnflaggedAsync(Guid documentId, string reviewer, CancellationToken cancellation = default)
    {
        var state = await db.Documents.AsNoTracking().Where(d => d.Id == documentId)
            .Select(d => new { d.FileName, d.TranscriptJson, Revision = db.ReviewTasks.Where(t => t.DocumentId == d.Id).Select(t => (int?)t.Revision).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellation);
        if (state?.Revision is not { } revision || state.TranscriptJson is null) return new(ReviewOutcome.NotFound, 0, $"There is no document {documentId} in the review queue.");
        var transcript = JsonExporter.Read(state.TranscriptJson);
        if (ReviewSheet.OpenFlagCount(transcript) is > 0 and var open)
            return new(ReviewOutcome.NotReviewable, revision, $"\"{state.FileName}\" has {open} open flag(s): it is reviewed one by one.");
        var metadata = ReviewedMetadata.Of(transcript.Metadata);
        return await SubmitAsync(documentId, reviewer, revision, new ReviewDraft([], metadata), ReviewDecision.Approve, "Approved in bulk: nothing flagged.", cancellation);
    }

    /// <summary>
    /// Opens a published document for a correction: it is in review again with its text as published; approved again,
    /// it is published as a new version beside the earlier ones, which stay downloadable.
    /// </summary>
    public async Task<ReviewResult> ReopenAsync(Guid documentId, string reviewer, CancellationToken cancellation = default)
    {
        var (document, task) = await TrackedAsync(documentId, cancellation);
        if (document is null || task is null) return new(ReviewOutcome.NotFound, 0, $"There is no document {documentId} to reopen.");
        if (document.Stage != DocumentStage.Published)
            return new(ReviewOutcome.NotReviewable, task.Revision, $"\"{document.FileName}\" is {document.Stage.ToString().ToLowerInvariant()}: only a published document is reopened.");
        lifecycle.Reopen(document);
        document.UpdatedAt = DateTime.UtcNow;
        task.QueuedAt = document.UpdatedAt;
        (task.DecidedBy, task.DecidedAt, task.DecisionComment) = (null, null, null);
        (task.ClaimedBy, task.ClaimedAt) = (reviewer, document.UpdatedAt);
        task.Revision++;
        await lifecycle.SaveAsync(cancellation);
        return new(ReviewOutcome.Saved, task.Revision, "Reopened for correction: approve it again to publish a new version; the published ones stay as they are.");
    }

    /// <summary>
    /// Makes an earlier version (or the pipeline's suggestion) the document's text again, as a new version: nothing
    /// between is lost, and a review page opened before it sees it as someone else's save.
    /// </summary>
    public async Task<ReviewResult> RestoreAsync(Guid documentId, string reviewer, int number, CancellationToken cancellation = default)
    {
        var (document, task) = await TrackedAsync(documentId, cancellation);
        var restored = await db.Versions.AsNoTracking().Where(v => v.DocumentId == documentId && v.Number == number).Select(v => v.TranscriptJson).SingleOrDefaultAsync(cancellation);
        if (document is null || task is null || restored is null) return new(ReviewOutcome.NotFound, 0, $"Document {documentId} has no version {number} to restore.");
        if (!DocumentLifecycle.Reviewable.Contains(document.Stage))
            return new(ReviewOutcome.NotReviewable, task.Revision, $"\"{document.FileName}\" is {Describe(document.Stage)}; it can no longer be edited.");
        var version = await AddVersionAsync(document, task, JsonExporter.Read(restored), VersionKind.Restored, reviewer, $"Restored version {number}.", cancellation, restoredFrom: number);
        await lifecycle.SaveAsync(cancellation);
        return new(ReviewOutcome.Saved, task.Revision, $"Restored version {number} as version {version.Number}.");
    }

    /// <summary>A new version made the document's text; the review task's revision moves on and drafts made before it go.</summary>
    private async Task<DocumentVersion> AddVersionAsync(Document document, ReviewTask task, Transcript transcript, VersionKind kind, string author,
        string? comment, CancellationToken cancellation, int? restoredFrom = null)
    {
        var previous = await db.Versions.Where(v => v.DocumentId == document.Id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.LineText }).FirstOrDefaultAsync(cancellation);
        var lineText = ReviewSheet.LineText(ReviewSheet.Of(transcript));
        var now = DateTime.UtcNow;
        var version = new DocumentVersion
        {
            DocumentId = document.Id,
            Number = (previous?.Number ?? 0) + 1,
            Kind = kind,
            Author = author,
            CreatedAt = now,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            TranscriptJson = JsonExporter.Write(transcript),
            LineText = lineText,
            Diff = LineDiff.FormatChanges(previous?.LineText ?? "", lineText),
            RestoredFrom = restoredFrom,
        };
        await ReviewRecords.RecordAsync(db, document, task, version, transcript, cancellation);
        db.Versions.Add(version);
        TranscriptColumns.Write(document, transcript);
        document.UpdatedAt = now;
        task.Revision++;
        task.DraftJson = null;
        task.DraftBy = null;
        task.DraftSavedAt = null;
        return version;
    }

    /// <summary>The document and its review task, tracked for the change about to be made; nulls when there are none.</summary>
    private async Task<(Document? Document, ReviewTask? Task)> TrackedAsync(Guid documentId, CancellationToken cancellation) =>
        (await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, cancellation),
         await db.ReviewTasks.SingleOrDefaultAsync(t => t.DocumentId == documentId, cancellation));

    private async Task<string> LastSaveAsync(Guid documentId, CancellationToken cancellation)
    {
        var last = await db.Versions.AsNoTracking().Where(v => v.DocumentId == documentId).OrderByDescending(v => v.Number)
            .Select(v => new { v.Author, v.Number }).FirstAsync(cancellation);
        return $"{last.Author}'s version {last.Number}";
    }

    /// <summary>
    /// A save that cannot be made: the reviewer's text becomes their draft (others' changes taken in, where merged),
    /// so opening the page again shows it, and the message says who saved in between and what both changed.
    /// </summary>
    private async Task<ReviewResult> RefuseAsync(Guid documentId, string reviewer, ReviewDraft draft, IReadOnlyList<string> conflicts, CancellationToken cancellation)
    {
        if (draft.Lines.Count > 0) await SaveDraftAsync(documentId, reviewer, draft, cancellation); // a form without lines is no draft
        var revision = await db.ReviewTasks.Where(t => t.DocumentId == documentId).Select(t => t.Revision).SingleAsync(cancellation);
        var last = await db.Versions.AsNoTracking().Where(v => v.DocumentId == documentId).OrderByDescending(v => v.Number)
            .Select(v => new { v.Author, v.CreatedAt, v.Number }).FirstAsync(cancellation);
        var saved = $"{last.Author} saved version {last.Number} of this document at {last.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC, after you opened it";
        return new(ReviewOutcome.Conflict, revision, conflicts.Count == 0
            ? $"{saved}. Your changes were not saved: open the page again to see their version, then apply yours again."
            : $"{saved}, and changed {string.Join(", ", conflicts)} too. Your changes were not saved as a version: they are your draft here, " +
              "with their other changes taken in. Check those places, then save.");
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
