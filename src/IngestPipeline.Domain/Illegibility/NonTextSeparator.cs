using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility;

/// <summary>
/// Takes what is not typed text out of a page's words and records it as <see cref="PageRegion"/>s: handwritten notes
/// and signatures, stamps, ruled lines, specks, and (from the page's dark regions) punch holes and the sheet's edge.
/// The engine reads such marks as garbage lines or as words of a typed line, which the illegibility rules would then
/// turn into [ILLEGIBLE]; they are no lost typing.
/// </summary>
/// <remarks>
/// Two things together make a mark foreign, never one alone. The engine did not read it as typing (no word of the
/// lexicon, number or name read with fair confidence), and its size departs from the page's typing: words far
/// taller than the typed words (pen strokes, stamps) or far smaller (specks, a rule). A legible page number, file
/// number or typed initials are read as typing and stay; a faded or smudged typed word has the typing's size and
/// stays for the illegibility rules; so does anything under a blot or tear (<see cref="Page.DarkRegions"/>), which
/// is evidence of lost text.
/// </remarks>
public static class NonTextSeparator
{
    /// <summary>A line of words taller than this many typed word heights is pen strokes or a stamp: type of one size never is.</summary>
    public const double TallFactor = 1.6;

    /// <summary>
    /// A word within a typed line must be taller still to be taken for pen strokes: a typed word touched by an
    /// underline, a stroke or a wave of the line reaches twice the typed height, a signature over a name more.
    /// </summary>
    public const double InLineTallFactor = 2.5;

    /// <summary>Marks of less than this share of the typed word height are specks or rules: even a typed comma or full stop is read within its word.</summary>
    public const double SmallFactor = 0.5;

    /// <summary>A mark this close to a side of the image (share of the page's size) belongs to the sheet's edge.</summary>
    private const double EdgeShare = 0.015;


    public static Page Separate(Page page, Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(lexicon);
        var sure = page.Words.Where(w => !w.IsIllegible && w.Confidence >= PageInk.SureConfidence && w.Text.Count(char.IsLetter) >= 3).ToList();
        if (sure.Count < PageInk.MinSureWords) return page;
        var typing = new Typing(page, Median(sure.Select(w => (double)w.Box.Height)), lexicon);
        var regions = new List<PageRegion>(page.Regions);
        var blocks = new List<Block>();
        foreach (var block in page.Blocks)
        {
            var lines = new List<Line>();
            foreach (var line in block.Lines)
            {
                var kept = typing.Split(line, regions);
                if (kept.Words.Count > 0) lines.Add(kept);
            }
            if (lines.Count > 0) blocks.Add(block with { Box = BoundingBox.Union(lines.Select(l => l.Box)), Lines = lines });
        }
        regions.AddRange(MarksOfDarkRegions(page, blocks));
        return page with { Blocks = blocks, Regions = regions };
    }

    /// <summary>The page's typed word height and what reads as typing on it.</summary>
    private sealed class Typing(Page page, double wordHeight, Lexicon lexicon)
    {
        /// <summary>The line without its foreign marks, which are added to <paramref name="regions"/>.</summary>
        public Line Split(Line line, List<PageRegion> regions)
        {
            if (line.Words.Any(w => UnderDarkRegion(w.Box))) return line;
            var read = line.Words.Select(ReadAsTyping).ToArray();
            var content = line.Words.Select((w, i) => (Word: w, Read: read[i])).Where(x => x.Word.Text.Any(char.IsLetterOrDigit)).ToList();
            if (content.Count > 0 && content.Count(x => x.Read) * 3 < content.Count)
            {
                double height = Median(content.Select(x => (double)x.Word.Box.Height));
                if (height > TallFactor * wordHeight || height < SmallFactor * wordHeight)
                {
                    regions.Add(RegionOf(line.Words));
                    return line with { Words = [] };
                }
            }
            var kept = new List<Word>();
            for (int i = 0; i < line.Words.Count;)
            {
                if (read[i] || line.Words[i].Box.Height <= InLineTallFactor * wordHeight)
                {
                    kept.Add(line.Words[i++]);
                    continue;
                }
                int end = i;
                while (end + 1 < line.Words.Count && !read[end + 1] && line.Words[end + 1].Box.Height > InLineTallFactor * wordHeight) end++;
                regions.Add(RegionOf(line.Words.Skip(i).Take(end - i + 1).ToList()));
                i = end + 1;
            }
            return kept.Count == line.Words.Count ? line : line with { Box = BoundingBox.Union(kept.Select(w => w.Box)), Words = kept };
        }

