using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Native;

namespace IngestPipeline.Ocr.Imaging;

/// <summary>
/// Finds water stains that washed typing out: paper enclosed by a tide line (the darker outline where the water
/// stopped), holding no ink. Shrunk by averaging 4 x 4 pixels, typed words turn to gray blobs and a tide line to a
/// closed gray curve; the paper it encloses, not reached from the page's edge without crossing gray, is a hole.
/// Most holes are the paper inside a word's letters or between touching lines, too small or holding ink; a stain's is
/// as wide as a word, rounded (a ruled box encloses a rectangle), browned by the water against the paper around it,
/// empty of ink, outlined by gray more than by ink, and alone (a sheet once wet all over holds a network of them).
/// </summary>
public static unsafe class StainFinder
{
    private const int Reduction = 4;

    /// <summary>Gray levels below the paper from which a shrunk pixel is gray enough to outline a stain.</summary>
    private const int OutlineDarkerThan = 10;

    /// <summary>A stain's hole is at least this wide and tall (inches): a short word, the middle of a typed line.</summary>
    private const double MinWidthInches = 0.18, MinHeightInches = 0.05;

    /// <summary>At most this share of the hole's box: a ruled cell encloses all of its box, a stain's rounded outline less.</summary>
    private const double MaxBoxFill = 0.9;

    /// <summary>Share of the hole's pixels (full resolution) as dark as ink: a stain washed the words under it out.</summary>
    private const double MaxInkShare = 0.003;

    /// <summary>
    /// Gray levels the hole's paper is darker on average than the paper around it: water browns it. Against the page's
    /// paper, the paper between words shut in by blurred letters and underlines reads browned too.
    /// </summary>
    private const double MinBrowning = 2;

    /// <summary>
    /// At most this share of the hole's outline is ink: a tide line is gray, lighter than the typing; the words the
    /// engine read either side may touch it.
    /// </summary>
    private const double MaxWallInk = 0.5;

    /// <summary>A hole of the shrunk page: its box, and its pixels' count and summed levels.</summary>
    private record struct Hole(int Left, int Top, int Right, int Bottom, long Pixels, long Sum)
    {
        public readonly int Width => Right - Left;
        public readonly int Height => Bottom - Top;
        public readonly double Level => Sum / (double)Pixels;
    }

