namespace IngestPipeline.Domain.Transcripts;

/// <summary>
/// Puts blocks, lines and words into reading order from their geometry alone, so the order does not
/// depend on how the engine happened to walk the page. Blocks are ordered by recursive XY-cut: the set is
/// split at the widest band of paper that no block crosses, top to bottom for a horizontal cut and left to
/// right for a vertical one (a gutter between columns), and each part is ordered the same way. A full-width
/// heading is thus read before the columns under it, and each column is read down before the next.
/// First, the label of a numbered or lettered paragraph or item typed apart from its text ("1)", "3.", "b)",
/// "IV.") joins the line it stands beside: layout analysis makes a block of it, which would otherwise be read as a
/// paragraph of its own, or as a column of labels before the text.
/// </summary>
public static partial class ReadingOrder
{
    public static IReadOnlyList<Block> Arrange(IEnumerable<Block> blocks)
    {
        var arranged = AttachLabels(blocks
            .Select(b => b with { Lines = ArrangeLines(b.Lines) })
            .Where(b => b.Lines.Count > 0)
            .ToList());
        var result = new List<Block>(arranged.Count);
        Cut(arranged, result);
        return result;
    }

    public static IReadOnlyList<Line> ArrangeLines(IEnumerable<Line> lines) =>
        lines
            .Select(l => l with { Words = l.Words.OrderBy(w => w.Box.Left).ToList() })
            .Where(l => l.Words.Count > 0)
            .OrderBy(l => l.Box.CenterY)
            .ToList();

    private static void Cut(List<Block> blocks, List<Block> result)
    {
        if (blocks.Count <= 1)
        {
            result.AddRange(blocks);
            return;
        }
        var rows = Split(blocks, b => b.Box.Top, b => b.Box.Bottom, out int rowGap);
        var columns = Split(blocks, b => b.Box.Left, b => b.Box.Right, out int columnGap);
        // A gutter between columns is wider than the paper between two paragraphs.
        var parts = rows.Count > 1 && (columns.Count == 1 || rowGap >= columnGap) ? rows : columns;
        if (parts.Count == 1)
        {
            // Blocks overlap both ways (a block inside another's box): top to bottom, then left to right.
            result.AddRange(blocks.OrderBy(b => b.Box.Top).ThenBy(b => b.Box.Left));
            return;
        }
        foreach (var part in parts) Cut(part, result);
    }

    /// <summary>The blocks split at every band of paper no block crosses along one axis, in order, and the widest such band.</summary>
    private static List<List<Block>> Split(List<Block> blocks, Func<Block, int> start, Func<Block, int> end, out int widestGap)
    {
        var parts = new List<List<Block>>();
        widestGap = 0;
        int reach = int.MinValue;
        foreach (var block in blocks.OrderBy(start).ThenBy(end))
        {
            if (parts.Count == 0 || start(block) >= reach)
            {
                if (parts.Count > 0) widestGap = Math.Max(widestGap, start(block) - reach);
                parts.Add([]);
            }
            parts[^1].Add(block);
            reach = Math.Max(reach, end(block));
        }
        return parts;
    }

    /// <summary>A label stands at most this many of its heights left of its text (a tab stop or two).</summary>
    private const int LabelReach = 12;

    private static List<Block> AttachLabels(List<Block> blocks)
    {
        var lines = blocks.SelectMany(b => b.Lines).ToList();
        var joined = new Dictionary<Line, Line>();
        var labels = new HashSet<Line>();
        foreach (var label in lines.Where(IsLabel))
        {
            var box = label.Box;
            var text = lines
                .Where(l => !IsLabel(l) && !joined.ContainsKey(l) && l.Box.Left >= box.Right - box.Height / 2
                    && l.Box.Left - box.Right <= LabelReach * box.Height && l.Box.VerticalOverlap(box) * 2 >= Math.Min(box.Height, l.Box.Height))
                .MinBy(l => l.Box.Left);
            if (text is null) continue;
            joined[text] = text with { Box = BoundingBox.Union([box, text.Box]), Words = [.. label.Words, .. text.Words] };
            labels.Add(label);
        }
        if (labels.Count == 0) return blocks;
        var result = new List<Block>(blocks.Count);
        foreach (var block in blocks)
        {
            if (!block.Lines.Any(l => labels.Contains(l) || joined.ContainsKey(l)))
            {
                result.Add(block);
                continue;
            }
            var kept = block.Lines.Where(l => !labels.Contains(l)).Select(l => joined.GetValueOrDefault(l, l)).ToList();
            if (kept.Count > 0) result.Add(block with { Box = BoundingBox.Union(kept.Select(l => l.Box)), Lines = kept });
        }
        return result;
    }

    private static bool IsLabel(Line line) => line.Words.Count == 1 && Label().IsMatch(line.Words[0].Text);

    /// <summary>"1)", "12.", "a)", "(b)", "IV.": a number, a letter or a Roman numeral closed by a bracket or a full stop.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\(?(\d{1,3}|[A-Za-z]|[IVXivx]{1,5})[.)]$")]
    private static partial System.Text.RegularExpressions.Regex Label();
}
