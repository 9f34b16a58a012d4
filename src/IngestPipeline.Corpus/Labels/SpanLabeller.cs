using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Corpus.Labels;

/// <summary>What the ground truth says of a place on the page.</summary>
public enum TruthLabel
{
    /// <summary>No unreadable span comes near it.</summary>
    Legible,

    /// <summary>At least half of it, or of a span it meets, is the span.</summary>
    Unreadable,

    /// <summary>It only touches a span: left out of training and of candidate measures.</summary>
    Unsure,
}

/// <summary>
/// Labels places of a recognised page (words, stretches) from the ground truth's unreadable spans. The page was
/// deskewed and perhaps scaled before recognition, so its boxes are not the scan's: the truth's boxes are carried
/// over by the affine map that best takes the truth's words onto the same words as recognised (least squares over
/// words read surely whose text is unique on both sides, refitted without the pairs it misplaces).
/// </summary>
public sealed class SpanLabeller
{
    private const int MinPairs = 6;
    private const float SureConfidence = 80;

    private SpanLabeller(IReadOnlyList<BoundingBox> spans) => Spans = spans;

    /// <summary>The unreadable spans in the recognised page's pixels.</summary>
    public IReadOnlyList<BoundingBox> Spans { get; }

    /// <summary>The labeller, or null when too few words match to place the truth on the page.</summary>
    public static SpanLabeller? For(PageTruth truth, Page page) =>
        MapOnto(truth, page) is { } map ? new SpanLabeller(truth.Spans.Select(map.Apply).ToList()) : null;

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

    public TruthLabel Of(BoundingBox box)
    {
        if (box.IsEmpty) return TruthLabel.Unsure;
        var label = TruthLabel.Legible;
        foreach (var span in Spans)
        {
            long shared = box.OverlapArea(span);
            long smaller = Math.Min(Area(box), Area(span));
            if (smaller > 0 && shared * 2 >= smaller) return TruthLabel.Unreadable;
            // A margin of a quarter of the span's height: boxes drawn round the same letters differ by a few pixels.
            int pad = span.Height / 4;
            if (box.OverlapArea(span with { Left = span.Left - pad, Top = span.Top - pad, Right = span.Right + pad, Bottom = span.Bottom + pad }) > 0)
                label = TruthLabel.Unsure;
        }
        return label;
    }

    private static long Area(BoundingBox b) => (long)b.Width * b.Height;

    private static (double X, double Y) Centre(BoundingBox b) => ((b.Left + b.Right) / 2.0, (b.Top + b.Bottom) / 2.0);

    private static Dictionary<string, BoundingBox> Unique(IEnumerable<(string Text, BoundingBox Box)> words) =>
        words.GroupBy(w => w.Text, StringComparer.Ordinal).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Box, StringComparer.Ordinal);
}
