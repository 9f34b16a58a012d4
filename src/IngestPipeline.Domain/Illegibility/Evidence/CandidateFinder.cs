using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility.Evidence;

/// <summary>
/// Every place of a page that may hold unreadable text, each with its measures: each word the engine read, each stretch of a line that the layout says held words (<see cref="Page.TextGaps"/>),
/// and each stretch a dark region covers where words should be (<see cref="DamageMarker.Find(Page)"/>). The
/// candidates are proposed generously: what decides is the model that weighs their measures.
/// </summary>
public static class CandidateFinder
{
    /// <summary>The page's candidates, lines numbered in <see cref="Page.Lines"/> order and words by their place in the line as read.</summary>
    public static IReadOnlyList<UnreadableCandidate> Find(Page page, Lexicon lexicon, IllegibilityOptions options, PageInk? ink)
    {
        var lines = page.Lines.ToList();
        var damage = DamageMarker.Find(page, ink);
        var layout = PageLayout.Of(page);
        var header = layout.Lines.Take(layout.HeaderLength).ToHashSet(ReferenceEqualityComparer.Instance);
        var columns = TabStops.Of(layout);
        var (gaps, lost) = GapsByLine(page, lines);
        var candidates = new List<UnreadableCandidate>();
        for (int l = 0; l < lines.Count; l++)
        {
            var line = lines[l];
            var words = line.Words;
            var context = new LineContext(line, page.DarkRegions, layout, header.Contains(line), columns);
            for (int k = 0; k < words.Count; k++)
            {
                if (words[k].IsIllegible) continue; // a marker typed on the page or set by an earlier step
                // A speck taken for a mark is dropped unless it is found unreadable: faded words come out as "_" or ".".
                candidates.Add(new UnreadableCandidate(CandidateKind.Word, l, k, words[k].Box,
                    CandidateFeatures.OfWord(words, k, context, lexicon, ink, IllegibilityDetector.IsStrayMark(words[k], options, ink))) { Word = words[k] });
            }
            foreach (var gap in gaps[l])
            {
                int before = line.Words.Count(w => w.Box.Left < gap.Box.Right - 1);
                var source = gap.Source switch
                {
                    GapSource.LostLine => StretchSource.LostLine,
                    GapSource.Header => StretchSource.Header,
                    GapSource.LineStart => StretchSource.LineStart,
                    GapSource.ShortLine => StretchSource.ShortLine,
                    _ => before == line.Words.Count ? StretchSource.LineEnd : StretchSource.BetweenWords,
                };
                candidates.Add(Stretch(l, gap.Box, source, gap.Ink, gap.Reread, words, before, context, lexicon, ink));
            }
            var proposed = gaps[l].Select(g => g.Box).ToList();
            foreach (var stretch in damage[l].Stretches.Concat(UncoveredDarkness(line, context)))
            {
                // A stretch the layout proposed already measured its ink and was read again: the same place once.
                if (proposed.Any(g => Overlap(g, stretch.Box) * 2 > Math.Min(g.Width, stretch.Box.Width))) continue;
                proposed.Add(stretch.Box);
                candidates.Add(Stretch(l, stretch.Box, stretch.Source, null, [], words, stretch.Before, context, lexicon, ink));
            }
        }
        // A whole line lost: measured against the line above it, as a line of its own after it.
        foreach (var gap in lost)
        {
            int above = lines.FindLastIndex(l => l.Box.CenterY < gap.Box.CenterY);
            if (above < 0) continue;
            var line = lines[above];
            candidates.Add(Stretch(above, gap.Box, StretchSource.LostLine, gap.Ink, gap.Reread, [], 0, new LineContext(line, page.DarkRegions, layout, header.Contains(line)), lexicon, ink));
        }
        return candidates;
    }

    private static UnreadableCandidate Stretch(int l, BoundingBox box, StretchSource source, InkMeasure? stretchInk, IReadOnlyList<Word> reread,
        IReadOnlyList<Word> words, int before, LineContext context, Lexicon lexicon, PageInk? ink) =>
        new(CandidateKind.Stretch, l, before, box, CandidateFeatures.OfStretch(box, source, stretchInk, reread, words, before, context, lexicon, ink))
        { Reread = reread, Source = source, StretchInk = stretchInk };

    /// <summary>
    /// Each text gap on the line it lies in (most of its height shared), unless a word the engine read covers most of
    /// it; a lost line's band apart.
    /// </summary>
    private static (List<TextGap>[] ByLine, List<TextGap> Lost) GapsByLine(Page page, List<Line> lines)
    {
        var byLine = lines.Select(_ => new List<TextGap>()).ToArray();
        var lost = new List<TextGap>();
        foreach (var gap in page.TextGaps)
        {
            if (gap.Source == GapSource.LostLine)
            {
                lost.Add(gap);
                continue;
            }
            if (GapMarker.LineOf(lines, gap) is { } best && !lines[best].Words.Any(w => Overlap(w.Box, gap.Box) * 2 > gap.Box.Width)) byLine[best].Add(gap);
        }
        return (byLine, lost);
    }

