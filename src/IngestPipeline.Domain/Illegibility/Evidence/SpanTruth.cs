using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility.Evidence;

/// <summary>What the truth says of a place on the page.</summary>
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
/// The unreadable spans of a page, in the recognised page's pixels, and the label they give a place (a word, a
/// stretch): whether it lies on a span, near one, or clear of them all. The spans come from a generated page's ground
/// truth or from the markers a reviewer approved.
/// </summary>
public sealed class SpanTruth(IReadOnlyList<BoundingBox> spans)
{
    public IReadOnlyList<BoundingBox> Spans { get; } = spans;

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
}
