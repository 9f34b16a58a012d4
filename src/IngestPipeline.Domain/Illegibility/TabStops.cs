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
    /// <summary>Rows of three cells or more: their first word and the words after their blanks.</summary>
    private readonly List<(BoundingBox First, List<BoundingBox> AfterBlanks)> rows = [];
    private readonly double tolerance;

    private TabStops(double tolerance) => this.tolerance = tolerance;

    public static TabStops Of(PageLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var stops = new TabStops(layout.CharWidth);
        foreach (var line in layout.Lines)
        {
            var after = layout.WideGaps(line).Select(g => g.After.Box).ToList();
            stops.afterBlanks.AddRange(after);
            if (after.Count >= 2) stops.rows.Add((PageLayout.SubstantialWords(line)[0].Box, after));
        }
        return stops;
    }

    /// <summary>Whether a word that follows a wide blank stands in a column with a word of another line that does too.</summary>
    public bool Holds(BoundingBox word) => Holds(word, double.MaxValue);

    /// <summary>
    /// Whether a word of running text that follows a wide blank stands in a column with a word of another line near
    /// it that does too (within six of its heights: three double-spaced rows). A word lined up by chance with a table
    /// further down the page stands in no column of it; a blot's column is sought anywhere, as rows between may be torn.
    /// </summary>
    public bool HoldsNear(BoundingBox word) => Holds(word, 6.0 * word.Height);

    /// <summary>
    /// Whether the stretch covers a cell that at least two rows near it fill: words of other lines after a wide blank,
    /// within six of the stretch's heights, lying wholly inside it across. A table's row whose blank covers such a
    /// column lost that cell.
    /// </summary>
    public bool CoversNearCell(BoundingBox stretch) =>
        afterBlanks.Count(a => (a.CenterY < stretch.Top || a.CenterY > stretch.Bottom) && Math.Abs(a.CenterY - stretch.CenterY) <= 6.0 * stretch.Height
            && a.Left > stretch.Left + tolerance && a.Right < stretch.Right - tolerance) >= 2;

    /// <summary>
    /// Whether a row starting late, after <paramref name="stretch"/>, lost its first cells: at least two table rows near
    /// it (within six of its heights; rows of three cells or more) start inside the stretch and have a cell in the
    /// column of this row's first word (<paramref name="first"/>). A paragraph's indent has no such rows beside it, nor
    /// has a numbered list's item carried on under its first word ("1.  My British colleague / welcomed"); a row of a
    /// table starts where the others do.
    /// </summary>
    public bool StartsLaterThanNearRows(BoundingBox stretch, BoundingBox first) =>
        rows.Count(r => (r.First.CenterY < stretch.Top || r.First.CenterY > stretch.Bottom) && Math.Abs(r.First.CenterY - stretch.CenterY) <= 6.0 * stretch.Height
            && r.First.Left >= stretch.Left - tolerance && r.First.Right <= stretch.Right + tolerance
            && r.AfterBlanks.Any(a => Math.Abs(a.Left - first.Left) <= tolerance || Math.Abs(a.Right - first.Right) <= tolerance)) >= 2;

    /// <summary>
    /// Whether a row stopping short, before <paramref name="stretch"/>, lost its last cells: at least two table rows near
    /// it (within six of its heights; rows of three cells or more) start where this row's first word
    /// (<paramref name="first"/>) does and have a cell inside the stretch. A paragraph's short last line beside a table
    /// starts where its rows do too, but ends its sentence.
    /// </summary>
    public bool EndsShorterThanNearRows(BoundingBox stretch, BoundingBox first) =>
        rows.Count(r => (r.First.CenterY < stretch.Top || r.First.CenterY > stretch.Bottom) && Math.Abs(r.First.CenterY - stretch.CenterY) <= 6.0 * stretch.Height
            && Math.Abs(r.First.Left - first.Left) <= tolerance
            && r.AfterBlanks.Any(a => a.Left > stretch.Left + tolerance && a.Right < stretch.Right - tolerance)) >= 2;

    private bool Holds(BoundingBox word, double within) =>
        // Another line's word: its middle outside this word's height.
        afterBlanks.Any(a => (a.CenterY < word.Top || a.CenterY > word.Bottom) && Math.Abs(a.CenterY - word.CenterY) <= within
            && (Math.Abs(a.Left - word.Left) <= tolerance || Math.Abs(a.Right - word.Right) <= tolerance));
}
