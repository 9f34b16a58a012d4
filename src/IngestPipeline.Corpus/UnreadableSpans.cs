namespace IngestPipeline.Corpus;

/// <summary>A run of words made unreadable on one line, and how.</summary>
public sealed record PlannedSpan(int Line, int FirstWord, int Count, string Kind, int[] DamageBox);

/// <summary>
/// Destroys runs of words, and decides by a stated rule whether each word is unreadable, from the generator's own
/// renderings: the same damage is drawn on the page and on the bare paper, so what the page is darker than the paper at
/// a pixel is the ink there, grain and stains cancelling out. A word's <b>contrast</b> is how much darker its letter pixels
/// are on average than the other pixels of its box. A word is <b>unreadable</b> when its contrast is under 12 gray levels
/// and under a tenth of what it was before the damage; <b>legible</b> when it keeps 40 % of its contrast and three
/// quarters of its letter pixels keep a third of their darkness; <b>doubtful</b> otherwise. A span stands only when each
/// of its words is unreadable and every other word the damage reaches stays legible, so no label lies near the boundary
/// (the margin): otherwise the damage is taken back.
/// </summary>
public static class UnreadableSpans
{
    /// <summary>The rule's numbers: see the class.</summary>
    public const double UnreadableLevels = 12, UnreadableShare = 0.10, LegibleShare = 0.40, LegiblePixels = 0.75, KeptDarkness = 1 / 3.0;

    private static readonly string[] Kinds = ["blot", "smudge", "fade", "hole", "torn", "water"];

    /// <param name="page">The page with its typing (paper times ink), damaged in place.</param>
    /// <param name="paper">The bare paper, damaged alike.</param>
    /// <param name="ink">The clean typing (white where there is none): where the letters are.</param>
    internal static List<PlannedSpan> Destroy(byte[] page, byte[] paper, byte[] ink, int width, List<RenderedWord> words, Random random)
    {
        var before = (byte[])page.Clone();
        var bare = (byte[])paper.Clone();
        var spans = new List<PlannedSpan>();
        var lines = words.GroupBy(w => w.Line).Where(g => g.Count() >= 3).ToList();
        int wanted = random.Next(1, 5);
        var byLine = lines.ToDictionary(g => g.Key, g => g.OrderBy(w => w.X0).ToList());
        for (int attempt = 0; attempt < wanted * 3 && spans.Count < wanted && lines.Count > 0; attempt++)
        {
            var line = lines[random.Next(lines.Count)].OrderBy(w => w.X0).ToList();
            if (spans.Any(s => s.Line == line[0].Line)) continue;
            string kind = Kinds[random.Next(Kinds.Length)];
            if (kind == "torn" && random.Next(2) == 0 && TornAcross(line[0].Line, byLine, spans, random) is { } across)
            {
                // The sheet torn away down its right edge over two or three lines: each line loses its last words.
                var tornRegion = Region([across.Min(r => r.Box[0]), across[0].Box[1], width, across[^1].Box[3]], width, page.Length / width, 40);
                var tornPage = Copy(page, width, tornRegion);
                var tornPaper = Copy(paper, width, tornRegion);
                var edges = TearAcross(page, paper, width, across.Select(r => r.Box).ToList(), random);
                var lost = across.SelectMany(r => r.Run).ToHashSet();
                var reached = words.Where(w => edges.Any(e => w.X1 > e[0] - 4 && w.Y1 > e[1] - 4 && w.Y0 < e[3] + 4)).ToList();
                if (reached.All(w => Judge(w, page, paper, before, bare, ink, width) == (lost.Contains(w) ? Legibility.Unreadable : Legibility.Legible)))
                    spans.AddRange(across.Select((r, k) => new PlannedSpan(r.Run[0].Line, r.First, r.Run.Count, "torn", edges[k])));
                else
                {
                    Restore(page, width, tornRegion, tornPage);
                    Restore(paper, width, tornRegion, tornPaper);
                }
                continue;
            }
            int count = kind is "torn" ? random.Next(1, 3) : kind is "hole" ? 1 : random.Next(1, Math.Min(4, line.Count - 1) + 1);
            int first = kind == "torn" ? line.Count - count : random.Next(0, line.Count - count + 1);
            var run = line.GetRange(first, count);
            // The run's letters and a little round them: a space between words can be as narrow as 12 px on a printed page.
            var box = new[] { run.Min(w => w.X0) - 3, run.Min(w => w.Y0) - 6, run.Max(w => w.X1) + 3, run.Max(w => w.Y1) + 6 };
            if (kind == "hole" && box[2] - box[0] > 2 * (box[3] - box[1])) kind = "blot"; // a hole round a long word would take the lines beside it
            if (kind == "torn") box[2] = width;
            // What the damage may reach: the run's box with room for a blot's ragged edge.
            var region = Region(box, width, page.Length / width, 40 + (box[2] - box[0]) / 4);
            var savedPage = Copy(page, width, region);
            var savedPaper = Copy(paper, width, region);
            var damageBox = Draw(kind, page, paper, width, box, random);
            var touched = words.Where(w => w.X1 > damageBox[0] - 4 && w.X0 < damageBox[2] + 4 && w.Y1 > damageBox[1] - 4 && w.Y0 < damageBox[3] + 4).ToList();
            bool stands = touched.All(w => run.Contains(w)
                ? Judge(w, page, paper, before, bare, ink, width) == Legibility.Unreadable
                : Judge(w, page, paper, before, bare, ink, width) == Legibility.Legible);
            if (stands) spans.Add(new PlannedSpan(line[0].Line, first, count, kind, damageBox));
            else
            {
                Restore(page, width, region, savedPage);
                Restore(paper, width, region, savedPaper);
            }
        }
        return spans;
    }

