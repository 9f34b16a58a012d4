using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility;

/// <summary>
/// Fills each <see cref="Page.TextGaps"/> stretch of its line: with the words the second, contrast-normalised
/// reading found when every one of them is a confident, plausible word (faint but legible text); otherwise with
/// one [ILLEGIBLE] marker over the stretch that keeps whatever was read there as its guess.
/// </summary>
public static class GapMarker
{
    public static Page Mark(Page page, Lexicon lexicon, IllegibilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.TextGaps.Count == 0) return page;
        var byLine = new Dictionary<Line, List<TextGap>>(ReferenceEqualityComparer.Instance);
        foreach (var gap in page.TextGaps)
        {
            var line = page.Lines.Where(l => l.Box.VerticalOverlap(gap.Box) * 2 > Math.Min(l.Box.Height, gap.Box.Height))
                .MaxBy(l => l.Box.VerticalOverlap(gap.Box));
            if (line is not null)
                (byLine.TryGetValue(line, out var list) ? list : byLine[line] = []).Add(gap);
        }
        return page with
        {
            Blocks = page.Blocks.Select(b => b with
            {
                Lines = b.Lines.Select(l => byLine.TryGetValue(l, out var gaps) ? Fill(l, gaps, lexicon, options) : l).ToList(),
            }).ToList(),
        };
    }

    private static Line Fill(Line line, List<TextGap> gaps, Lexicon lexicon, IllegibilityOptions options)
    {
        var words = line.Words.ToList();
        foreach (var gap in gaps)
        {
            // Another step (a dark region over the same place) may have marked it already.
            if (words.Any(w => Overlap(w.Box, gap.Box) * 2 > gap.Box.Width)) continue;
            bool legible = gap.Reread.Count > 0 && gap.Reread.All(w =>
                w.Confidence >= options.RereadAcceptedFrom
                && WordPlausibility.Classify(w.Text, lexicon) is WordKind.Lexicon or WordKind.Number or WordKind.Punctuation);
            IEnumerable<Word> filler = legible
                ? gap.Reread
                : [Word.Illegible(gap.Box, string.Join(' ', gap.Reread.Select(w => w.Text)), gap.Reread.Count == 0 ? 0 : gap.Reread.Min(w => w.Confidence))];
            int at = words.FindIndex(w => w.Box.Left >= gap.Box.Right - 1);
            words.InsertRange(at < 0 ? words.Count : at, filler);
        }
        return line with { Words = words, Box = BoundingBox.Union(words.Select(w => w.Box).Append(line.Box)) };
    }

    private static int Overlap(BoundingBox a, BoundingBox b) => Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left));
}
