using System.Text.Json;
using IngestPipeline.Domain.Evaluation;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Review;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Infrastructure.State;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Pipeline.Review;

/// <summary>
/// What each version a reviewer makes teaches: the decisions its text holds against the pipeline's reading it descends
/// from (<see cref="ReviewerDecisions"/>), kept as the document's labelled examples (<see cref="ReviewExample"/>), and
/// on approval how that reading scores against the approved text (<see cref="ApprovalScore"/>). A document's examples
/// are replaced at each version, so a decision changed later counts once, as it stands; the versions keep the history.
/// </summary>
public static class ReviewRecords
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Records what <paramref name="version"/> (not yet saved) teaches, in the same unit of work.</summary>
    public static async Task RecordAsync(PipelineDbContext db, Document document, ReviewTask task, DocumentVersion version, Transcript reviewed, CancellationToken cancellation)
    {
        db.ReviewExamples.RemoveRange(await db.ReviewExamples.Where(e => e.DocumentId == document.Id).ToListAsync(cancellation));
        var history = await db.Versions.AsNoTracking().Where(v => v.DocumentId == document.Id && v.Number < version.Number)
            .Select(v => new Step(v.Number, v.Kind, v.RestoredFrom)).ToListAsync(cancellation);
        if (ReadingOf(history, new Step(version.Number, version.Kind, version.RestoredFrom)) is not { } origin) return;
        var recognized = JsonExporter.Read(await db.Versions.AsNoTracking().Where(v => v.DocumentId == document.Id && v.Number == origin)
            .Select(v => v.TranscriptJson).SingleAsync(cancellation));
        bool approved = version.Kind == VersionKind.Approved;
        foreach (var decision in ReviewerDecisions.Between(recognized, reviewed, approved))
            db.ReviewExamples.Add(new ReviewExample
            {
                DocumentId = document.Id,
                Collection = document.Collection,
                Version = version.Number,
                RecognizedVersion = origin,
                Kind = decision.Kind.ToString(),
                Flag = decision.Flag?.ToString(),
                Page = decision.Page,
                Line = decision.Line,
                Word = decision.Word,
                Left = decision.Box.Left,
                Top = decision.Box.Top,
                Right = decision.Box.Right,
                Bottom = decision.Box.Bottom,
                Recognized = decision.Recognized,
                Reviewed = decision.Reviewed,
                MatchesGuess = decision.MatchesGuess,
                Confidence = decision.Words.Count == 0 ? null : decision.Words.Min(w => w.Confidence),
                Probability = decision.Words.Select(w => w.IllegibleProbability).FirstOrDefault(p => p is not null),
                Model = recognized.IllegibilityModel,
                EvidenceJson = JsonSerializer.Serialize(decision.Words.Select(Evidence), Json),
                Reviewer = version.Author,
                DecidedAt = version.CreatedAt,
            });
        if (approved) await ScoreAsync(db, document, task, version, recognized, reviewed, cancellation);
    }

    /// <summary>The pipeline's reading scored page by page against the approved text, replacing an earlier approval's score.</summary>
    private static async Task ScoreAsync(PipelineDbContext db, Document document, ReviewTask task, DocumentVersion version, Transcript recognized,
        Transcript reviewed, CancellationToken cancellation)
    {
        var approvedPages = reviewed.Pages.ToDictionary(p => p.Number);
        var scores = recognized.Pages.Where(p => approvedPages.ContainsKey(p.Number))
            .Select(p => TranscriptScorer.ScorePage($"{document.FileName} page {p.Number}", TextOf(approvedPages[p.Number]), TextOf(p))).ToList();
        var figures = ApprovedDocument.Of(version.CreatedAt, scores, ReviewSheet.FlagCount(recognized), task.ReviewSeconds);
        var score = await db.ApprovalScores.FindAsync([document.Id], cancellation) ?? db.ApprovalScores.Add(new ApprovalScore { DocumentId = document.Id }).Entity;
        (score.Collection, score.Version, score.ApprovedAt, score.Reviewer) = (document.Collection, version.Number, version.CreatedAt, version.Author);
        (score.Pages, score.Flags, score.ReviewSeconds) = (figures.Pages, figures.Flags, figures.ReviewSeconds);
        (score.Characters, score.CharacterEdits, score.Words, score.WordEdits) = (figures.Characters, figures.CharacterEdits, figures.Words, figures.WordEdits);
        (score.ReviewedMarkers, score.RecalledMarkers, score.PipelineMarkers, score.CreditedMarkers) =
            (figures.ReviewedMarkers, figures.RecalledMarkers, figures.PipelineMarkers, figures.CreditedMarkers);
    }

    private static string TextOf(Page page) => PlainTextExporter.Write(new Transcript("", [page]));

    private sealed record Step(int Number, VersionKind Kind, int? RestoredFrom);

    /// <summary>
    /// The pipeline's version a version's text descends from: a reviewer's save edits the document's text as it stood
    /// (the latest version that is not a suggestion), a restore makes the restored one current; null where the chain
    /// leads nowhere (versions removed).
    /// </summary>
    private static int? ReadingOf(IReadOnlyList<Step> history, Step version)
    {
        var byNumber = history.ToDictionary(v => v.Number);
        for (var step = version; ;)
        {
            if (step.Kind is VersionKind.Recognized or VersionKind.Suggested) return step.Number;
            Step? next = step.Kind == VersionKind.Restored && step.RestoredFrom is { } restored
                ? byNumber.GetValueOrDefault(restored)
                : history.Where(v => v.Number < step.Number && v.Kind != VersionKind.Suggested).MaxBy(v => v.Number);
            // Every step goes back to an earlier version, so the walk ends.
            if (next is null || next.Number >= step.Number) return null;
            step = next;
        }
    }

    /// <summary>What was measured of one word: the evidence the [ILLEGIBLE] decision weighs.</summary>
    private static object Evidence(Word word) => new
    {
        word.Text,
        word.Confidence,
        Guess = word.IllegibleGuess,
        Probability = word.IllegibleProbability,
        Box = new[] { word.Box.Left, word.Box.Top, word.Box.Right, word.Box.Bottom },
        word.Ink,
        word.Readings,
        word.Reread,
        word.ReadAlike,
    };
}