    /// <summary>
    /// Two or three lines from <paramref name="start"/> on, each of three words or more and none with a span yet, each
    /// to lose its last one or two words to a tear; null when the lines below do not allow it.
    /// </summary>
    private static List<(List<RenderedWord> Run, int First, int[] Box)>? TornAcross(int start, Dictionary<int, List<RenderedWord>> byLine,
        List<PlannedSpan> spans, Random random)
    {
        int count = random.Next(2, 4);
        var across = new List<(List<RenderedWord>, int, int[])>();
        for (int l = start; l < start + count; l++)
        {
            if (!byLine.TryGetValue(l, out var line) || spans.Any(s => s.Line == l)) return null;
            int lost = random.Next(1, 3), first = line.Count - lost;
            var run = line.GetRange(first, lost);
            across.Add((run, first, [run.Min(w => w.X0) - 3, run.Min(w => w.Y0) - 6, run.Max(w => w.X1) + 3, run.Max(w => w.Y1) + 6]));
        }
        return across;
    }

    /// <summary>
    /// Tears away the sheet right of each line's lost words, down from the first line to the last, the edge stepping
    /// between lines halfway; returns each line's torn box.
    /// </summary>
    private static List<int[]> TearAcross(byte[] page, byte[] paper, int width, List<int[]> boxes, Random random)
    {
        int height = page.Length / width;
        byte shade = (byte)random.Next(25, 70);
        var edges = new List<int[]>();
        for (int k = 0; k < boxes.Count; k++)
        {
            int top = k == 0 ? boxes[k][1] - 10 : (boxes[k - 1][3] + boxes[k][1]) / 2;
            int bottom = k == boxes.Count - 1 ? boxes[k][3] + 10 : (boxes[k][3] + boxes[k + 1][1]) / 2;
            int left = boxes[k][0] - random.Next(0, 6);
            foreach (var image in new[] { page, paper })
                for (int y = Math.Max(0, top); y < Math.Min(height, bottom); y++)
                    for (int x = Math.Max(0, left - random.Next(0, 4)); x < width; x++) image[y * width + x] = shade;
            edges.Add([left - 4, top, width, bottom]);
        }
        return edges;
    }

    public enum Legibility { Legible, Doubtful, Unreadable }

