using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Imaging;

namespace IngestPipeline.Ocr.Recognition;

/// <summary>
/// Reads each doubtful word a second time under changed conditions: its crop alone, contrast stretched, as one line,
/// so the engine's page layout and the ink of its neighbours play no part. Only words that could become
/// [ILLEGIBLE] are read again (low confidence on damaged ink, see <see cref="PageInk"/>): a few a page, each a crop
/// of a few hundred pixels that reads in milliseconds.
/// </summary>
public static class WordRereader
{
    /// <summary>Words read at least this surely are not read again: the first reading is evidence enough.</summary>
    public const float DoubtfulBelow = 70;

    public static Page Reread(TesseractEngine engine, PageImage image, Page page)
    {
        var ink = PageInk.Of(page, IllegibilityOptions.Default);
        if (ink is null) return page;
        return page with
        {
            Blocks = page.Blocks.Select(b => b with
            {
                Lines = b.Lines.Select(l => l with
                {
                    Words = l.Words.Select(w => w.Confidence < DoubtfulBelow && ink.IsDamaged(w.Ink) ? w with { Reread = Read(engine, image, page.Dpi, w.Box) } : w).ToList(),
                }).ToList(),
            }).ToList(),
        };
    }

    private static Reading Read(TesseractEngine engine, PageImage image, int dpi, BoundingBox box)
    {
        int padY = box.Height / 3, padX = box.Height / 4;
        var words = StretchedReading.Read(engine, image, dpi,
            new BoundingBox(box.Left - padX, box.Top - padY, box.Right + padX, box.Bottom + padY));
        return words.Count == 0
            ? new Reading("", 0)
            : new Reading(string.Join(' ', words.Select(w => w.Text)), words.Min(w => w.Confidence));
    }
}
