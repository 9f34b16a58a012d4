using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Illegibility.Evidence;
using IngestPipeline.Domain.Illegibility.Model;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility.Reviewed;

/// <summary>
/// A reviewed page as training data for the [ILLEGIBLE] decision: the candidates are measured on the pipeline's raw
/// reading as for generated pages (<see cref="TranscriptCleaner.Prepare"/>, <see cref="CandidateFinder"/>), and the
/// markers of the approved text are the unreadable spans that label them. A marker the reviewer kept or typed is
/// unreadable; a marker they replaced with words is a legible place; a candidate that only touches a marker is left out.
/// </summary>
public static class ReviewedEvidence
{
    /// <summary>The approved text's markers: what the reviewer found unreadable, in the page's pixels.</summary>
    public static SpanTruth Markers(Page approved) => new(approved.Words.Where(w => w.IsIllegible && !w.Box.IsEmpty).Select(w => w.Box).ToList());

    /// <param name="document">Names the cases' page in training, so that a document's pages fall into the same half of the split.</param>
    public static IEnumerable<TrainingCase> Cases(string document, Page raw, Page approved, Lexicon lexicon, CleanupOptions options)
    {
        var page = TranscriptCleaner.Prepare(raw, lexicon, options);
        var truth = Markers(approved);
        foreach (var candidate in CandidateFinder.Find(page, lexicon, options.Illegibility, PageInk.Of(page, options.Illegibility)))
        {
            var label = truth.Of(candidate.Box);
            if (label != TruthLabel.Unsure) yield return new TrainingCase(document, candidate, label == TruthLabel.Unreadable);
        }
    }
}

/// <summary>
/// How a decision's markers on pages compare with the approved markers of the same pages: a marker is right when it
/// lies on an approved one (half of the smaller box shared, as <see cref="SpanTruth"/> labels), an approved marker is
/// found when a marker lies on it.
/// </summary>
public sealed record MarkerFigures(int Pages, int Markers, int RightMarkers, int Spans, int FoundSpans)
{
    public static MarkerFigures None { get; } = new(0, 0, 0, 0, 0);

    public int FalseMarkers => Markers - RightMarkers;
    public double? Precision => Markers == 0 ? null : RightMarkers / (double)Markers;
    public double? Recall => Spans == 0 ? null : FoundSpans / (double)Spans;

    /// <summary>The markers a reviewer has to change: those on legible text to take away, the approved ones missed to put in.</summary>
    public int MarkerCorrections => FalseMarkers + Spans - FoundSpans;

    /// <summary>
    /// Whether a decision with these figures spares reviewers more than one with <paramref name="other"/>'s on the same
    /// pages: fewer markers to change, or as many and fewer of them on legible text (a false marker hides text that was
    /// there; a missed one leaves the engine's guess, which the review page still flags as doubtful).
    /// </summary>
    public bool Beats(MarkerFigures other) =>
        MarkerCorrections < other.MarkerCorrections || (MarkerCorrections == other.MarkerCorrections && FalseMarkers < other.FalseMarkers);

    public static MarkerFigures Of(Page decided, Page approved)
    {
        var markers = ReviewedEvidence.Markers(decided);
        var spans = ReviewedEvidence.Markers(approved);
        return new MarkerFigures(1, markers.Spans.Count, markers.Spans.Count(m => spans.Of(m) == TruthLabel.Unreadable),
            spans.Spans.Count, spans.Spans.Count(s => markers.Of(s) == TruthLabel.Unreadable));
    }

    public static MarkerFigures operator +(MarkerFigures a, MarkerFigures b) =>
        new(a.Pages + b.Pages, a.Markers + b.Markers, a.RightMarkers + b.RightMarkers, a.Spans + b.Spans, a.FoundSpans + b.FoundSpans);
}
