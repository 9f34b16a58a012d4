using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Export;

/// <summary>How plain text is laid out: one output line per typed line, or running paragraphs.</summary>
public enum TextLayout
{
    /// <summary>One output line per typed line (the corpus ground-truth convention; diffs line by line).</summary>
    Lines,

    /// <summary>The lines of a paragraph joined into one; header, address and signature lines kept as they are.</summary>
    Paragraphs,
}

/// <summary>
/// Decides which typed lines of a paragraph run on into the next. A typist ends a line early only to end a
/// paragraph or to set a line apart (a header field, an address, a signature), so a line runs on when it
/// reaches close to the page's right margin and the next line starts at the left margin (not indented).
/// </summary>
/// <remarks>
/// The margins are the page's own: the left margin is the median start of its lines, the right margin the 90th
/// percentile of their ends (a ragged typewriter margin, so not the maximum). A line ending in a colon introduces
/// what follows and never runs on. The page's leading block (the lines before its first paragraph gap) is a header
/// when at least half of its lines are short: a cable's "TELEGRAM RECEIVED / FROM / TO / Dated" block is kept line by line
/// even where one of its lines (a right-aligned file number) reaches the margin. A page that continues a body
/// paragraph from the page before starts with full lines and is joined as usual.
/// </remarks>
public static class ParagraphJoiner
{
    /// <summary>A line that reaches this share of the text column's width counts as full.</summary>
    public const double FullLineShare = 0.75;

    /// <summary>A next line that starts more than this many character widths right of the margin is indented.</summary>
    public const double IndentCharacters = 2.0;

    /// <summary>
    /// For each line of a page (in reading order, paragraph breaks given), whether it runs on into the next line.
    /// The last line never does.
    /// </summary>
    public static bool[] RunsOn(IReadOnlyList<Line> lines, IReadOnlyList<bool> paragraphBreakBefore)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(paragraphBreakBefore);
        var runsOn = new bool[lines.Count];
        if (lines.Count < 2)
        {
            return runsOn;
        }

        int left = Percentile(lines.Select(l => l.Box.Left), 0.5);
        int right = Percentile(lines.Select(l => l.Box.Right), 0.9);
        double columnWidth = right - left;
        if (columnWidth <= 0)
        {
            return runsOn;
        }
        double charWidth = CharacterWidth(lines);
        bool IsFull(Line line) => (line.Box.Right - left) / columnWidth >= FullLineShare;

        int headerEnd = LeadingHeaderLength(lines, paragraphBreakBefore, IsFull);
        for (int i = headerEnd; i < lines.Count - 1; i++)
        {
            var line = lines[i];
            var next = lines[i + 1];
            runsOn[i] = !paragraphBreakBefore[i + 1]
                && IsFull(line)
                && next.Box.Left <= left + IndentCharacters * charWidth
                && !line.Words[^1].Text.EndsWith(':');
        }
        return runsOn;
    }

    /// <summary>How many lines at the top of the page form a header block (0 when there is none).</summary>
    private static int LeadingHeaderLength(IReadOnlyList<Line> lines, IReadOnlyList<bool> breakBefore, Func<Line, bool> isFull)
    {
        int end = 1;
        while (end < lines.Count && !breakBefore[end])
        {
            end++;
        }
        if (end == lines.Count)
        {
            return 0; // one paragraph on the page: nothing stands apart as a header
        }
        int shortLines = lines.Take(end).Count(l => !isFull(l));
        return shortLines * 2 >= end ? end : 0;
    }

    /// <summary>The median width of one character, from words of three or more characters (typewriter text is monospaced).</summary>
    private static double CharacterWidth(IReadOnlyList<Line> lines)
    {
        var widths = lines.SelectMany(l => l.Words)
            .Where(w => w.Text.Length >= 3 && !w.IsIllegible)
            .Select(w => (double)w.Box.Width / w.Text.Length)
            .Order()
            .ToList();
        return widths.Count == 0 ? 0 : widths[widths.Count / 2];
    }

    private static int Percentile(IEnumerable<int> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(share * sorted.Count))];
    }
}
