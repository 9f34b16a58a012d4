using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility;

/// <summary>
/// The columns a page's tables were typed in: where a word follows a wide blank in its line. A typist tabbed to the
/// same stop on every row, so a column's words start (or, for figures set to the right, end) at the same place, to
/// within a character; words after blanks that lost text line up with nothing.
/// </summary>
public sealed class TabStops
{
    private readonly List<BoundingBox> afterBlanks = [];
    private readonly double tolerance;

    private TabStops(double tolerance) => this.tolerance = tolerance;

    public static TabStops Of(PageLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var stops = new TabStops(layout.CharWidth);
        foreach (var line in layout.Lines)
            stops.afterBlanks.AddRange(layout.WideGaps(line).Select(g => g.After.Box));
        return stops;
    }

    /// <summary>Whether a word that follows a wide blank stands in a column with a word of another line that does too.</summary>
    public bool Holds(BoundingBox word)
    {
        // Another line's word: its middle outside this word's height, near enough to be a row of the same table (three
        // double-spaced rows): a word lined up by chance with a table further down the page stands in no column of it.
        return afterBlanks.Any(a => (a.CenterY < word.Top || a.CenterY > word.Bottom)
            && Math.Abs(a.CenterY - word.CenterY) <= 6 * word.Height
            && (Math.Abs(a.Left - word.Left) <= tolerance || Math.Abs(a.Right - word.Right) <= tolerance));
    }
}
