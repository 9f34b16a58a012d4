using IngestPipeline.Ocr.Native;

namespace IngestPipeline.Ocr.Imaging;

/// <summary>
/// How tall the typed characters of a page are, in pixels, measured from the ink itself. A file's stated
/// resolution is often wrong (a 3,000-pixel-high scan labelled 96 dpi, a 72-dpi label on a 110-dpi scan), but
/// the height of the glyphs says what the engine will see.
/// </summary>
public static class GlyphSize
{
    /// <summary>
    /// The median height of the connected ink components shaped like characters (taller than a speck, smaller
    /// than a rule or a blot), or 0 when the page has too few to tell. Mostly lower-case letters, so close to the
    /// x-height: about 20-24 px for pica type scanned at 300 dpi.
    /// </summary>
    public static int MedianHeight(PageImage gray, int inkThreshold)
    {
        using var ink = gray.Binarize(inkThreshold);
        using var boxes = Leptonica.pixConnCompBB(ink.Handle, 8);
        if (boxes.IsInvalid) return 0;
        int count = Leptonica.boxaGetCount(boxes);
        var heights = new List<int>(count);
        for (int i = 0; i < count; i++)
        {
            Leptonica.boxaGetBoxGeometry(boxes, i, out _, out _, out int w, out int h);
            // Specks and full stops are below 3 px even on a small scan; lines, frames and blots are far wider than tall.
            if (h >= 3 && h <= 200 && w >= 2 && w <= 3 * h) heights.Add(h);
        }
        if (heights.Count < 50) return 0;
        heights.Sort();
        return heights[heights.Count / 2];
    }
}
