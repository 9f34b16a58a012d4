using System.Globalization;
using IngestPipeline.Domain.Evaluation;

namespace IngestPipeline.Domain.Review;

/// <summary>
/// An approved document's figures: the pipeline's reading scored against the approved text as the corpus scorer scores
/// a page (<see cref="TranscriptScorer"/>), the flags it raised, the reviewer decisions on them, and the time spent.
/// </summary>
public sealed record ApprovedDocument(DateTime ApprovedAt, int Pages, int Flags, int Characters, int CharacterEdits, int Words, int WordEdits,
    int ReviewedMarkers, int RecalledMarkers, int PipelineMarkers, int CreditedMarkers, int ReviewSeconds)
{
    /// <summary>How many of each kind of decision the approved text holds.</summary>
    public IReadOnlyDictionary<DecisionKind, int> Decisions { get; init; } = new Dictionary<DecisionKind, int>();

    /// <summary>The scores of the pipeline's pages against the approved ones, summed.</summary>
    public static ApprovedDocument Of(DateTime approvedAt, IReadOnlyList<PageScore> pages, int flags, int reviewSeconds) => new(approvedAt, pages.Count, flags,
        pages.Sum(p => p.ReferenceSymbols), pages.Sum(p => p.CharEdits), pages.Sum(p => p.ReferenceWords), pages.Sum(p => p.WordEdits),
        pages.Sum(p => p.TrueSpans), pages.Sum(p => p.RecalledSpans), pages.Sum(p => p.HypothesisMarkers), pages.Sum(p => p.CreditedMarkers), reviewSeconds);
}

/// <summary>
/// A collection's review figures over some approved documents. Markers as the corpus scorer counts them: precision is
/// the share of the pipeline's markers the approved text keeps in place, recall the share of the approved text's
/// markers the pipeline had set. Flags are every place the review page asked about (markers and doubtful words): their
/// precision is the share that needed the reviewer (a marker kept, a doubtful word corrected), and the errors flagged
/// are those against every place the reviewer had to act on (adding a marker the flags missed, or correcting an
/// unflagged word). CER and WER: the pipeline's reading against the approved text, micro-averaged.
/// </summary>
public sealed record QualityFigures(string Period, int Documents, int Pages, double? MarkerPrecision, double? MarkerRecall, double? FlagPrecision,
    double? ErrorsFlagged, double Cer, double Wer, double FlagsPerPage, double? ReviewSecondsPerDocument)
{
    public static QualityFigures Of(string period, IReadOnlyList<ApprovedDocument> documents)
    {
        int Count(DecisionKind kind) => documents.Sum(d => d.Decisions.GetValueOrDefault(kind));
        int needed = Count(DecisionKind.MarkerKept) + Count(DecisionKind.FlagCorrected);
        int flagged = needed + Count(DecisionKind.MarkerReplaced) + Count(DecisionKind.FlagConfirmed);
        int acted = needed + Count(DecisionKind.MarkerInserted) + Count(DecisionKind.WordCorrected);
        int pages = documents.Sum(d => d.Pages);
        var timed = documents.Where(d => d.ReviewSeconds > 0).ToList();
        return new QualityFigures(period, documents.Count, pages,
            Share(documents.Sum(d => d.CreditedMarkers), documents.Sum(d => d.PipelineMarkers)),
            Share(documents.Sum(d => d.RecalledMarkers), documents.Sum(d => d.ReviewedMarkers)),
            Share(needed, flagged), Share(needed, acted),
            TranscriptScorer.SetRate(documents.Sum(d => d.CharacterEdits), documents.Sum(d => d.Characters)),
            TranscriptScorer.SetRate(documents.Sum(d => d.WordEdits), documents.Sum(d => d.Words)),
            pages == 0 ? 0 : (double)documents.Sum(d => d.Flags) / pages,
            timed.Count == 0 ? null : timed.Average(d => d.ReviewSeconds));
    }

    /// <summary>Null where nothing was counted: no figure is better than a made-up one.</summary>
    private static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;
}

public static class ReviewQuality
{
    /// <summary>The figures over all the documents, and per ISO week of approval (<c>2026-W49</c>), oldest first.</summary>
    public static (QualityFigures All, IReadOnlyList<QualityFigures> Weeks) Of(IReadOnlyList<ApprovedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var weeks = documents.GroupBy(d => Week(d.ApprovedAt)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => QualityFigures.Of(g.Key, g.ToList())).ToList();
        return (QualityFigures.Of("all", documents), weeks);
    }

    public static string Week(DateTime at) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(at)}-W{ISOWeek.GetWeekOfYear(at):00}");
}
