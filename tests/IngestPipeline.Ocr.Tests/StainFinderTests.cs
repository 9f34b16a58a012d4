using System.Text;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Imaging;

namespace IngestPipeline.Ocr.Tests;

/// <summary>A water stain that washed words out is found by its tide line and its browned, empty paper.</summary>
public sealed class StainFinderTests
{
    private const int Width = 1400, Height = 500, Paper = 225;

    /// <summary>Where the middle word of the typed line stands, under the stain of each page below.</summary>
    private static readonly BoundingBox Middle = new(600, 200, 760, 240);

    private enum Inside { WashedOut, Typing }

    /// <summary>
    /// A grainy gray page with a line of five words typed as bars, the middle one under an outline drawn
    /// <paramref name="tide"/> levels darker than the paper, round or as a ruled box, over paper browned by
    /// <paramref name="browned"/> levels that holds the word washed out or still typed; with <paramref name="rowAboveRow"/>,
    /// two more outlines above and below it.
    /// </summary>
    private static PageImage PageWith(int tide, int browned, Inside inside, bool ruled = false, bool rowAboveRow = false)
    {
        var random = new Random(7);
        var pixels = new byte[Width * Height];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(Paper + random.Next(-4, 5));
        for (int word = 0; word < 5; word++)
        {
            var box = Middle with { Left = 200 + word * 200, Right = 360 + word * 200 };
            if (word == 2 && inside == Inside.WashedOut) continue;
            for (int y = box.Top; y < box.Bottom; y++)
                for (int x = box.Left; x < box.Right; x++)
                    if ((x - box.Left) % 9 < 3) pixels[y * Width + x] = 60;
        }
        int cx = (Middle.Left + Middle.Right) / 2, rx = Middle.Width / 2 + 20, ry = Middle.Height / 2 + 12;
        foreach (int cy in rowAboveRow ? new[] { Middle.CenterY - 2 * ry - 6, Middle.CenterY, Middle.CenterY + 2 * ry + 6 } : [Middle.CenterY])
        {
            for (int y = cy - ry - 2; y <= cy + ry + 2; y++)
                for (int x = cx - rx - 2; x <= cx + rx + 2; x++)
                {
                    // Distance from the centre in radii: an ellipse, or the largest of the two for a ruled box.
                    double dx = Math.Abs(x - cx) / (double)rx, dy = Math.Abs(y - cy) / (double)ry;
                    double r = ruled ? Math.Max(dx, dy) : Math.Sqrt(dx * dx + dy * dy);
                    if (r > 1) continue;
                    bool rim = ruled ? Math.Abs(x - cx) > rx - 5 || Math.Abs(y - cy) > ry - 5 : r > 1 - 5.0 / ry;
                    pixels[y * Width + x] = (byte)Math.Max(0, pixels[y * Width + x] - browned - (rim ? tide : 0));
                }
        }
        var header = Encoding.ASCII.GetBytes($"P5\n{Width} {Height}\n255\n");
        return PageImage.Decode([.. header, .. pixels]);
    }

    private static IReadOnlyList<DarkRegion> Found(PageImage page)
    {
        using (page) return StainFinder.Find(page, page.InkThreshold(), 300);
    }

    [Fact]
    public void A_tide_line_around_browned_paper_that_holds_no_ink_is_a_stain_over_the_word_it_washed_out()
    {
        var stain = Assert.Single(Found(PageWith(tide: 35, browned: 8, Inside.WashedOut)));
        Assert.True(stain.Stain);
        Assert.True(stain.Box.Left <= Middle.Left && stain.Box.Right >= Middle.Right, $"{stain.Box} covers {Middle}");
        Assert.InRange(stain.ExtentBetween(Middle.Top + 10, Middle.Bottom - 10).Width, Middle.Width, Middle.Width + 60);
    }

    [Fact]
    public void Words_still_typed_inside_the_outline_were_not_washed_out()
    {
        Assert.Empty(Found(PageWith(tide: 35, browned: 8, Inside.Typing)));
    }

    [Fact]
    public void Paper_as_white_as_the_page_inside_an_outline_is_no_stain()
    {
        Assert.Empty(Found(PageWith(tide: 35, browned: 0, Inside.WashedOut)));
    }

    [Fact]
    public void Tide_lines_enclosing_paper_row_above_row_are_a_sheet_once_wet_all_over_not_a_stain_over_words()
    {
        Assert.Empty(Found(PageWith(tide: 35, browned: 8, Inside.WashedOut, rowAboveRow: true)));
    }

    [Fact]
    public void A_ruled_box_around_an_empty_cell_is_no_stain()
    {
        Assert.Empty(Found(PageWith(tide: 35, browned: 8, Inside.WashedOut, ruled: true)));
    }
}
