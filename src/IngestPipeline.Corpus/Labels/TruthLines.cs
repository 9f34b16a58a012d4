using System.Text.Json;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Corpus.Labels;

/// <summary>The ground truth's text for each line of a recognised page, and the truth's lines that no line of the page holds.</summary>
public sealed record TruthForLines(IReadOnlyDictionary<int, string> Texts, int Unplaced);

/// <summary>
/// Places the ground truth's lines (NAME.gt.json) on a recognised page, as a reviewer who knows the truth would type
/// them into the review page: each truth line goes to the page's line whose words hold most of its words' centres,
/// carried onto the page's pixels (<see cref="SpanLabeller.MapOnto"/>); boxes of whole lines would not do, for on a
/// skewed page a line's box reaches into its neighbours'. Two truth lines in one page line go in reading order (side by
/// side, left to right; one under the other, as when the engine read a short last line into the line above, top down); a page
/// line no truth line reaches is noise, typed empty. A truth line none of whose words' centres is in a word read goes
/// to the line whose words share most of its words' place (at least a fifth); one the page did not find at all has no
/// line to go to: it is counted.
/// </summary>
public static class TruthLines
{
    /// <returns>Texts by line index as the review page numbers lines (<see cref="Domain.Transcripts.PageLayout.Lines"/>); null when the truth cannot be placed.</returns>
    public static TruthForLines? For(string truthPath, Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (SpanLabeller.MapOnto(PageTruth.Read(truthPath), page) is not { } map) return null;
        var lines = Domain.Transcripts.PageLayout.Of(page).Lines;
        var placed = lines.Select(_ => new List<(BoundingBox Box, string Text)>()).ToList();
        var (truthLines, truthWords) = Read(truthPath);
        int unplaced = 0;
        for (int t = 0; t < truthLines.Count; t++)
        {
            var centres = truthWords.Where(w => w.Line == t).Select(w => map.Apply(w.Box)).Select(b => (X: (b.Left + b.Right) / 2, Y: (b.Top + b.Bottom) / 2)).ToList();
            int best = -1, bestHits = 0;
            for (int i = 0; i < lines.Count; i++)
            {
                int hits = centres.Count(c => lines[i].Words.Any(w => c.X >= w.Box.Left && c.X <= w.Box.Right && c.Y >= w.Box.Top && c.Y <= w.Box.Bottom));
                if (hits > bestHits) (best, bestHits) = (i, hits);
            }
            // None of its words' centres in a word read (a weak key's letters lost, a word read short): the page line
            // that shares most of its place, as a reviewer would see where it goes.
            if (best < 0) best = MostOverlapping(lines, [.. truthWords.Where(w => w.Line == t).Select(w => map.Apply(w.Box))]);
            if (best < 0) unplaced++;
            // A line is placed by its first word: on a skewed page whole lines' boxes overlap their neighbours'.
            else placed[best].Add((truthWords.Where(w => w.Line == t).Select(w => map.Apply(w.Box)).MinBy(b => b.Left), truthLines[t].Text));
        }
        var texts = placed.Select((p, i) => (i, Text: string.Join(' ', InReadingOrder(p)))).ToDictionary(x => x.i, x => x.Text);
        return new TruthForLines(texts, unplaced);
    }

    /// <summary>
    /// The line whose words share most area with the truth line's words, if that is at least a fifth of theirs (a
    /// neighbour's words that reach into a lost line's place on a skewed page do not make it that line); else -1.
    /// </summary>
    private static int MostOverlapping(IReadOnlyList<Domain.Transcripts.Line> lines, IReadOnlyList<BoundingBox> truth)
    {
        static long Shared(BoundingBox a, BoundingBox b) =>
            (long)Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left)) * Math.Max(0, Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top));
        long own = truth.Sum(b => (long)(b.Right - b.Left) * (b.Bottom - b.Top));
        int best = -1;
        long bestArea = own / 5 - 1;
        for (int i = 0; i < lines.Count; i++)
        {
            long area = lines[i].Words.Sum(w => truth.Sum(b => Shared(w.Box, b)));
            if (area > bestArea) (best, bestArea) = (i, area);
        }
        return best;
    }

    /// <summary>Rows top down (a line joins the row whose first line's first word its own overlaps by half its height), each row left to right.</summary>
    private static IEnumerable<string> InReadingOrder(List<(BoundingBox Box, string Text)> lines)
    {
        var rows = new List<List<(BoundingBox Box, string Text)>>();
        foreach (var line in lines.OrderBy(l => l.Box.Top))
        {
            var row = rows.LastOrDefault();
            if (row is not null && line.Box.VerticalOverlap(row[0].Box) * 2 >= Math.Min(line.Box.Height, row[0].Box.Height)) row.Add(line);
            else rows.Add([line]);
        }
        return rows.SelectMany(r => r.OrderBy(l => l.Box.Left)).Select(l => l.Text);
    }

    private static (List<(string Text, BoundingBox Box)> Lines, List<(int Line, BoundingBox Box)> Words) Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        static BoundingBox Box(JsonElement b) => new(b[0].GetInt32(), b[1].GetInt32(), b[2].GetInt32(), b[3].GetInt32());
        var lines = json.RootElement.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("text").GetString() ?? "", Box(l.GetProperty("bbox")))).ToList();
        var words = json.RootElement.GetProperty("words").EnumerateArray().Select(w => (w.GetProperty("line").GetInt32(), Box(w.GetProperty("bbox")))).ToList();
        return (lines, words);
    }
}
