using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Illegibility.Evidence;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility;

/// <summary>
/// Marks text lost under or beside large dark regions (blots, torn-away paper), which OCR mostly
/// reads as nothing at all: a line (not a paragraph's last, unless it stops mid-sentence) whose words stop where such a region begins,
/// inside the column where lines are typed, has lost its last words; a gap between words that such a region covers has lost the words typed there;
/// a word mostly covered by one is what OCR guessed under a blot.
/// </summary>
public static class DamageMarker
{
    /// <summary>
    /// A word over a dark region that the engine still read this surely is real ink on a dark scan, not a guess; a mark
    /// with no letter or digit ("@" for a punch hole) is the region itself read, however surely.
    /// </summary>
    private const float BlotReadBelow = 85;

    /// <param name="ink">The page's typing, when measured: a word read in a water stain is a guess only on ink unlike it.</param>
    public static Page Mark(Page page, PageInk? ink = null)
    {
        if (page.DarkRegions.Count == 0) return page;
        var lines = page.Lines.ToList();
        if (lines.Count == 0) return page;
        var frame = Frame.Of(page, lines, ink);
        return page with
        {
            Blocks = page.Blocks.Select(b => b with
            {
                Lines = b.Lines.Select(l => MarkLine(l, page.DarkRegions, frame, frame.EndsParagraph(l))).ToList(),
            }).ToList(),
        };
    }

    /// <summary>
    /// Where the page's typing stands: its left margin, where typed lines end (a ragged typewriter margin, so a high
    /// percentile rather than the maximum), and the columns of its tables.
    /// </summary>
    private sealed record Frame(PageLayout Layout, int RightMargin, TabStops Columns, HashSet<Line> LastLines, PageInk? Ink)
    {
        public static Frame Of(Page page, List<Line> lines, PageInk? ink)
        {
            var layout = PageLayout.Of(page);
            // A paragraph's last line is short by nature: one that stops after a full stop beside a tear has not lost
            // words. The layout's paragraph breaks are relative to the page's own line pitch, so double-spaced typing
            // does not end a paragraph at every line.
            var lastLines = new HashSet<Line>(layout.Lines.Where((l, i) => !layout.ContinuesParagraph(i)), ReferenceEqualityComparer.Instance);
            return new Frame(layout, PageLayout.Percentile(lines.Select(l => l.Box.Right), 0.9), TabStops.Of(layout), lastLines, ink);
        }

        /// <summary>
        /// Whether another line of the same row ends inside or just before <paramref name="extent"/>, left of
        /// <paramref name="line"/>: the engine read the row in two pieces either side of the region, and the stretch
        /// under it belongs to the row's middle, marked once at the end of the piece before it.
        /// </summary>
        public bool PieceEndsAt(Line line, BoundingBox extent, double charWidth) => Layout.Lines.Any(other =>
            !ReferenceEquals(other, line) && other.Box.Right <= line.Box.Left && other.Box.Right >= extent.Left - charWidth
            && Math.Min(other.Box.Bottom, line.Box.Bottom) - Math.Max(other.Box.Top, line.Box.Top) >= Math.Min(other.Box.Height, line.Box.Height) / 2);

        /// <summary>Whether the line ends its paragraph (a line without words, which the layout leaves out, counts as one).</summary>
        public bool EndsParagraph(Line line) => LastLines.Contains(line) || !Layout.Lines.Contains(line, ReferenceEqualityComparer.Instance);
    }

    private static Line MarkLine(Line line, IReadOnlyList<DarkRegion> regions, Frame frame, bool endsParagraph)
    {
        if (line.Words.Count == 0) return line;
        line = SplitAtBlots(line, regions);
        var found = Find(line, regions, frame, endsParagraph);
        if (found.ReadUnderBlot.All(b => !b) && found.Stretches.Count == 0) return line;
        var words = new List<Word>();
        for (int i = 0; i <= line.Words.Count; i++)
        {
            words.AddRange(found.Stretches.Where(s => s.Before == i).Select(s => Word.Illegible(s.Box, "", 0)));
            if (i == line.Words.Count) break;
            var word = line.Words[i];
            words.Add(found.ReadUnderBlot[i] ? Word.Illegible(word.Box, MarkerGuess.Of([word], lexicon: null), word.Confidence) : word);
        }
        var merged = MergeAdjacentMarkers(words);
        return line with { Words = merged, Box = BoundingBox.Union(merged.Select(w => w.Box).Append(line.Box)) };
    }

