using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Imaging;

namespace IngestPipeline.Ocr.Recognition;

/// <summary>
/// Reads once more, as a single line and with the contrast stretched, each stretch of a line where the layout says
/// words are missing, and measures its ink. Most pages have no such stretch, so this costs nothing there; where one
/// exists the crop is a few hundred pixels wide and reads in milliseconds.
/// </summary>
public static class GapRereader
{
    /// <param name="all">
    /// Every stretch the layout proposes, each read again, not only those the hand rules weigh (see
    /// <see cref="OcrOptions.AllStretches"/>).
    /// </param>
    public static IReadOnlyList<TextGap> Reread(TesseractEngine engine, PageImage image, Page page, InkMeter? meter, bool all)
    {
        return TextGapFinder.Find(page)
            .Where(gap => all || GapMarker.Weighs(gap.Source))
            .Select(gap =>
            {
                var ink = meter?.Of(gap.Box);
                // Where a line starts late or stops short, or header fields stand apart, the paper is mostly blank (an
                // indent, a paragraph's end): with no ink in it there is nothing to read, and the rules weigh its ink alone.
                bool read = all || gap.Source == GapSource.Layout || ink is null || ink.Coverage > 0;
                // A little paper above and below: Tesseract finds the line better with some margin.
                var margin = gap.Box with { Top = gap.Box.Top - gap.Box.Height / 3, Bottom = gap.Box.Bottom + gap.Box.Height / 3 };
                return new TextGap(gap.Box, read ? StretchedReading.Read(engine, image, page.Dpi, margin) : []) { Ink = ink, Source = gap.Source };
            })
            .ToList();
    }
}
