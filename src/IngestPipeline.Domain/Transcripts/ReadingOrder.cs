namespace IngestPipeline.Domain.Transcripts;

/// <summary>
/// Puts blocks, lines and words into reading order from their geometry alone, so the order does not
/// depend on how the engine happened to walk the page. Blocks that share most of their height stand
/// side by side (columns) and are read left to right; otherwise top to bottom.
/// </summary>
public static class ReadingOrder
{
    public static IReadOnlyList<Block> Arrange(IEnumerable<Block> blocks)
    {
        var sorted = blocks
            .Select(b => b with { Lines = ArrangeLines(b.Lines) })
            .Where(b => b.Lines.Count > 0)
            .OrderBy(b => b.Box.Top)
            .ToList();

        // Group blocks into horizontal bands: a block joins the current band when it overlaps the
        // band vertically by more than half of its own height.
        var bands = new List<List<Block>>();
        BoundingBox band = default;
        foreach (var block in sorted)
        {
            if (bands.Count > 0 && block.Box.VerticalOverlap(band) * 2 > block.Box.Height)
            {
                bands[^1].Add(block);
                band = BoundingBox.Union([band, block.Box]);
            }
            else
            {
                bands.Add([block]);
                band = block.Box;
            }
        }
        return bands.SelectMany(b => b.OrderBy(x => x.Box.Left)).ToList();
    }

    public static IReadOnlyList<Line> ArrangeLines(IEnumerable<Line> lines) =>
        lines
            .Select(l => l with { Words = l.Words.OrderBy(w => w.Box.Left).ToList() })
            .Where(l => l.Words.Count > 0)
            .OrderBy(l => l.Box.CenterY)
            .ToList();
}