    /// <summary>
    /// A word read across a blot or a punch hole over a short word between two others: one engine read the blot as a
    /// mark between them ("made@similar"), the other ran the two words together ("madesimilar"). Where a solid dark
    /// region lies inside the word's box, a character or more from either end, and a reading has a mark there (not a
    /// hyphen, an apostrophe or a point, which words hold), the word is the two words either side of a marker.
    /// </summary>
    private static Line SplitAtBlots(Line line, IReadOnlyList<DarkRegion> regions)
    {
        var solid = regions.Where(r => !r.Stain && r.Solidity >= MinBlotSolidity).ToList();
        if (solid.Count == 0) return line;
        double charWidth = CharWidth(line);
        int quarter = line.Box.Height / 4;
        List<Word>? words = null;
        for (int i = 0; i < line.Words.Count; i++)
        {
            var word = line.Words[i];
            var blot = word.IsIllegible ? default : solid.Select(r => r.ExtentBetween(line.Box.Top + quarter, line.Box.Bottom - quarter))
                .FirstOrDefault(e => !e.IsEmpty && e.Left >= word.Box.Left + charWidth && e.Right <= word.Box.Right - charWidth);
            // The mark must stand where the blot does, the word's letters spread evenly over its box.
            var parts = blot.IsEmpty ? null : word.Readings?.Select(r => MarkInside.Match(r.Text)).FirstOrDefault(m => m.Success
                && Math.Abs(word.Box.Left + (m.Groups["left"].Length + m.Groups["mark"].Length / 2.0) / m.Value.Length * word.Box.Width - (blot.Left + blot.Right) / 2.0) <= 2 * charWidth);
            if (parts is null)
            {
                words?.Add(word);
                continue;
            }
            words ??= [.. line.Words.Take(i)];
            words.Add(word with { Text = parts.Groups["left"].Value, Box = word.Box with { Right = blot.Left }, Readings = null });
            words.Add(Word.Illegible(blot with { Top = word.Box.Top, Bottom = word.Box.Bottom }, "", 0));
            words.Add(word with { Text = parts.Groups["right"].Value, Box = word.Box with { Left = blot.Right }, Readings = null });
        }
        return words is null ? line : line with { Words = words };
    }

    /// <summary>A run of one to three marks between two words' letters: "made@similar", "Norway@favorable,".</summary>
    private static readonly System.Text.RegularExpressions.Regex MarkInside =
        new(@"^(?<left>.*[\p{L}\p{N}][.,;:]?)(?<mark>[^\p{L}\p{N}\s.,;:'’\-]{1,3})(?<right>[\p{L}\p{N}(""“].*)$");

    /// <summary>A region this solid is a blot or a hole, as dark as the type's strokes throughout.</summary>
    private const double MinBlotSolidity = 0.9;

    /// <summary>A stretch of a line where a dark region covers the place of lost words, to go before word <see cref="Before"/>.</summary>
    public readonly record struct LostStretch(int Before, BoundingBox Box, StretchSource Source);

    /// <summary>What the dark regions say of a line: the words read under a blot, and the stretches where words were lost.</summary>
    public sealed record LineDamage(bool[] ReadUnderBlot, IReadOnlyList<LostStretch> Stretches);

    /// <summary>The dark regions' evidence on each line of the page, in <see cref="Page.Lines"/> order.</summary>
    public static IReadOnlyList<LineDamage> Find(Page page, PageInk? ink = null)
    {
        var lines = page.Lines.ToList();
        if (page.DarkRegions.Count == 0 || lines.Count == 0)
            return lines.Select(l => new LineDamage(new bool[l.Words.Count], [])).ToList();
        var frame = Frame.Of(page, lines, ink);
        return lines.Select(l => Find(l, page.DarkRegions, frame, frame.EndsParagraph(l))).ToList();
    }