        /// <summary>
        /// Whether the engine read the word as something typed: surely, as a word of the lexicon of four letters or
        /// more or one slip from one, or as a short word, number or name with fair confidence. Pen strokes come out
        /// as short words ("a", "un", "Mh") read at 20-30 or as garbage; a typed word the reader wants stays, however
        /// tall its box (a handwritten stroke through it, an underline).
        /// </summary>
        private bool ReadAsTyping(Word word)
        {
            if (word.IsIllegible || word.Corrected || word.Confidence >= PageInk.SureConfidence) return true;
            return WordPlausibility.Classify(word.Text, lexicon) switch
            {
                WordKind.Lexicon when WordPlausibility.Core(word.Text).Count(char.IsLetter) >= LongWordLetters => true,
                WordKind.NearWord => true,
                WordKind.Lexicon or WordKind.Number => word.Confidence >= FairConfidence,
                WordKind.Name => word.Confidence >= NameConfidence,
                _ => false,
            };
        }

        private bool UnderDarkRegion(BoundingBox box) =>
            page.DarkRegions.Any(r => r.ExtentBetween(box.Top, box.Bottom) is { IsEmpty: false } extent && extent.Left < box.Right && extent.Right > box.Left);

        private PageRegion RegionOf(IReadOnlyList<Word> words)
        {
            var box = BoundingBox.Union(words.Select(w => w.Box));
            var reading = string.Join(' ', words.Select(w => w.Text));
            RegionKind kind;
            if (AtEdge(page, box)) kind = RegionKind.PageEdge;
            else if (box.Height < SmallFactor * wordHeight || Median(words.Select(w => (double)w.Box.Height)) < SmallFactor * wordHeight)
                kind = box.Width > RuleLength * wordHeight ? RegionKind.Rule : RegionKind.Specks;
            else if (box.Height > StampHeight * wordHeight && box.Width < StampAspect * box.Height) kind = RegionKind.Stamp;
            else kind = RegionKind.Handwriting;
            return new PageRegion(kind, box, reading);
        }
    }

    private const float FairConfidence = 50;
    private const int LongWordLetters = 4;
    private const float NameConfidence = 60;

    /// <summary>A flat mark longer than this many typed word heights is a rule, not a row of specks.</summary>
    private const double RuleLength = 4;

    /// <summary>A stamp is at least this many typed word heights tall and less than <see cref="StampAspect"/> times as wide as tall.</summary>
    private const double StampHeight = 3;
    private const double StampAspect = 2.5;

    /// <summary>
    /// Dark regions the engine read nothing in that are no damage to the text: those at the image's side (the sheet's
    /// edge, the scanner's background or shadow) and small round solid ones beside the text (punch holes).
    /// </summary>
    private static IEnumerable<PageRegion> MarksOfDarkRegions(Page page, IReadOnlyList<Block> blocks)
    {
        var text = BoundingBox.Union(blocks.Select(b => b.Box));
        foreach (var dark in page.DarkRegions)
        {
            var box = dark.Box;
            if (AtEdge(page, box))
            {
                yield return new PageRegion(RegionKind.PageEdge, box, "");
                continue;
            }
            double inches = Math.Max(box.Width, box.Height) / (double)Math.Max(1, page.Dpi);
            bool round = box.Width < RoundAspect * box.Height && box.Height < RoundAspect * box.Width;
            bool besideText = text.IsEmpty || box.Right <= text.Left || box.Left >= text.Right || box.Bottom <= text.Top || box.Top >= text.Bottom;
            if (round && besideText && inches is >= MinHoleInches and <= MaxHoleInches)
                yield return new PageRegion(RegionKind.PunchHole, box, "");
        }
    }

    /// <summary>Punch holes are 5-8 mm across; a scan shows them 4-13 mm with their shadow.</summary>
    private const double MinHoleInches = 0.15;
    private const double MaxHoleInches = 0.5;
    private const double RoundAspect = 1.5;

    private static bool AtEdge(Page page, BoundingBox box)
    {
        int marginX = (int)Math.Ceiling(EdgeShare * page.Width), marginY = (int)Math.Ceiling(EdgeShare * page.Height);
        return box.Left <= marginX || box.Top <= marginY || box.Right >= page.Width - marginX || box.Bottom >= page.Height - marginY;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
