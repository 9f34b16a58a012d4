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
        var typed = BoundingBox.Union(sure.Select(w => w.Box));
        // A water stain beside the typing washed nothing out; one over it is damage whatever its shape or place.
        var stains = page.DarkRegions.Where(d => d.Stain).ToList();
        var (holes, edges) = MarksOfDarkRegions(page with { DarkRegions = page.DarkRegions.Except(stains).ToList() }, typed);
        // A dark region with typing read surely inside it is a dark scan or background, not a blot: the text is there.
        var backgrounds = page.DarkRegions.Where(d => sure.Count(w => Holds(d, w.Box)) >= PageInk.MinSureWords).ToList();
        // The sheet's edge or the scanner's shadow wholly beside the typing covers no text (a tear at the side that
        // reaches into the typed column does).
        var besideTyping = edges.Where(e => Beside(e.Box, typed));
        var damage = page.DarkRegions.Except(stains).Except(holes).Except(backgrounds).Except(besideTyping)
            .Concat(stains.Where(s => !Beside(s.Box, typed))).ToList();
        var typing = new Typing(page, typed, Median(sure.Select(w => (double)w.Box.Height)), lexicon, holes, damage);
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
        regions.AddRange(holes.Select(h => new PageRegion(RegionKind.PunchHole, h.Box, string.Join(' ', typing.ReadIn(h)))));
        regions.AddRange(edges.Select(e => new PageRegion(RegionKind.PageEdge, e.Box, "")));
        // Only blots and tears remain evidence of lost text.
        return page with { Blocks = blocks, Regions = regions, DarkRegions = damage };
    }

    /// <summary>Whether the word's centre lies within the region's dark rows (not just its bounding box).</summary>
    private static bool Holds(DarkRegion region, BoundingBox word) =>
        region.ExtentBetween(word.CenterY, word.CenterY + 1) is { IsEmpty: false } extent
        && word.Left + word.Width / 2 is var x && x >= extent.Left && x < extent.Right;

    /// <summary>The page's typed word height and what reads as typing on it.</summary>
    /// <param name="damage">The dark regions that are damage to the text (blots, tears).</param>
    /// <param name="typedBox">The box of the words read surely.</param>
    private sealed class Typing(Page page, BoundingBox typedBox, double wordHeight, Lexicon lexicon, IReadOnlyList<DarkRegion> holes, IReadOnlyList<DarkRegion> damage)
    {
        private readonly Dictionary<DarkRegion, List<string>> _readInHoles = [];

        /// <summary>What the engine read in a punch hole (taken out of the lines by <see cref="Split"/>).</summary>
        public IReadOnlyList<string> ReadIn(DarkRegion hole) => _readInHoles.GetValueOrDefault(hole) ?? [];

        /// <summary>The line without its foreign marks, which are added to <paramref name="regions"/>.</summary>
        public Line Split(Line line, List<PageRegion> regions)
        {
            var read = line.Words.Select(ReadAsTyping).ToArray();
            var words = new List<Word>(line.Words.Count);
            var kept = new List<bool>(line.Words.Count);
            for (int i = 0; i < line.Words.Count; i++)
            {
                var word = line.Words[i];
                if (!read[i] && holes.FirstOrDefault(h => Contains(h.Box, word.Box)) is { } hole)
                {
                    (_readInHoles.TryGetValue(hole, out var texts) ? texts : _readInHoles[hole] = []).Add(word.Text);
                    continue;
                }
                words.Add(word);
                kept.Add(read[i]);
            }
            if (words.Count == 0) return line with { Words = [] };
            if (words.Any(w => UnderDarkRegion(w.Box))) return Rebuilt(line, words);
            // Judged by its words with a letter or digit; a line of marks alone ("#,", "—") by all of them.
            var content = words.Select((w, i) => (Word: w, Read: kept[i])).Where(x => x.Word.Text.Any(char.IsLetterOrDigit)).ToList();
            if (content.Count == 0) content = words.Select((w, i) => (Word: w, Read: kept[i])).ToList();
            if (content.Count > 0 && content.Count(x => x.Read) * 3 < content.Count)
            {
                double height = Median(content.Select(x => (double)x.Word.Box.Height));
                // At the image's side and wholly beyond the typed text, such a line is the sheet's edge or its shadow.
                var box = BoundingBox.Union(words.Select(w => w.Box));
                if (height > TallFactor * wordHeight || height < SmallFactor * wordHeight || (AtEdge(page, box) && Beside(box, typedBox)))
                {
                    regions.Add(RegionOf(words));
                    return line with { Words = [] };
                }
                if (SecondReadsMarksAlone(words))
                {
                    regions.Add(new PageRegion(RegionKind.Rule, BoundingBox.Union(words.Select(w => w.Box)), string.Join(' ', words.Select(w => w.Text))));
                    return line with { Words = [] };
                }
                // The other line holds the ink, so the transcript keeps it: nothing goes to the regions.
                if (ReadByAnotherLine(line, words)) return line with { Words = [] };
            }
            bool Foreign(int i) => !kept[i] && (words[i].Box.Height > InLineTallFactor * wordHeight
                || (words[i].Box.Height < SmallFactor * wordHeight && words[i].Box.Width > RuleLength * wordHeight));
            var typed = new List<Word>();
            for (int i = 0; i < words.Count;)
            {
                if (!Foreign(i))
                {
                    typed.Add(words[i++]);
                    continue;
                }
                int end = i;
                while (end + 1 < words.Count && Foreign(end + 1)) end++;
                regions.Add(RegionOf(words.GetRange(i, end - i + 1)));
                i = end + 1;
            }
            return Rebuilt(line, typed);
        }

        /// <summary>
        /// Whether a second recogniser read the whole line and found marks where the engine read letters: a rule typed
        /// with the hyphen or the full stop ("-----", "......"), whose marks the engine takes for "a", "un", "mn" and the
        /// second, now and then, for a letter ("-L").
        /// </summary>
        private static bool SecondReadsMarksAlone(List<Word> words)
        {
            if (!words.All(w => w.Readings is [_, _])) return false;
            var second = string.Concat(words.Select(w => w.Readings![1].Text));
            int letters = second.Count(char.IsLetterOrDigit);
            return second.Length - letters >= MarksOfARule && letters * LettersInARule <= second.Length;
        }

        /// <summary>
        /// Whether most of the line's ink (by its words' area) lies on the words of another line that reads as typing:
        /// the engine made two lines of one band of faint or crowded type, and this unsure one is the same ink read again.
        /// </summary>
        private bool ReadByAnotherLine(Line line, List<Word> words)
        {
            long area = words.Sum(w => (long)w.Box.Width * w.Box.Height);
            return area > 0 && page.Lines.Any(other => !ReferenceEquals(other, line) && other.Box.OverlapArea(line.Box) > 0
                && words.Sum(w => other.Words.Sum(o => w.Box.OverlapArea(o.Box))) * 2 >= area
                && other.Words.Count(ReadAsTyping) is var read && read > 0
                && read * 3 >= other.Words.Count(o => o.Text.Any(char.IsLetterOrDigit)));
        }

        private static Line Rebuilt(Line line, List<Word> words) =>
            words.Count == line.Words.Count ? line : line with { Box = BoundingBox.Union(words.Select(w => w.Box)), Words = words };

        /// <summary>Whether the word's centre lies in the box.</summary>
        private static bool Contains(BoundingBox box, BoundingBox word) =>
            word.Left + word.Width / 2 is var x && word.CenterY is var y && x >= box.Left && x < box.Right && y >= box.Top && y < box.Bottom;

        /// <summary>
        /// Whether the engine read the word as something typed: surely, as a word of the lexicon of four letters or
        /// more, or as a short word, a word one slip from the lexicon's, a number or a name with fair confidence. Pen
        /// strokes come out as short words ("a", "un", "Mh") read at 20-30, as garbage, or as a long word near a real
        /// one read at 0 ("Éronas"); a typed word the reader wants stays, however tall its box (a handwritten stroke
        /// through it, an underline).
        /// </summary>
        private bool ReadAsTyping(Word word)
        {
            if (word.IsIllegible || word.Corrected || word.Confidence >= PageInk.SureConfidence) return true;
            return WordPlausibility.Classify(word.Text, lexicon) switch
            {
                WordKind.Lexicon when WordPlausibility.Core(word.Text).Count(char.IsLetter) >= LongWordLetters => true,
                WordKind.Lexicon or WordKind.Number or WordKind.NearWord => word.Confidence >= FairConfidence,
                WordKind.Name => word.Confidence >= NameConfidence,
                _ => false,
            };
        }

        private bool UnderDarkRegion(BoundingBox box) =>
            damage.Any(r => r.ExtentBetween(box.Top, box.Bottom) is { IsEmpty: false } extent && extent.Left < box.Right && extent.Right > box.Left);

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

    /// <summary>A line the second recogniser reads as at least this many marks, and no more than one letter in <see cref="LettersInARule"/> characters, is a typed rule.</summary>
    private const int MarksOfARule = 5;
    private const int LettersInARule = 10;
    private const int LongWordLetters = 4;
    private const float NameConfidence = 60;

    /// <summary>A flat mark longer than this many typed word heights is a rule, not a row of specks.</summary>
    private const double RuleLength = 4;

    /// <summary>A stamp is at least this many typed word heights tall and less than <see cref="StampAspect"/> times as wide as tall.</summary>
    private const double StampHeight = 3;
    private const double StampAspect = 2.5;

    /// <summary>
    /// Dark regions that are no damage to the text: those at the image's side (the sheet's edge, the scanner's
    /// background or shadow) and small round solid ones beside the typing (punch holes; what the engine read in one is
    /// no word). <paramref name="typing"/> is the box of the words read surely.
    /// </summary>
    private static (List<DarkRegion> Holes, List<DarkRegion> Edges) MarksOfDarkRegions(Page page, BoundingBox typing)
    {
        var (holes, edges) = (new List<DarkRegion>(), new List<DarkRegion>());
        foreach (var dark in page.DarkRegions)
        {
            var box = dark.Box;
            if (AtEdge(page, box))
            {
                edges.Add(dark);
                continue;
            }
            double inches = Math.Max(box.Width, box.Height) / (double)Math.Max(1, page.Dpi);
            bool round = box.Width < RoundAspect * box.Height && box.Height < RoundAspect * box.Width;
            if (round && Beside(box, typing) && inches is >= MinHoleInches and <= MaxHoleInches) holes.Add(dark);
        }
        return (holes, edges);
    }

    /// <summary>Punch holes are 5-8 mm across; a scan shows them 4-13 mm with their shadow.</summary>
    private const double MinHoleInches = 0.15;
    private const double MaxHoleInches = 0.5;
    private const double RoundAspect = 1.5;

    private static bool Beside(BoundingBox box, BoundingBox typing) =>
        box.Right <= typing.Left || box.Left >= typing.Right || box.Bottom <= typing.Top || box.Top >= typing.Bottom;

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