    private static LineDamage Find(Line line, IReadOnlyList<DarkRegion> regions, Frame frame, bool endsParagraph)
    {
        int rightMargin = frame.RightMargin;
        var underBlot = new bool[line.Words.Count];
        var stretches = new List<LostStretch>();
        if (line.Words.Count == 0 || !regions.Any(r => !r.ExtentBetween(line.Box.Top, line.Box.Bottom).IsEmpty))
            return new LineDamage(underBlot, stretches);
        // The middle half of the line: a region that reaches it covers the typed characters, not just a descender.
        int quarter = line.Box.Height / 4;
        // A water stain counts only where it covers the middle half of the line from top to bottom, as a stain over
        // typing does: the line above a stain reaches into its outline only with its descenders.
        bool Counts(DarkRegion r) => !r.Stain || r.Box.Top <= line.Box.Top + quarter && r.Box.Bottom >= line.Box.Bottom - quarter;
        BoundingBox Middle(DarkRegion r) => r.ExtentBetween(line.Box.Top + quarter, line.Box.Bottom - quarter);
        var extents = regions.Where(Counts).Select(Middle).Where(e => !e.IsEmpty).ToList();
        var solid = regions.Where(r => !r.Stain).Select(Middle).Where(e => !e.IsEmpty).ToList();
        var stains = regions.Where(r => r.Stain && Counts(r)).Select(Middle).Where(e => !e.IsEmpty).ToList();
        double charWidth = CharWidth(line);
        // A stain holds no ink: the engine's box of a word reaching into one took in its tide line ("persons,<<"), so the
        // word ends where the stain begins, and the gap beside it is measured from there.
        BoundingBox Inked(Word word) => stains.Aggregate(word.Box, (box, e) =>
            e.Left <= box.Left && e.Right >= box.Right || HorizontalOverlap(box, e) == 0 ? box
            : e.Left + e.Right > box.Left + box.Right ? box with { Right = Math.Max(box.Left, e.Left) }
            : box with { Left = Math.Min(box.Right, e.Right) });

        var first = line.Words[0];
        // A stain whose row the engine read in two pieces is the middle of the row, marked at the first piece's end.
        if (!first.IsIllegible && extents.FirstOrDefault(e => e.Right >= first.Box.Left - 3 * charWidth && e.Right <= first.Box.Left + charWidth
                && e.Left <= first.Box.Left - 1.5 * charWidth && !frame.PieceEndsAt(line, e, charWidth)) is { IsEmpty: false } blot)
        {
            stretches.Add(new LostStretch(0, new BoundingBox(blot.Left, line.Box.Top, first.Box.Left, line.Box.Bottom), StretchSource.UnderDarkRegion));
        }
        // A table's row whose first cell lies under a blot: the blot stands at the margin where the lines start, the
        // row's first word further on in its column.
        else if (!first.IsIllegible && extents.FirstOrDefault(e => e.Right < first.Box.Left - 2 * charWidth
                     && Math.Abs(e.Left - frame.Layout.LeftMarginAt(line)) <= 1.5 * charWidth) is { IsEmpty: false } cell)
            stretches.Add(new LostStretch(0, new BoundingBox(cell.Left, line.Box.Top, cell.Right, line.Box.Bottom), StretchSource.UnderDarkRegion));
        for (int i = 0; i < line.Words.Count; i++)
        {
            var word = line.Words[i];
            // A stain holds no ink: a word read in one is its tide line read as a mark or as letters ("<", "ay": ink
            // like stained or blank paper), or letters its outline runs round, not a guess at what the water washed out.
            bool tideLine = !word.Text.Any(char.IsLetterOrDigit) || frame.Ink is { } ink && word.Ink is { } measured && (ink.IsStained(measured) || ink.IsBlank(measured));
            underBlot[i] = !word.IsIllegible && (word.Confidence < BlotReadBelow || !word.Text.Any(char.IsLetterOrDigit))
                && (tideLine ? extents : solid).Any(e => HorizontalOverlap(word.Box, e) * 2 >= word.Box.Width);
            if (i + 1 < line.Words.Count)
            {
                var next = line.Words[i + 1];
                var gap = new BoundingBox(Inked(word).Right, line.Box.Top, Inked(next).Left, line.Box.Bottom);
                // A word taken for a guess under a blot keeps no readings: only a word kept as read can run on.
                if (gap.Width >= 2 * charWidth && extents.Any(e => HorizontalOverlap(gap, e) >= 1.5 * charWidth)
                    && !(!underBlot[i] && SecondReadingRunsOn(word, charWidth)) && !SecondReadingRunsOn(next, charWidth))
                    stretches.Add(new LostStretch(i + 1, Shrink(gap, charWidth), StretchSource.UnderDarkRegion));
            }
        }
        var last = line.Words[^1];
        // A line that reaches the typed margin has lost nothing at its end, nor has a paragraph's last line that ends its
        // sentence. One that stops mid-sentence beside a tear lost its last words even where the layout takes it for a
        // paragraph's end (the tear took the words that would have filled it): there the tear must start one space after
        // the last word, where the next word was typed.
        if (!last.IsIllegible && !underBlot[^1] && last.Box.Right < rightMargin - charWidth && !(endsParagraph && WordParts.EndsSentence(last.Text) && !AwaitsItsNumber(last.Text)))
        {
            // The tear must reach the middle of the line (a line above a tear only touches it with its descenders), but
            // its ragged edge may come closest to the words anywhere across the line's height. It must reach on past
            // the last word: a dark dot within it is a heavy letter.
            var tear = regions
                .Where(r => !r.ExtentBetween(line.Box.Top + quarter, line.Box.Bottom - quarter).IsEmpty)
                .Select(r => r.ExtentBetween(line.Box.Top, line.Box.Bottom))
                .FirstOrDefault(e => !e.IsEmpty && e.Left >= last.Box.Right - charWidth && e.Left - last.Box.Right <= (endsParagraph ? 1.5 : 3) * charWidth
                    && e.Left < rightMargin - charWidth && e.Right > last.Box.Right + charWidth);
            if (!tear.IsEmpty)
                stretches.Add(new LostStretch(line.Words.Count, new BoundingBox(last.Box.Right, line.Box.Top, Math.Min(tear.Right, rightMargin), line.Box.Bottom), StretchSource.TornLineEnd));
        }
        // A table's row whose last cell lies under a blot: the blot stands clear of the row's last word, in a column
        // where other rows have a word after a blank.
        if (!last.IsIllegible && !stretches.Any(s => s.Before == line.Words.Count)
            && extents.FirstOrDefault(e => e.Left > last.Box.Right + 2 * charWidth
                && frame.Columns.Holds(new BoundingBox(e.Left, line.Box.Top, e.Right, line.Box.Bottom))) is { IsEmpty: false } lastCell)
            stretches.Add(new LostStretch(line.Words.Count, new BoundingBox(lastCell.Left, line.Box.Top, lastCell.Right, line.Box.Bottom), StretchSource.UnderDarkRegion));
        return new LineDamage(underBlot, stretches);
    }

