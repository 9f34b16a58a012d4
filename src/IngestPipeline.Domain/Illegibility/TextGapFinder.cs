using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility;

/// <summary>
/// Finds where a page's typed lines are missing words, from the layout alone: a typist leaves one space between
/// words (two after a full stop) and ends a line early only where a sentence or paragraph ends. So a gap of several
/// characters between two words of a line, or a line of running text (the line above reaches the margin) that
/// stops more than that short of the margin in mid-sentence while its paragraph goes on below, held words that did
/// not come out: faded ribbon, erasure, damage. The geometry only proposes: <see cref="GapMarker"/> marks a stretch
/// only where its ink shows faint or smudged typing, so a place is worth proposing even where the line is nearly full.
/// </summary>
/// <remarks>
/// The stretches of <see cref="GapSource.Layout"/> are the ones the hand rules judge: header blocks are left alone (their fields are spaced out and short by design), and so are lines that end
/// with sentence punctuation or a colon, or are followed by an indented line (a new paragraph) without a sentence
/// left unfinished, and every line end of a page where most lines end short (verse, a play's dialogue, lists).
/// Beyond them, for the learned decision, which weighs each stretch's ink and readings: wide gaps in the header
/// (<see cref="GapSource.Header"/>), a line of a paragraph that starts well right of the margin
/// (<see cref="GapSource.LineStart"/>: its first words faded) and a line that stops short while its paragraph goes on
/// (<see cref="GapSource.ShortLine"/>) where the rules above would not propose it.
/// </remarks>
public static class TextGapFinder
{
    private static readonly char[] SentenceEnd = ['.', '?', '!', ':', ';', '"', '\'', ')', ']'];

    /// <summary>Whether the line sits inside running text: the line above, in the same paragraph, reaches the margin.</summary>
    private static bool RunsOnFromAbove(PageLayout layout, int i) =>
        i > 0 && !layout.BreakBefore[i] && layout.IsFull(layout.Lines[i - 1]);

    public static IReadOnlyList<(BoundingBox Box, GapSource Source)> Find(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var layout = PageLayout.Of(page);
        double cw = layout.CharWidth;
        var gaps = new List<(BoundingBox, GapSource)>();
        if (cw <= 0) return gaps;
        int inset = (int)(cw / 2);
        var body = layout.Lines.Skip(layout.HeaderLength).ToList();
        // Verse, dialogue and lists end most lines short by design: only in running prose is a short line a sign of loss.
        bool prose = body.Count(layout.IsFull) * 2 >= body.Count;
        for (int i = 0; i < layout.Lines.Count; i++)
        {
            var line = layout.Lines[i];
            // Specks read as "." or a lone low-confidence letter stand where no word is: they neither close a gap nor end a line.
            var words = PageLayout.SubstantialWords(line);
            if (words.Count == 0) continue;
            bool header = i < layout.HeaderLength;
            // A gap is measured at the height of the words beside it, not over the whole line's box: on a page read
            // with its slight slope the box of a long line reaches into the lines above and below, whose typing
            // would pass for ink in the gap.
            // Before the column's margin stand labels and notes in the margin, never typing that was lost.
            int column = layout.LeftMarginAt(line) + (int)(PageLayout.IndentCharacters * cw);
            foreach (var (before, after) in layout.WideGaps(line).Where(g => header || g.After.Box.Left > column))
                gaps.Add((new BoundingBox(before.Box.Right + inset, Math.Min(before.Box.Top, after.Box.Top),
                    after.Box.Left - inset, Math.Max(before.Box.Bottom, after.Box.Bottom)), header ? GapSource.Header : GapSource.Layout));
            // A line that starts well right of the margin, in the header or inside a paragraph, may have lost its first words.
            var first = words[0];
            int margin = layout.LeftMarginAt(line);
            if (first.Box.Left - margin > PageLayout.WideGapCharacters * cw)
                gaps.Add((Band(words, margin, first.Box.Left - inset), GapSource.LineStart));
            var last = words[^1];
            bool short_ = layout.RightMarginAt(line) - last.Box.Right > PageLayout.WideGapCharacters * cw;
            bool unfinished = last.Text.TrimEnd().LastOrDefault() is char end && Array.IndexOf(SentenceEnd, end) < 0;
            // A paragraph of prose whose last line stops without ending its sentence may have lost its end; the page's last line
            // may go on overleaf.
            bool endsParagraph = !header && prose && i + 1 < layout.Lines.Count && !layout.ContinuesParagraph(i) && RunsOnFromAbove(layout, i);
            if (!short_ || !(header || layout.ContinuesParagraph(i) || (endsParagraph && unfinished))) continue;
            bool byLayout = !header && prose && RunsOnFromAbove(layout, i) && (endsParagraph || !layout.IsIndented(layout.Lines[i + 1])) && unfinished;
            gaps.Add((Band(words, last.Box.Right + inset, layout.RightMarginAt(line)), byLayout ? GapSource.Layout : GapSource.ShortLine));
        }
        gaps.AddRange(LostLines(layout).Select(box => (box, GapSource.LostLine)));
        return gaps;
    }

    /// <summary>
    /// Where a whole line may have been lost: between two lines of the column more than one and a half steps apart,
    /// a band across the column at each missing step (two at most: beyond that it is the space above a signature
    /// or a table, not typing). A blank line between paragraphs is proposed too: its paper says it held nothing.
    /// </summary>
    private static IEnumerable<BoundingBox> LostLines(PageLayout layout)
    {
        if (layout.Pitch <= 0 || layout.ColumnWidth <= 0) yield break;
        for (int i = 1; i < layout.Lines.Count; i++)
        {
            int step = layout.Baselines[i] - layout.Baselines[i - 1];
            if (step < 1.5 * layout.Pitch) continue;
            int missing = Math.Min(2, (int)Math.Round(step / layout.Pitch) - 1);
            var above = layout.Lines[i - 1];
            int height = Math.Max(1, above.Words.Select(w => w.Box.Height).Order().ElementAt(above.Words.Count / 2));
            for (int k = 1; k <= missing; k++)
            {
                int baseline = layout.Baselines[i - 1] + (int)Math.Round(k * layout.Pitch);
                yield return new BoundingBox(layout.LeftMargin, baseline - height, layout.RightMargin, baseline);
            }
        }
    }

    /// <summary>
    /// The stretch from <paramref name="left"/> to <paramref name="right"/> where the line's words would have gone on:
    /// the band of the words' height around the line's centre, followed along the line's slope (a least-squares fit of
    /// the words' centres), so a line on a page read with a slight skew is followed rather than its box.
    /// </summary>
    private static BoundingBox Band(IReadOnlyList<Word> words, int left, int right)
    {
        var fit = LineFit.Of(words);
        var heights = words.Select(w => w.Box.Height).Order().ToList();
        double half = heights[heights.Count / 2] / 2.0;
        double atLeft = fit.At(left), atRight = fit.At(right);
        return new BoundingBox(left, (int)Math.Floor(Math.Min(atLeft, atRight) - half), right, (int)Math.Ceiling(Math.Max(atLeft, atRight) + half));
    }
}
