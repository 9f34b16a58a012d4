using IngestPipeline.Domain.Illegibility.Evidence;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Corpus.Labels;

/// <summary>
/// Labels places of a recognised page (words, stretches) from the ground truth's unreadable spans. The page was
/// deskewed and perhaps scaled before recognition, so its boxes are not the scan's: the truth's boxes are carried
/// over by the affine map that best takes the truth's words onto the same words as recognised (least squares over
/// words read surely whose text is unique on both sides, refitted without the pairs it misplaces).
/// </summary>
public static class SpanLabeller
{
    private const int MinPairs = 6;
    private const float SureConfidence = 80;

    /// <summary>The truth's unreadable spans in the recognised page's pixels, or null when too few words match to place them.</summary>
    public static SpanTruth? For(PageTruth truth, Page page) =>
        MapOnto(truth, page) is { } map ? new SpanTruth(truth.Spans.Select(map.Apply).ToList()) : null;

    /// <summary>The map that takes the truth's pixels onto the recognised page's, or null when too few words match.</summary>
    internal static AffineMap? MapOnto(PageTruth truth, Page page)
    {
        var truthWords = Unique(truth.Words.Where(w => w.Text.Length >= 4).Select(w => (w.Text, w.Box)));
        var pageWords = Unique(page.Words.Where(w => !w.IsIllegible && w.Confidence >= SureConfidence && w.Text.Length >= 4).Select(w => (w.Text, w.Box)));
        var pairs = truthWords.Where(t => pageWords.ContainsKey(t.Key)).Select(t => (From: Centre(t.Value), To: Centre(pageWords[t.Key]))).ToList();
        if (pairs.Count < MinPairs) return null;
        AffineMap map;
        try
        {
            map = AffineMap.Fit(pairs);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        // Refit without the pairs the first fit misplaces (a word read in another place than the truth's, a repeated
        // heading): a few pixels is the boxes' own disagreement.
        var errors = pairs.Select(p => map.Error(p.From, p.To)).Order().ToList();
        double allowed = Math.Max(8, 3 * errors[errors.Count / 2]);
        var kept = pairs.Where(p => map.Error(p.From, p.To) <= allowed).ToList();
        return kept.Count < MinPairs ? null : AffineMap.Fit(kept);
    }

    private static (double X, double Y) Centre(BoundingBox b) => ((b.Left + b.Right) / 2.0, (b.Top + b.Bottom) / 2.0);

    private static Dictionary<string, BoundingBox> Unique(IEnumerable<(string Text, BoundingBox Box)> words) =>
        words.GroupBy(w => w.Text, StringComparer.Ordinal).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Box, StringComparer.Ordinal);
}
