using System.Text;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Imaging;

namespace IngestPipeline.Ocr.Tests;

/// <summary>A word's ink is measured against the page's typing, even where dark damage drew the page's ink threshold.</summary>
public sealed class InkMeterTests
{
    private const int Width = 1200, Height = 800, Paper = 230;

    /// <summary>
    /// A gray page of words typed as bars (strokes of <paramref name="ink"/> covering a third of each word's box), with
    /// the lower third blacked out by <paramref name="damage"/> (a scanner's border, a torn-away corner) or left as paper.
    /// </summary>
    private static (PageImage Image, Page Page) TypedPage(byte ink, byte? damage)
    {
        var pixels = new byte[Width * Height];
        Array.Fill(pixels, (byte)Paper);
        if (damage is { } dark) Array.Fill(pixels, dark, Width * Height * 2 / 3, Width * Height / 3);
        var words = new List<Word>();
        for (int i = 0; i < 8; i++)
        {
            var box = new BoundingBox(50 + i * 140, 100, 150 + i * 140, 140);
            for (int y = box.Top; y < box.Bottom; y++)
                for (int x = box.Left; x < box.Right; x++)
                    if ((x - box.Left) % 9 < 3) pixels[y * Width + x] = ink;
            words.Add(new Word("typing", box, 95));
        }
        var header = Encoding.ASCII.GetBytes($"P5\n{Width} {Height}\n255\n");
        var image = PageImage.Decode([.. header, .. pixels]);
        var line = new Line(BoundingBox.Union(words.Select(w => w.Box)), words);
        var page = new Page(1, Width, Height, 300, [new Block(line.Box, [line])], new PageProcessing(0, 0, []));
        return (image, page);
    }

    private static (float Coverage, int Threshold) Measured(byte ink, byte? damage)
    {
        var (image, page) = TypedPage(ink, damage);
        using (image)
        {
            var meter = InkMeter.For(image, image.InkThreshold());
            Assert.NotNull(meter);
            var measured = meter.Measure(page);
            return (measured.Words.Average(w => w.Ink!.Coverage), meter.InkThreshold);
        }
    }

    [Fact]
    public void Faint_typing_keeps_its_coverage_on_a_page_a_third_blacked_out()
    {
        // Faint typing (60 levels under the paper) on clean paper: a third of each word's box is ink.
        var (clean, _) = Measured(ink: 170, damage: null);
        Assert.InRange(clean, 0.3f, 0.36f);
        // A third of the page black: the page's split between ink and paper falls between the black and everything else, below
        // the faint strokes, which would then count as paper; the meter settles between the paper and the typing.
        var (damaged, threshold) = Measured(ink: 170, damage: 20);
        Assert.InRange(threshold, 171, Paper - 1);
        Assert.Equal(clean, damaged, 0.01f);
    }
}
