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
    /// <param name="all">Every stretch the layout proposes, not only those the hand rules weigh (see <see cref="OcrOptions.AllStretches"/>).</param>
    public static IReadOnlyList<TextGap> Reread(TesseractEngine engine, PageImage image, Page page, InkMeter? meter, bool all)
    {
        // A little paper above and below: Tesseract finds the line better with some margin.
        return TextGapFinder.Find(page)
            .Where(gap => all || gap.Source == GapSource.Layout)
            .Select(gap => new TextGap(gap.Box, StretchedReading.Read(engine, image, page.Dpi, gap.Box with { Top = gap.Box.Top - gap.Box.Height / 3, Bottom = gap.Box.Bottom + gap.Box.Height / 3 }))
            {
                Ink = meter?.Of(gap.Box),
                Source = gap.Source,
            })
            .ToList();
    }
}
