using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Imaging;

namespace IngestPipeline.Ocr.Recognition;

/// <summary>
/// Reads once more, as a single line and with the contrast stretched, each stretch of a line where the layout says
/// words are missing. Most pages have no such stretch, so this costs nothing there; where one exists the crop is a
/// few hundred pixels wide and reads in milliseconds.
/// </summary>
public static class GapRereader
{
    private const int SingleLine = 7; // Tesseract PSM_SINGLE_LINE

    public static IReadOnlyList<TextGap> Reread(TesseractEngine engine, PageImage image, Page page, InkMeter? meter)
    {
        var gaps = TextGapFinder.Find(page);
        if (gaps.Count == 0) return [];
        var result = new List<TextGap>(gaps.Count);
        foreach (var gap in gaps)
        {
            // A little paper above and below: Tesseract finds the line better with some margin.
            int pad = gap.Height / 3;
            var crop = new BoundingBox(
                Math.Max(0, gap.Left), Math.Max(0, gap.Top - pad),
                Math.Min(image.Width, gap.Right), Math.Min(image.Height, gap.Bottom + pad));
            if (crop.Width < 8 || crop.Height < 8)
            {
                result.Add(new TextGap(gap, []) { Ink = meter?.Of(gap) });
                continue;
            }
            using var piece = image.Crop(crop.Left, crop.Top, crop.Width, crop.Height);
            using var stretched = piece.StretchContrast();
            var words = engine.Recognize(stretched, page.Dpi, pageSegmentationMode: SingleLine)
                .SelectMany(b => b.Lines).SelectMany(l => l.Words)
                .Where(w => w.Text.Length > 0)
                .Select(w => w with { Box = new BoundingBox(w.Box.Left + crop.Left, w.Box.Top + crop.Top, w.Box.Right + crop.Left, w.Box.Bottom + crop.Top) })
                .ToList();
            result.Add(new TextGap(gap, words) { Ink = meter?.Of(gap) });
        }
        return result;
    }
}
