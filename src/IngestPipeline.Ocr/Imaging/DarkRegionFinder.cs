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
            int count = Leptonica.boxaGetCount(boxes);
            for (int i = 0; i < count; i++)
            {
                Leptonica.boxaGetBoxGeometry(boxes, i, out int x, out int y, out int w, out int h);
                if (w < minSize || h < minSize) continue;
                const int clone = 2;
                using var component = new PageImage(Leptonica.pixaGetPix(components, i, clone), "read a region");
                var region = Trace(component, x, y, w, h);
                if (region is not null) regions.Add(region);
            }
            return regions;
        }
        finally
        {
            Leptonica.pixaDestroy(ref components);
        }
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
            int left = -1, right = -1;
            for (int col = 0; col < w; col++)
            {
                if (((line[col >> 5] >> (31 - (col & 31))) & 1) == 0) continue;
                filled++;
                if (left < 0) left = col;
                right = col;
            }
            if (left >= 0) spanned += right - left + 1;
            if (left >= 0)
                rows.Add(new BoundingBox((x + left) * Reduction, (y + row) * Reduction, (x + right + 1) * Reduction, (y + row + 1) * Reduction));
        }
        if (filled < MinRowFill * spanned) return null;
        return new DarkRegion(new BoundingBox(x * Reduction, y * Reduction, (x + w) * Reduction, (y + h) * Reduction), rows);
    }
}
