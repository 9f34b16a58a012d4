namespace IngestPipeline.Domain.Transcripts;

/// <summary>
/// The typed layout of one page as geometry shows it: its lines with words in reading order, where
/// paragraphs break, the column's margins, the typewriter pitch, and the header block at the top.
/// Plain-text paragraphs and the search for lost words both read the page this way.
/// </summary>
/// <remarks>
/// A paragraph break is a vertical step from one line to the next that is clearly larger than the page's usual
/// line pitch: more than <see cref="ParagraphGapFactor"/> times the median pitch of the page. Pitch is measured
/// between estimated baselines (the median bottom of a line's words), so ascenders, descenders and all-caps lines
/// do not make it jitter. Because the threshold is relative to the page's own median, a double-spaced page has
/// no breaks where every gap is equally large. A line that goes back up the page (the next column), or a block
/// that stands beside the previous one, also starts a paragraph.
/// The left margin is the median start of the lines, the right margin the 90th percentile of their ends (a ragged
/// typewriter margin, so not the maximum). Starts and ends are measured across the lines' own slope: on a page read
/// with a slight skew the margins are slanted too, and a line low on the page would otherwise seem indented or short. A cable's "TELEGRAM RECEIVED / FROM / TO / Dated" block is the header:
/// see <see cref="HeaderLength"/>.
/// </remarks>
public sealed class PageLayout
{
    /// <summary>How much larger than the median pitch a step must be to count as a paragraph break.</summary>
    public const double ParagraphGapFactor = 1.4;

    /// <summary>A line that reaches this share of the column's width counts as full.</summary>
    public const double FullLineShare = 0.75;

    /// <summary>A line that starts more than this many character widths right of the margin is indented (a new paragraph).</summary>
    public const double IndentCharacters = 2.0;

    private PageLayout(IReadOnlyList<Line> lines, bool[] breakBefore, double slope, double charWidth, IReadOnlyList<int> baselines, double pitch)
    {
        Baselines = baselines;
        Pitch = pitch;
        _slope = slope;
        Lines = lines;
        BreakBefore = breakBefore;
        LeftMargin = lines.Count == 0 ? 0 : Percentile(lines.Select(Start), 0.5);
        RightMargin = lines.Count == 0 ? 0 : Percentile(lines.Select(End), 0.9);
        CharWidth = charWidth;
        HeaderLength = LeadingHeaderLength();
    }

    /// <summary>The page's lines that have words, in reading order.</summary>
    public IReadOnlyList<Line> Lines { get; }

    /// <summary>Per line: where its letters stand (the words' median bottom).</summary>
    public IReadOnlyList<int> Baselines { get; }

    /// <summary>The median step from one line's baseline to the next (0 with fewer than two lines).</summary>
    public double Pitch { get; }

    /// <summary>Per line: whether a paragraph starts with it (never the first line).</summary>
    public IReadOnlyList<bool> BreakBefore { get; }

    private readonly double _slope;

    /// <summary>The margins, across the lines' slope at the page's top (for a line elsewhere, see <see cref="RightMarginAt"/>).</summary>
    public int LeftMargin { get; }
    public int RightMargin { get; }

    /// <summary>Where the margins run at the height of <paramref name="line"/>, in the page's coordinates.</summary>
    public int RightMarginAt(Line line) => (int)Math.Round(RightMargin - _slope * line.Box.CenterY);
    public int LeftMarginAt(Line line) => (int)Math.Round(LeftMargin - _slope * line.Box.CenterY);

    /// <summary>The line's start and end measured across the slope of the page's lines (a slanted margin is a straight one).</summary>
    private int Start(Line line) => (int)Math.Round(line.Box.Left + _slope * line.Box.CenterY);
    private int End(Line line) => (int)Math.Round(line.Box.Right + _slope * line.Box.CenterY);

    /// <summary>The median width of one character (typewriter text is monospaced); 0 when no word tells.</summary>
    public double CharWidth { get; }

    /// <summary>How many lines at the top form a header block (0 when there is none).</summary>
    public int HeaderLength { get; }

