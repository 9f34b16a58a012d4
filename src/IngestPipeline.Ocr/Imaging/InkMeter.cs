using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Native;

namespace IngestPipeline.Ocr.Imaging;

/// <summary>
/// Measures the ink in boxes of the processed page (<see cref="InkMeasure"/>): the physical evidence that tells a
/// word the engine misread on worn or foxed paper (ink like its neighbours') from one that is truly lost (faded far
/// below the page's typing, or buried in a smudge). Reads the 8-bit pixels in place: a few milliseconds a page.
/// The meter borrows the image; it must not outlive it.
/// </summary>
public sealed unsafe class InkMeter
{
    /// <summary>The share of a box's darkest pixels taken as its ink: typed strokes cover a fifth or more of a word's box.</summary>
    private const double InkShare = 0.1;

    private readonly PageImage _gray;
    private readonly int _paper;
    private readonly int[] _histogram = new int[256];

    /// <summary>Pixels darker than this count as ink in a box's coverage.</summary>
    private int _inkThreshold;

    private InkMeter(PageImage gray, int inkThreshold, int paper)
    {
        _gray = gray;
        _inkThreshold = inkThreshold;
        _paper = paper;
    }

    /// <summary>The level below which a pixel counts as ink (after <see cref="Measure"/>, the one it settled on).</summary>
    public int InkThreshold => _inkThreshold;

    /// <summary>A meter for an 8-bit gray page, or null for another depth.</summary>
    public static InkMeter? For(PageImage gray, int inkThreshold)
    {
        if (gray.Depth != 8 || Leptonica.pixGetRankValue(gray.Handle, 4, 0.5f, out uint paper) != 0) return null;
        return new InkMeter(gray, inkThreshold, (int)paper);
    }

    /// <summary>
    /// The page with every word's ink measured, and the meter's ink threshold settled for the page: where the page's
    /// threshold lies darker than even the typing's darkest strokes (a page whose blots, tears or black scanner borders
    /// drew the split between ink and paper below faint typing), no typed stroke would count as ink and every
    /// coverage would read 0; the threshold then moves to halfway between the paper and those strokes.
    /// </summary>
    public Page Measure(Page page)
    {
        var contrasts = page.Words.Where(PageInk.ShowsTyping).Select(w => Of(w.Box)).OfType<InkMeasure>().Select(i => i.Contrast);
        if (PageInk.TypingContrast(contrasts) is { } typing && _inkThreshold < _paper - typing)
            _inkThreshold = _paper - (int)(typing / 2);
        return page with
        {
            Blocks = page.Blocks.Select(b => b with
            {
                Lines = b.Lines.Select(l => l with { Words = l.Words.Select(w => w with { Ink = Of(w.Box) }).ToList() }).ToList(),
            }).ToList(),
        };
    }

    public InkMeasure? Of(BoundingBox box)
    {
        int left = Math.Max(0, box.Left), right = Math.Min(_gray.Width, box.Right);
        int top = Math.Max(0, box.Top), bottom = Math.Min(_gray.Height, box.Bottom);
        if (right <= left || bottom <= top) return null;
        int wpl = Leptonica.pixGetWpl(_gray.Handle);
        byte* data = (byte*)Leptonica.pixGetData(_gray.Handle);
        Array.Clear(_histogram);
        int dark = 0;
        for (int y = top; y < bottom; y++)
        {
            byte* row = data + (long)y * wpl * 4;
            for (int x = left; x < right; x++)
            {
                // Leptonica keeps 8-bit pixels in big-endian 32-bit words: byte x of a row is at x ^ 3 on little-endian machines.
                int value = row[x ^ 3];
                _histogram[value]++;
                if (value < _inkThreshold) dark++;
            }
        }
        int pixels = (right - left) * (bottom - top);
        int wanted = (int)Math.Ceiling(pixels * InkShare), seen = 0, level = 0;
        for (; level < 255; level++)
        {
            seen += _histogram[level];
            if (seen >= wanted) break;
        }
        return new InkMeasure(Math.Max(0, _paper - level), dark / (float)pixels);
    }
}