    /// <summary>
    /// The second recogniser read the word surely and with more letters than the first engine and than its box holds:
    /// its reading runs on into the gap beside it, so the dark ink there is letters it read (clogged type, "ph" filled
    /// in) that the first engine took for a space, not a blot over lost words. Where both read the same letters, a word
    /// of narrow letters ("reliable" in a proportional face) merely holds more of them than the line's average width.
    /// </summary>
    private static bool SecondReadingRunsOn(Word word, double charWidth) =>
        word.Readings is [var first, { Confidence: >= SureSecondReading } second]
        && second.Text.Count(char.IsLetterOrDigit) is var letters && letters > first.Text.Count(char.IsLetterOrDigit)
        && letters > word.Box.Width / charWidth + 1;

    /// <summary>"no." (a telegram's or a despatch's number sign): its full stop ends no sentence; the number follows.</summary>
    internal static bool AwaitsItsNumber(string word) => word.Equals("no.", StringComparison.OrdinalIgnoreCase);

    /// <summary>The second recogniser's confidence from which its reading of a word is taken as letters seen.</summary>
    private const float SureSecondReading = 80;

    private static List<Word> MergeAdjacentMarkers(List<Word> words)
    {
        var result = new List<Word>();
        foreach (var word in words)
        {
            if (word.IsIllegible && result.Count > 0 && result[^1].IsIllegible)
            {
                var previous = result[^1];
                var guess = string.Join(' ', new[] { previous.IllegibleGuess, word.IllegibleGuess }.Where(g => !string.IsNullOrEmpty(g)));
                result[^1] = Word.Illegible(BoundingBox.Union([previous.Box, word.Box]), guess, Math.Min(previous.Confidence, word.Confidence));
            }
            else
            {
                result.Add(word);
            }
        }
        return result;
    }

    /// <summary>Average width of a typed character on the line (typewriter pitch, in pixels).</summary>
    internal static double CharWidth(Line line)
    {
        var read = line.Words.Where(w => !w.IsIllegible && w.Text.Length > 0).ToList();
        int chars = read.Sum(w => w.Text.Length);
        return chars == 0 ? line.Box.Height * 0.6 : read.Sum(w => w.Box.Width) / (double)chars;
    }

    private static BoundingBox Shrink(BoundingBox gap, double charWidth)
    {
        int inset = (int)(charWidth / 2);
        return gap with { Left = gap.Left + inset, Right = gap.Right - inset };
    }

    private static int HorizontalOverlap(BoundingBox a, BoundingBox b) => Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left));
}