    /// <summary>
    /// The rule (see the class): <paramref name="page"/> against <paramref name="paper"/> after the damage,
    /// <paramref name="before"/> against <paramref name="bare"/> before it; <paramref name="ink"/> says where the letters are.
    /// </summary>
    public static Legibility Judge(RenderedWord word, byte[] page, byte[] paper, byte[] before, byte[] bare, byte[] ink, int width)
    {
        long letters = 0, others = 0, keptPixels = 0;
        double lettersNow = 0, lettersWas = 0, othersNow = 0, othersWas = 0;
        for (int y = word.Y0; y < word.Y1; y++)
            for (int x = word.X0; x < word.X1; x++)
            {
                int i = y * width + x;
                int now = paper[i] - page[i], was = bare[i] - before[i];
                if (ink[i] < 160)
                {
                    letters++;
                    lettersNow += now;
                    lettersWas += was;
                    if (now >= was * KeptDarkness) keptPixels++;
                }
                else if (ink[i] > 240)
                {
                    others++;
                    othersNow += now;
                    othersWas += was;
                }
            }
        if (letters == 0 || others == 0) return Legibility.Doubtful;
        double contrastNow = lettersNow / letters - othersNow / others, contrastWas = lettersWas / letters - othersWas / others;
        if (contrastWas <= 0) return Legibility.Doubtful;
        if (contrastNow < UnreadableLevels && contrastNow < UnreadableShare * contrastWas) return Legibility.Unreadable;
        return contrastNow >= LegibleShare * contrastWas && keptPixels >= LegiblePixels * letters ? Legibility.Legible : Legibility.Doubtful;
    }

    /// <summary>Draws the damage on the page and the paper alike; returns the box it covers.</summary>
    private static int[] Draw(string kind, byte[] page, byte[] paper, int width, int[] box, Random random)
    {
        int height = page.Length / width;
        switch (kind)
        {
            case "blot":
            {
                byte shade = (byte)random.Next(15, 55);
                int cx = (box[0] + box[2]) / 2, cy = (box[1] + box[3]) / 2, rx = (box[2] - box[0]) / 2 + random.Next(2, 6), ry = (box[3] - box[1]) / 2 + random.Next(4, 12);
                foreach (var image in new[] { page, paper }) Ellipse(image, width, cx, cy, rx, ry, shade, random.Next());
                return [cx - rx - 4, cy - ry - 4, cx + rx + 4, cy + ry + 4];
            }
            case "hole":
            {
                int cx = (box[0] + box[2]) / 2, cy = (box[1] + box[3]) / 2, r = Math.Max(box[2] - box[0], box[3] - box[1]) / 2 + 4;
                foreach (var image in new[] { page, paper }) Ellipse(image, width, cx, cy, r, r, 45, seed: -1);
                return [cx - r, cy - r, cx + r, cy + r];
            }
            case "torn":
            {
                byte shade = (byte)random.Next(25, 70);
                foreach (var image in new[] { page, paper })
                    for (int y = Math.Max(0, box[1] - 10); y < Math.Min(height, box[3] + 10); y++)
                        for (int x = Math.Max(0, box[0] - random.Next(0, 6)); x < width; x++) image[y * width + x] = shade;
                return [box[0] - 6, box[1] - 10, width, box[3] + 10];
            }
            case "fade":
            {
                // The ribbon gave nothing: a hundredth of the ink at most, and scattered specks of it.
                double left = random.NextDouble() * 0.01;
                for (int y = Math.Max(0, box[1]); y < Math.Min(height, box[3]); y++)
                    for (int x = Math.Max(0, box[0]); x < Math.Min(width, box[2]); x++)
                    {
                        int i = y * width + x;
                        double keep = random.NextDouble() < 0.02 ? 0.3 : left;
                        page[i] = (byte)(paper[i] - (paper[i] - page[i]) * keep);
                    }
                return box;
            }
            case "water":
            {
                // Water: the ribbon's ink washed out inside the stain, the paper there browned more towards its edge, and a
                // darker tide line along a wavering outline where the water stopped; drawn alike on the paper, so the rule
                // sees only the washed-out letters.
                int cx = (box[0] + box[2]) / 2, cy = (box[1] + box[3]) / 2, rx = (box[2] - box[0]) / 2 + random.Next(6, 14), ry = (box[3] - box[1]) / 2 + random.Next(3, 7);
                int browned = random.Next(6, 18), tide = random.Next(20, 45);
                double washed = random.NextDouble() * 0.03, rim = random.Next(3, 7) / (double)Math.Min(rx, ry);
                double phase1 = random.NextDouble() * Math.Tau, phase2 = random.NextDouble() * Math.Tau;
                for (int y = Math.Max(0, cy - 2 * ry); y < Math.Min(height, cy + 2 * ry); y++)
                    for (int x = Math.Max(0, cx - 2 * rx); x < Math.Min(width, cx + 2 * rx); x++)
                    {
                        double dx = (x - cx) / (double)rx, dy = (y - cy) / (double)ry, angle = Math.Atan2(dy, dx);
                        double outline = 1 + 0.10 * Math.Sin(3 * angle + phase1) + 0.05 * Math.Sin(7 * angle + phase2);
                        double r = Math.Sqrt(dx * dx + dy * dy) / outline;
                        if (r > 1) continue;
                        int i = y * width + x;
                        int stain = (int)(browned * (0.4 + 0.6 * r * r)) + (r >= 1 - rim ? tide : 0);
                        page[i] = (byte)Math.Max(0, paper[i] - (paper[i] - page[i]) * washed - stain);
                        paper[i] = (byte)Math.Max(0, paper[i] - stain);
                    }
                int reachX = (int)(rx * 1.16) + 1, reachY = (int)(ry * 1.16) + 1;
                return [cx - reachX, cy - reachY, cx + reachX, cy + reachY];
            }
            default: // smudge: the letters dragged into a grey smear
            {
                int radius = random.Next(18, 28);
                int darker = random.Next(40, 80);
                foreach (var image in new[] { page, paper })
                {
                    BoxBlur(image, width, box, radius);
                    for (int y = Math.Max(0, box[1]); y < Math.Min(height, box[3]); y++)
                        for (int x = Math.Max(0, box[0]); x < Math.Min(width, box[2]); x++) image[y * width + x] = (byte)Math.Max(0, image[y * width + x] - darker);
                }
                return box;
            }
        }
    }

