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
    public static IReadOnlyList<TextGap> Reread(TesseractEngine engine, PageImage image, Page page, InkMeter? meter)
    {
        // A little paper above and below: Tesseract finds the line better with some margin.
        return TextGapFinder.Find(page)
            .Select(gap => new TextGap(gap, StretchedReading.Read(engine, image, page.Dpi, gap with { Top = gap.Top - gap.Height / 3, Bottom = gap.Bottom + gap.Height / 3 }))
            {
                Ink = meter?.Of(gap),
            })
            .ToList();
    }
}