    public static IReadOnlyList<DarkRegion> Find(PageImage gray, int inkThreshold, int dpi)
    {
        using var small = new PageImage(Leptonica.pixScaleAreaMap(gray.Handle, 1f / Reduction, 1f / Reduction), "shrink the image");
        int width = small.Width, height = small.Height;
        var levels = Pixels(small);
        int paper = small.Level(0.5f);
        var outline = new bool[levels.Length];
        for (int i = 0; i < levels.Length; i++) outline[i] = levels[i] < paper - OutlineDarkerThan;
        var label = Holes(outline, width, height, out int holes);
        if (holes == 0) return [];
        var box = new Hole[holes + 1];
        for (int i = 1; i <= holes; i++) box[i] = new Hole(int.MaxValue, int.MaxValue, -1, -1, 0, 0);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int l = label[y * width + x];
                if (l <= 0) continue;
                var b = box[l];
                box[l] = new Hole(Math.Min(b.Left, x), Math.Min(b.Top, y), Math.Max(b.Right, x + 1), Math.Max(b.Bottom, y + 1), b.Pixels + 1, b.Sum + levels[y * width + x]);
            }
        int minWidth = (int)Math.Ceiling(MinWidthInches * dpi / Reduction), minHeight = (int)Math.Ceiling(MinHeightInches * dpi / Reduction);
        var stains = new List<DarkRegion>();
        for (int l = 1; l <= holes; l++)
        {
            var b = box[l];
            if (b.Width < minWidth || b.Height < minHeight || b.Height > 4 * b.Width) continue;
            if (b.Pixels > MaxBoxFill * b.Width * b.Height) continue;
            if (LocalPaper(levels, label, width, height, b) is not { } around || around - b.Level < MinBrowning) continue;
            // Row by row from the hole's first pixel to its last: paper around a word still typed is a hole too, but
            // the word lies within its rows.
            var rows = Rows(label, width, l, b);
            if (InkShare(gray, inkThreshold, rows) > MaxInkShare) continue;
            if (WallInk(gray, inkThreshold, label, width, height, l, b) > MaxWallInk) continue;
            if (Neighbours(box, l, minWidth, minHeight) > 0) continue;
            stains.Add(Region(rows));
        }
        return stains;
    }

    /// <summary>
    /// How many other holes, half a stain's width or wider, come within the hole's own height of it above or below: a
    /// network of tide lines (a sheet once wet all over, its typing still legible) encloses holes row above row; a
    /// stain over a line, pinched in several along it, holes side by side only.
    /// </summary>
    private static int Neighbours(Hole[] box, int l, int minWidth, int minHeight)
    {
        var b = box[l];
        int reach = b.Height, near = 0;
        for (int o = 1; o < box.Length; o++)
        {
            var c = box[o];
            if (o == l || c.Width < minWidth / 2 || c.Height < minHeight) continue;
            if (Math.Min(c.Bottom, b.Bottom) - Math.Max(c.Top, b.Top) >= Math.Min(c.Height, reach) / 2) continue;
            if (c.Left < b.Right + reach && c.Right > b.Left - reach && c.Top < b.Bottom + reach && c.Bottom > b.Top - reach) near++;
        }
        return near;
    }

    /// <summary>
    /// Mean level of the paper reached from the page's edge around the hole, as far out as the hole is tall; null where
    /// there is none (paper shut in by rules and letters all round, as between two underlines).
    /// </summary>
    private static double? LocalPaper(byte[] levels, int[] label, int width, int height, Hole hole)
    {
        int reach = hole.Height;
        long sum = 0, count = 0;
        for (int y = Math.Max(0, hole.Top - reach); y < Math.Min(height, hole.Bottom + reach); y++)
            for (int x = Math.Max(0, hole.Left - reach); x < Math.Min(width, hole.Right + reach); x++)
            {
                int i = y * width + x;
                if (label[i] != -1) continue;
                sum += levels[i];
                count++;
            }
        return count < reach ? null : sum / (double)count;
    }

    /// <summary>
    /// Share of the outline pixels around hole <paramref name="l"/> (shrunk) with ink under them (a full-resolution
    /// pixel darker than the ink threshold): letters and rules enclose paper too (an underline below its words).
    /// </summary>
    private static double WallInk(PageImage gray, int inkThreshold, int[] label, int width, int height, int l, Hole hole)
    {
        int walls = 0, inked = 0;
        for (int y = Math.Max(0, hole.Top - 1); y < Math.Min(height, hole.Bottom + 1); y++)
            for (int x = Math.Max(0, hole.Left - 1); x < Math.Min(width, hole.Right + 1); x++)
            {
                int i = y * width + x;
                bool wall = label[i] == 0 && (x > 0 && label[i - 1] == l || x + 1 < width && label[i + 1] == l
                    || y > 0 && label[i - width] == l || y + 1 < height && label[i + width] == l);
                if (!wall) continue;
                walls++;
                if (InkUnder(gray, inkThreshold, y, x, x) > 0) inked++;
            }
        return walls == 0 ? 0 : inked / (double)walls;
    }

    /// <summary>How many full-resolution pixels under shrunk pixels <paramref name="first"/>..<paramref name="last"/> of row <paramref name="y"/> are darker than the threshold.</summary>
    private static int InkUnder(PageImage gray, int inkThreshold, int y, int first, int last)
    {
        int wpl = Leptonica.pixGetWpl(gray.Handle), ink = 0;
        byte* data = (byte*)Leptonica.pixGetData(gray.Handle);
        for (int fy = y * Reduction; fy < Math.Min(gray.Height, (y + 1) * Reduction); fy++)
        {
            byte* line = data + (long)fy * wpl * 4;
            // Leptonica keeps 8-bit pixels in big-endian 32-bit words: byte x of a row is at x ^ 3 on little-endian machines.
            for (int fx = first * Reduction; fx < Math.Min(gray.Width, (last + 1) * Reduction); fx++)
                if (line[fx ^ 3] < inkThreshold) ink++;
        }
        return ink;
    }

    /// <summary>The shrunk page's levels, row after row: small enough to label in managed memory.</summary>
    private static byte[] Pixels(PageImage image)
    {
        int width = image.Width, height = image.Height, wpl = Leptonica.pixGetWpl(image.Handle);
        byte* data = (byte*)Leptonica.pixGetData(image.Handle);
        var levels = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            byte* line = data + (long)y * wpl * 4;
            // Leptonica keeps 8-bit pixels in big-endian 32-bit words: byte x of a row is at x ^ 3 on little-endian machines.
            for (int x = 0; x < width; x++) levels[y * width + x] = line[x ^ 3];
        }
        return levels;
    }

    /// <summary>
    /// Labels the paper enclosed by gray (4-connected components of non-outline pixels that do not reach the image's
    /// edge) 1..count; the paper reached from the edge is -1, the outline 0.
    /// </summary>
    private static int[] Holes(bool[] outline, int width, int height, out int count)
    {
        var label = new int[outline.Length];
        var stack = new Stack<int>();
        void Fill(int start, int value)
        {
            label[start] = value;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int i = stack.Pop(), x = i % width;
                if (x > 0) Visit(i - 1);
                if (x + 1 < width) Visit(i + 1);
                if (i >= width) Visit(i - width);
                if (i + width < outline.Length) Visit(i + width);
            }
            void Visit(int j)
            {
                if (outline[j] || label[j] != 0) return;
                label[j] = value;
                stack.Push(j);
            }
        }
        for (int x = 0; x < width; x++)
        {
            if (!outline[x] && label[x] == 0) Fill(x, -1);
            int bottom = (height - 1) * width + x;
            if (!outline[bottom] && label[bottom] == 0) Fill(bottom, -1);
        }
        for (int y = 0; y < height; y++)
        {
            int left = y * width, right = left + width - 1;
            if (!outline[left] && label[left] == 0) Fill(left, -1);
            if (!outline[right] && label[right] == 0) Fill(right, -1);
        }
        count = 0;
        for (int i = 0; i < outline.Length; i++)
            if (!outline[i] && label[i] == 0) Fill(i, ++count);
        return label;
    }

    /// <summary>Each row of hole <paramref name="l"/> from its first pixel to its last, on the shrunk page.</summary>
    private static List<(int Y, int First, int Last)> Rows(int[] label, int width, int l, Hole hole)
    {
        var rows = new List<(int, int, int)>();
        for (int y = hole.Top; y < hole.Bottom; y++)
        {
            int first = -1, last = -1;
            for (int x = hole.Left; x < hole.Right; x++)
            {
                if (label[y * width + x] != l) continue;
                if (first < 0) first = x;
                last = x;
            }
            if (first >= 0) rows.Add((y, first, last));
        }
        return rows;
    }

    /// <summary>Share of the full-resolution pixels of the rows darker than the ink threshold.</summary>
    private static double InkShare(PageImage gray, int inkThreshold, List<(int Y, int First, int Last)> rows)
    {
        long pixels = rows.Sum(r => (long)(r.Last - r.First + 1) * Reduction * Reduction);
        long ink = rows.Sum(r => (long)InkUnder(gray, inkThreshold, r.Y, r.First, r.Last));
        return pixels == 0 ? 1 : ink / (double)pixels;
    }

    /// <summary>The hole's rows with the tide line around them (a shrunk pixel each way), at full resolution.</summary>
    private static DarkRegion Region(List<(int Y, int First, int Last)> rows)
    {
        var bands = rows.Select(r => new BoundingBox((r.First - 1) * Reduction, r.Y * Reduction, (r.Last + 2) * Reduction, (r.Y + 1) * Reduction)).ToList();
        var all = BoundingBox.Union(bands);
        return new DarkRegion(new BoundingBox(all.Left, all.Top - Reduction, all.Right, all.Bottom + Reduction), bands) { Solidity = 0, Stain = true };
    }
}