    private static void Ellipse(byte[] image, int width, int cx, int cy, int rx, int ry, byte shade, int seed)
    {
        var edge = new Random(seed);
        // A ragged edge of a few pixels, whatever the size (a blot wider than a word must not reach the next one); a
        // punch hole (seed −1) is round.
        double wobble = seed < 0 ? 0 : (2 + edge.NextDouble() * 5) / Math.Min(rx, ry), phase = edge.NextDouble() * Math.Tau;
        int height = image.Length / width;
        for (int y = Math.Max(0, cy - ry * 2); y < Math.Min(height, cy + ry * 2); y++)
            for (int x = Math.Max(0, cx - rx * 2); x < Math.Min(width, cx + rx * 2); x++)
            {
                double dx = (x - cx) / (double)rx, dy = (y - cy) / (double)ry;
                double reach = 1 + wobble * Math.Sin(5 * Math.Atan2(dy, dx) + phase);
                if (dx * dx + dy * dy <= reach * reach) image[y * width + x] = shade;
            }
    }

    private static void BoxBlur(byte[] image, int width, int[] box, int radius)
    {
        int height = image.Length / width;
        int x0 = Math.Max(0, box[0]), x1 = Math.Min(width, box[2]), y0 = Math.Max(0, box[1]), y1 = Math.Min(height, box[3]);
        var copy = (byte[])image.Clone();
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++)
            {
                int sum = 0, n = 0;
                for (int yy = Math.Max(0, y - radius / 2); yy <= Math.Min(height - 1, y + radius / 2); yy += 2)
                    for (int xx = Math.Max(0, x - radius); xx <= Math.Min(width - 1, x + radius); xx += 2)
                    {
                        sum += copy[yy * width + xx];
                        n++;
                    }
                image[y * width + x] = (byte)(sum / n);
            }
    }

    private static (int X0, int Y0, int X1, int Y1) Region(int[] box, int width, int height, int margin) =>
        (Math.Max(0, box[0] - margin), Math.Max(0, box[1] - margin), Math.Min(width, box[2] + margin), Math.Min(height, box[3] + margin));

    private static byte[] Copy(byte[] image, int width, (int X0, int Y0, int X1, int Y1) r)
    {
        int w = r.X1 - r.X0;
        var copy = new byte[w * (r.Y1 - r.Y0)];
        for (int y = r.Y0; y < r.Y1; y++) Array.Copy(image, y * width + r.X0, copy, (y - r.Y0) * w, w);
        return copy;
    }

    private static void Restore(byte[] image, int width, (int X0, int Y0, int X1, int Y1) r, byte[] copy)
    {
        int w = r.X1 - r.X0;
        for (int y = r.Y0; y < r.Y1; y++) Array.Copy(copy, (y - r.Y0) * w, image, y * width + r.X0, w);
    }
}
