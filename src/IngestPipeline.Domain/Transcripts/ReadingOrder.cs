namespace IngestPipeline.Domain.Transcripts;

/// <summary>
/// Puts blocks, lines and words into reading order from their geometry alone, so the order does not
/// depend on how the engine happened to walk the page. Blocks are ordered by recursive XY-cut: the set is
/// split at the widest band of paper that no block crosses, top to bottom for a horizontal cut and left to
/// right for a vertical one (a gutter between columns), and each part is ordered the same way. A full-width
/// heading is thus read before the columns under it, and each column is read down before the next.
/// </summary>
public static class ReadingOrder
{
    public static IReadOnlyList<Block> Arrange(IEnumerable<Block> blocks)
    {
        var arranged = blocks
            .Select(b => b with { Lines = ArrangeLines(b.Lines) })
            .Where(b => b.Lines.Count > 0)
            .ToList();
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
}
