using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Imaging;

namespace IngestPipeline.Ocr.Recognition;

/// <summary>
/// Takes one decoded page from scan to words: grayscale, upright, deskewed, background flattened,
/// then recognised. The returned page's boxes refer to <see cref="RecognizedPage.Image"/>.
/// </summary>
public static class PageRecognizer
{
    public static RecognizedPage Recognize(TesseractEngine engine, OcrOptions options, PageImage scan, int pageNumber)
    {
        int dpi = scan.StoredDpi > 0 ? scan.StoredDpi : ScanLimits.Default.DefaultDpi;
        var steps = new List<string> { "grayscale" };
        var image = scan.ToGray();
        int rotation = 0;
        float skew = 0;
        try
        {
            if (options.DetectOrientation)
            {
                rotation = DetectRotation(engine, options, image, dpi);
                if (rotation != 0)
                {
                    Replace(ref image, image.RotateClockwise(rotation / 90));
                    steps.Add($"rotated {rotation}");
                }
            }
            if (options.Deskew)
            {
                Replace(ref image, image.Deskew(out skew));
                if (skew != 0) steps.Add($"deskewed {skew:0.##}");
            }
            if (options.NormalizeBackground)
            {
                Replace(ref image, image.NormalizeBackground());
                steps.Add("background normalised");
            }
            var blocks = ReadingOrder.Arrange(engine.Recognize(image, dpi));
            var page = new Page(pageNumber, image.Width, image.Height, dpi, blocks, new PageProcessing(rotation, skew, steps));
            return new RecognizedPage(page, image);
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    /// <summary>Clockwise degrees that turn the page upright.</summary>
    private static int DetectRotation(TesseractEngine engine, OcrOptions options, PageImage gray, int dpi)
    {
        // OSD needs only the shapes of characters: half resolution is plenty above 200 dpi.
        bool half = dpi >= 200;
        using var small = half ? gray.Scale(0.5f) : null;
        var (degrees, confidence) = engine.DetectOrientation(small ?? gray, half ? dpi / 2 : dpi);
        if (confidence < options.MinOrientationConfidence) return 0;
        return (360 - degrees) % 360;
    }

    private static void Replace(ref PageImage image, PageImage next)
    {
        image.Dispose();
        image = next;
    }
}

/// <summary>A recognised page and the processed image its boxes refer to (the caller disposes it).</summary>
public sealed record RecognizedPage(Page Page, PageImage Image) : IDisposable
{
    public void Dispose() => Image.Dispose();
}
