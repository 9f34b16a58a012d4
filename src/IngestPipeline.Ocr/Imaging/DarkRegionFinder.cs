using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Native;

namespace IngestPipeline.Ocr.Imaging;

/// <summary>
/// Finds large, solid dark regions on a page: ink blots, and the scanner background where a piece of
/// the sheet is torn away. The page is first shrunk by averaging 4 x 4 pixels: typed text then turns
/// light gray while a solid region stays dark, so one threshold separates them. These regions are
/// evidence that the text under or beside them is lost.
/// </summary>
public static unsafe class DarkRegionFinder
{
    /// <summary>Regions at least this tall and wide (inches): taller than any typed character.</summary>
    private const double MinSizeInches = 0.12;

    /// <summary>
    /// Share of each row's span (leftmost to rightmost dark pixel) that must be dark: blots and tears are
    /// solid row by row, whatever their outline (a tear's box is mostly paper).
    /// </summary>
    private const double MinRowFill = 0.7;

    private const int Reduction = 4;

    public static IReadOnlyList<DarkRegion> Find(PageImage gray, int inkThreshold, int dpi)
    {
        using var small = new PageImage(Leptonica.pixScaleAreaMap(gray.Handle, 1f / Reduction, 1f / Reduction), "shrink the image");
        using var anyDark = small.Binarize(inkThreshold);
        // Opening with a 3 x 3 brick (12 px at full size) erases strokes of heavy type and the thin bridges
        // through which a tear touches the lines beside it; solid regions keep their shape.
        using var dark = new PageImage(Leptonica.pixOpenBrick(IntPtr.Zero, anyDark.Handle, 3, 3), "open the dark mask");
        using var boxes = Leptonica.pixConnComp(dark.Handle, out var components, 8);
        try
        {
            if (boxes.IsInvalid) return [];
            int minSize = (int)Math.Ceiling(MinSizeInches * dpi / Reduction);
            var regions = new List<DarkRegion>();
            int? solidBelow = null;
            int count = Leptonica.boxaGetCount(boxes);
            for (int i = 0; i < count; i++)
            {
                Leptonica.boxaGetBoxGeometry(boxes, i, out int x, out int y, out int w, out int h);
                if (w < minSize || h < minSize) continue;
                const int clone = 2;
                using var component = new PageImage(Leptonica.pixaGetPix(components, i, clone), "read a region");
                var region = Trace(component, x, y, w, h);
                if (region is not null) regions.Add(region with { Solidity = Solidity(gray, solidBelow ??= SolidBelow(gray, inkThreshold), region) });
            }
            return regions;
        }
        finally
        {
            Leptonica.pixaDestroy(ref components);
        }
    }

    /// <summary>
    /// The level a region's pixels must be darker than to count as solid: halfway from the ink threshold to the darkest
    /// ink on the page (its 1st percentile), and clearly darker than the paper (the page's median). A blot, a hole or
    /// the backing behind a tear is as dark as the type's strokes throughout; letters smeared by water are a gray
    /// just under the threshold, and on a gray, low-contrast scan the threshold can fall above the paper itself.
    /// </summary>
    private static int SolidBelow(PageImage gray, int inkThreshold) =>
        Math.Min((gray.Level(0.01f) + inkThreshold) / 2, gray.Level(0.5f) - MinDarknessBelowPaper);

    /// <summary>Gray levels below the paper from which a pixel counts towards a region's solidity.</summary>
    private const int MinDarknessBelowPaper = 40;

    /// <summary>
    /// Share of the pixels of the region's rows, at full resolution, darker than <paramref name="below"/>. Each row is
    /// taken a shrunk pixel in from either end, where its edge was rounded out to the grid.
    /// </summary>
    private static double Solidity(PageImage gray, int below, DarkRegion region)
    {
        int wpl = Leptonica.pixGetWpl(gray.Handle);
        byte* data = (byte*)Leptonica.pixGetData(gray.Handle);
        long pixels = 0, dark = 0;
        foreach (var row in region.Rows)
        {
            int left = Math.Max(0, row.Left + Reduction), right = Math.Min(gray.Width, row.Right - Reduction);
            for (int y = Math.Max(0, row.Top); y < Math.Min(gray.Height, row.Bottom); y++)
            {
                byte* line = data + (long)y * wpl * 4;
                for (int x = left; x < right; x++)
                {
                    // Leptonica keeps 8-bit pixels in big-endian 32-bit words: byte x of a row is at x ^ 3 on little-endian machines.
                    if (line[x ^ 3] < below) dark++;
                    pixels++;
                }
            }
        }
        return pixels == 0 ? 1 : Math.Round(dark / (double)pixels, 3);
    }

    /// <summary>The component's extent row by row (its own pixels only, not its neighbours' in the box), or null when it is not solid.</summary>
    private static DarkRegion? Trace(PageImage component, int x, int y, int w, int h)
    {
        int wpl = Leptonica.pixGetWpl(component.Handle);
        uint* bits = Leptonica.pixGetData(component.Handle);
        var rows = new List<BoundingBox>();
        long filled = 0, spanned = 0;
        for (int row = 0; row < h; row++)
        {
            uint* line = bits + (long)row * wpl;
            int left = -1, right = -1, runStart = -1, runEnd = -1;
            for (int col = 0; col < w; col++)
            {
                if (((line[col >> 5] >> (31 - (col & 31))) & 1) == 0) continue;
                filled++;
                if (left < 0) left = col;
                right = col;
                // The row's runs, a gap of one shrunk pixel bridged: a tear's ragged outline can hold paper (and typing) in
                // a bay between two tongues of the backing, which the row's extent alone would cover.
                if (runStart >= 0 && col > runEnd + 2)
                {
                    rows.Add(Band(x + runStart, x + runEnd + 1, y + row));
                    runStart = -1;
                }
                if (runStart < 0) runStart = col;
                runEnd = col;
            }
            if (left >= 0)
            {
                spanned += right - left + 1;
                rows.Add(Band(x + runStart, x + runEnd + 1, y + row));
            }
        }
        if (filled < MinRowFill * spanned) return null;
        return new DarkRegion(new BoundingBox(x * Reduction, y * Reduction, (x + w) * Reduction, (y + h) * Reduction), rows);
    }

    /// <summary>A run of one row of the shrunk page, at full resolution.</summary>
    private static BoundingBox Band(int left, int right, int row) =>
        new(left * Reduction, row * Reduction, right * Reduction, (row + 1) * Reduction);
}