    public static PageLayout Of(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var entries = page.Blocks
            .SelectMany(b => b.Lines.Where(l => l.Words.Count > 0).Select(l => (Block: b, Line: l, Baseline: Baseline(l))))
            .ToList();
        var pitches = entries.Zip(entries.Skip(1), (a, b) => b.Baseline - a.Baseline).Where(p => p > 0).ToList();
        double medianPitch = Median(pitches);
        var breakBefore = new bool[entries.Count];
        for (int i = 1; i < entries.Count; i++)
        {
            breakBefore[i] = IsParagraphBreak(entries[i - 1], entries[i], medianPitch);
        }
        var lines = entries.Select(e => e.Line).ToList();
        return new PageLayout(lines, breakBefore, Slope(lines), CharacterWidth(lines), entries.Select(e => e.Baseline).ToList(), medianPitch);
    }

    /// <summary>
    /// How far the page's lines fall per pixel across (positive: down to the right): the median over lines of three
    /// words or more of the least-squares slope of their words' centres; 0 when no line tells. A slope of a page
    /// deskewed before reading is about 0; one read as scanned (a skew under <c>MinDeskewAngle</c>) keeps its slope.
    /// </summary>
    private static double Slope(IReadOnlyList<Line> lines)
    {
        var slopes = lines.Where(l => LineFit.TellsSlope(l.Words)).Select(l => LineFit.Of(l.Words).Slope).ToList();
        if (slopes.Count == 0) return 0;
        slopes.Sort();
        // Beyond 3 degrees the page was deskewed or the lines are not straight text: measure as drawn.
        return Math.Clamp(slopes[slopes.Count / 2], -MaxSlope, MaxSlope);
    }

    private const double MaxSlope = 0.05;

    public double ColumnWidth => RightMargin - LeftMargin;

    /// <summary>Whether the line reaches close to the right margin.</summary>
    public bool IsFull(Line line) => ColumnWidth > 0 && (End(line) - LeftMargin) / ColumnWidth >= FullLineShare;

    /// <summary>Whether line <paramref name="index"/> is followed, without a paragraph break, by another line.</summary>
    public bool ContinuesParagraph(int index) => index + 1 < Lines.Count && !BreakBefore[index + 1];

    /// <summary>Whether the line starts more than <see cref="IndentCharacters"/> character widths right of the margin.</summary>
    public bool IsIndented(Line line) => Start(line) > LeftMargin + IndentCharacters * CharWidth;

    /// <summary>
    /// Whether line <paramref name="index"/> starts late inside a paragraph's running text, where its first words may
    /// have been lost: the line above, in the same paragraph, reaches the right margin; this line starts more than a
    /// wide gap right of it, and the line below, if the paragraph goes on, starts where the one above does (else the
    /// line above starts at the page's margin). Not where a word of the line above or below stands after a blank where
    /// this line starts (a hanging indent, the text beside a side heading), nor where the line stands centred between
    /// the margins (a title, verse).
    /// </summary>
    public bool StartsLateInParagraph(int index)
    {
        if (index < 1 || BreakBefore[index] || CharWidth <= 0) return false;
        var line = Lines[index];
        var above = Lines[index - 1];
        double wide = WideGapCharacters * CharWidth;
        int start = Start(line);
        if (RightMargin - End(above) > wide || start - Start(above) <= wide) return false;
        // The paragraph's own margin: where the lines above and below start together (a paragraph set in as a whole
        // has its own), or, for its last line, the page's.
        var below = ContinuesParagraph(index) ? Lines[index + 1] : null;
        if (below is not null ? Math.Abs(Start(below) - Start(above)) > CharWidth : Start(above) - LeftMargin > IndentCharacters * CharWidth) return false;
        if (AfterABlankAt(above, line.Box.Left) || (below is not null && AfterABlankAt(below, line.Box.Left))) return false;
        double leftBlank = start - LeftMargin, rightBlank = RightMargin - End(line);
        return rightBlank < wide || Math.Abs(leftBlank - rightBlank) > Math.Max(leftBlank, rightBlank) / 4;
    }