    /// <summary>
    /// The stretches between the line's words that a dark region covers and no word was read in, wide enough for a
    /// short word and its spaces (<see cref="LostWordCharacters"/>): where a blot or a tear took words in a place the other proposals
    /// do not reach. Narrower ones are the spaces between words read under a stain.
    /// </summary>
    private static IEnumerable<DamageMarker.LostStretch> UncoveredDarkness(Line line, LineContext context)
    {
        if (line.Words.Count < 2) yield break;
        // Only between the line's words: before the first and after the last, darkness is the sheet's edge or the
        // scanner's bed as often as a blot, and the rules' own proposals (a blot before the first word, a tear after
        // the last) already go there.
        int start = line.Words[0].Box.Right, end = line.Words[^1].Box.Left;
        foreach (var extent in context.DarkExtents)
        {
            int left = Math.Max(extent.Left, start), right = Math.Min(extent.Right, end);
            var inside = line.Words.Where(w => w.Box.Right > left && w.Box.Left < right).OrderBy(w => w.Box.Left).ToList();
            foreach (var (wordLeft, wordRight) in inside.Select(w => (w.Box.Left, w.Box.Right)).Append((right, right)))
            {
                if (wordLeft - left >= LostWordCharacters * context.CharWidth)
                {
                    int before = line.Words.Count(w => w.Box.Left < wordLeft);
                    yield return new DamageMarker.LostStretch(before, new BoundingBox(left, line.Box.Top, wordLeft, line.Box.Bottom), StretchSource.UnderDarkRegion);
                }
                left = Math.Max(left, wordRight);
            }
        }
    }

    private const double LostWordCharacters = 3;

    private static int Overlap(BoundingBox a, BoundingBox b) => Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left));
}

/// <summary>What the measures of a line's candidates share: its typing's pitch and height, its dark regions, its second reading.</summary>
internal sealed class LineContext
{
    /// <summary>Where dark regions cover the middle half of the line.</summary>
    public List<BoundingBox> DarkExtents { get; }

    public LineContext(Line line, IReadOnlyList<DarkRegion> regions, PageLayout layout, bool inHeader, TabStops? columns = null)
    {
        InHeader = inHeader;
        Columns = columns;
        Fill = layout.ColumnWidth > 0 ? (float)((line.Box.Right - layout.LeftMarginAt(line)) / layout.ColumnWidth) : -1;
        CharWidth = DamageMarker.CharWidth(line);
        var heights = line.Words.Where(w => !w.IsIllegible && w.Text.Any(char.IsLetter)).Select(w => w.Box.Height).Order().ToList();
        LetterHeight = heights.Count == 0 ? 0 : heights[heights.Count / 2];
        SecondReadLine = line.Words.Any(w => w.Readings is [_, { Text.Length: > 0 }]);
        // The middle half of the line: a region that reaches it covers the typed characters, not just a descender.
        int quarter = line.Box.Height / 4;
        DarkExtents = regions.Select(r => r.ExtentBetween(line.Box.Top + quarter, line.Box.Bottom - quarter)).Where(e => !e.IsEmpty).ToList();
        RoomForNextWord = MeasureRoomForNextWord(line, layout);
    }

    /// <summary>
    /// How many characters of room the line leaves before the margin beyond the first word of the next line of its
    /// paragraph and a space: a typist returns the carriage when the next word does not fit, so room to spare at the
    /// end of a line that its paragraph continues says words were there. -1 where no line of the paragraph follows.
    /// </summary>
    private static float MeasureRoomForNextWord(Line line, PageLayout layout)
    {
        int i = -1;
        for (int k = 0; k < layout.Lines.Count && i < 0; k++)
            if (ReferenceEquals(layout.Lines[k], line)) i = k;
        if (i < 0 || !layout.ContinuesParagraph(i) || layout.CharWidth <= 0) return -1;
        var next = PageLayout.SubstantialWords(layout.Lines[i + 1]);
        var own = PageLayout.SubstantialWords(line);
        if (next.Count == 0 || own.Count == 0) return -1;
        double room = (layout.RightMarginAt(line) - own[^1].Box.Right) / layout.CharWidth;
        return (float)Math.Max(0, room - 1 - next[0].Box.Width / layout.CharWidth);
    }

    /// <summary>The page's table columns, where known.</summary>
    public TabStops? Columns { get; }

    /// <inheritdoc cref="MeasureRoomForNextWord"/>
    public float RoomForNextWord { get; }

    public double CharWidth { get; }
    public int LetterHeight { get; }
    public bool SecondReadLine { get; }

    /// <summary>Whether the line is in the page's header block, where fields are spaced out by design.</summary>
    public bool InHeader { get; }

    /// <summary>How far across the column the line reaches (1: to the right margin).</summary>
    public float Fill { get; }

    /// <summary>The share of the box's width that a dark region covers (the widest one).</summary>
    public float DarkShare(BoundingBox box) =>
        box.Width <= 0 || DarkExtents.Count == 0 ? 0
            : DarkExtents.Max(e => Math.Max(0, Math.Min(e.Right, box.Right) - Math.Max(e.Left, box.Left))) / (float)box.Width;
}
