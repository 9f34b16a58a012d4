using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Imaging;

namespace IngestPipeline.Ocr.Recognition;

/// <summary>
/// A second reading of one stretch of the page under changed conditions: the crop alone, its levels stretched
/// (1st percentile to black, median paper to white), as a single line, so the page's layout analysis and the ink
/// around it play no part. Shared by the re-reading of gaps in lines and of doubtful words.
/// </summary>
internal static class StretchedReading
{
    private const int SingleLine = 7; // Tesseract PSM_SINGLE_LINE

    /// <summary>The words read in <paramref name="crop"/> (clipped to the page), with boxes in page pixels; none when the crop is too small to read.</summary>
    public static List<Word> Read(TesseractEngine engine, PageImage image, int dpi, BoundingBox crop)
    {
        int left = Math.Max(0, crop.Left), top = Math.Max(0, crop.Top);
        int right = Math.Min(image.Width, crop.Right), bottom = Math.Min(image.Height, crop.Bottom);
        if (right - left < 8 || bottom - top < 8) return [];
        using var piece = image.Crop(left, top, right - left, bottom - top);
        using var stretched = piece.StretchContrast();
        return engine.Recognize(stretched, dpi, pageSegmentationMode: SingleLine)
            .SelectMany(b => b.Lines).SelectMany(l => l.Words)
            .Where(w => w.Text.Length > 0)
            .Select(w => w with { Box = new BoundingBox(w.Box.Left + left, w.Box.Top + top, w.Box.Right + left, w.Box.Bottom + top) })
            .ToList();
    }
}