    /// <summary>Whether a word of the line starts within a character of <paramref name="x"/> after two characters' blank or more.</summary>
    private bool AfterABlankAt(Line line, int x)
    {
        var words = line.Words;
        for (int w = 1; w < words.Count; w++)
        {
            if (Math.Abs(words[w].Box.Left - x) <= CharWidth && words[w].Box.Left - words[w - 1].Box.Right >= 2 * CharWidth) return true;
        }
        return false;
    }

    /// <summary>A gap between two words of a line wider than this many characters is more than a typist's spacing.</summary>
    public const double WideGapCharacters = 3.5;

    /// <summary>The words of the line proper: with a letter or digit and, if a single character, read with some confidence (not a speck read as "." or "i").</summary>
    public static IReadOnlyList<Word> SubstantialWords(Line line) =>
        line.Words.Where(w => w.Text.Any(char.IsLetterOrDigit) && (w.Text.Length > 1 || w.Confidence >= 50)).ToList();

    /// <summary>The stretches between consecutive words of the line wider than <see cref="WideGapCharacters"/>.</summary>
    public IEnumerable<(Word Before, Word After)> WideGaps(Line line)
    {
        var words = SubstantialWords(line);
        for (int w = 1; w < words.Count; w++)
        {
            if (words[w].Box.Left - words[w - 1].Box.Right > WideGapCharacters * CharWidth)
                yield return (words[w - 1], words[w]);
        }
    }

    /// <summary>
    /// The header is everything above the first line of running text: a full line from the left margin, without wide
    /// gaps, that its paragraph continues below (a right-aligned file number is full but does not start at the margin). Header fields are short or spaced out ("FROM: Chungking      Dated July 7"); a full
    /// line just above the first running one, in the same paragraph, belongs to the body (a first line with a gap
    /// where damage took words).
    /// </summary>
    private int LeadingHeaderLength()
    {
        if (CharWidth <= 0) return 0;
        int first = Enumerable.Range(0, Lines.Count).FirstOrDefault(IsRunningText, -1);
        if (first <= 0) return 0;
        while (first > 0 && !BreakBefore[first] && IsFull(Lines[first - 1])) first--;
        return first;
    }

    private bool IsRunningText(int i) =>
        IsFull(Lines[i]) && (!IsIndented(Lines[i]) || SubstantialWords(Lines[i]).Count >= ProseWords) && ContinuesParagraph(i)
        && !WideGaps(Lines[i]).Any() && !IsIndented(Lines[i + 1]);

    /// <summary>
    /// Words enough that a full line indented at a paragraph's start is prose, not a header field or a file number set
    /// right (those have a few words at most).
    /// </summary>
    private const int ProseWords = 6;

    private static bool IsParagraphBreak((Block Block, Line Line, int Baseline) previous, (Block Block, Line Line, int Baseline) next, double medianPitch)
    {
        int pitch = next.Baseline - previous.Baseline;
        if (pitch < 0)
        {
            return true; // back up the page: the next column
        }
        if (!ReferenceEquals(previous.Block, next.Block))
        {
            var a = previous.Block.Box;
            var b = next.Block.Box;
            if (a.VerticalOverlap(b) * 2 > Math.Min(a.Height, b.Height))
            {
                return true; // side by side, not one below the other
            }
        }
        return medianPitch > 0 && pitch > ParagraphGapFactor * medianPitch;
    }

    /// <summary>The line's baseline estimated as the median of its words' bottoms (with an even count the higher of the two middle ones, as descenders only push bottoms down).</summary>
    private static int Baseline(Line line)
    {
        var bottoms = line.Words.Select(w => w.Box.Bottom).Order().ToList();
        return bottoms[(bottoms.Count - 1) / 2];
    }

    private static double CharacterWidth(IReadOnlyList<Line> lines)
    {
        var widths = lines.SelectMany(l => l.Words)
            .Where(w => w.Text.Length >= 3 && !w.IsIllegible)
            .Select(w => (double)w.Box.Width / w.Text.Length)
            .Order()
            .ToList();
        return widths.Count == 0 ? 0 : widths[widths.Count / 2];
    }

    private static double Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        values.Sort();
        int mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    }

    /// <summary>The value below which <paramref name="share"/> of the values lie (at least one value).</summary>
    internal static int Percentile(IEnumerable<int> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(share * sorted.Count))];
    }
}
