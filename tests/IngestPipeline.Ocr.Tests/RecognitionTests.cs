using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Imaging;
using IngestPipeline.Ocr.Recognition;

namespace IngestPipeline.Ocr.Tests;

/// <summary>Real Tesseract on the sample cables: accuracy, geometry, orientation, skew, deadlines.</summary>
public sealed class RecognitionTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IDisposable
{
    private readonly ScanInputs _inputs = new();

    [Theory]
    [InlineData(TestData.Clean, 0.02)]
    [InlineData(TestData.Noisy, 0.06)]
    [InlineData(TestData.Seed, 0.08)] // four water-damaged spans come out as garbage until illegibility detection
    public void Sample_pages_are_read_within_their_error_budget(string name, double maxCer)
    {
        using var page = Read(TestData.Scan(name));
        var cer = TestData.Cer(name, Text(page.Page));
        Assert.True(cer <= maxCer, $"CER {cer:0.0000} above {maxCer}");
    }

    [Fact]
    public void Word_boxes_lie_inside_the_page_and_confidences_in_range()
    {
        using var page = Read(TestData.Scan(TestData.Clean));
        var words = page.Page.Words.ToList();
        Assert.True(words.Count > 150, $"only {words.Count} words");
        Assert.All(words, w =>
        {
            Assert.True(w.Box.IsInside(page.Page.Width, page.Page.Height) && !w.Box.IsEmpty, $"{w.Text} at {w.Box}");
            Assert.InRange(w.Confidence, 0, 100);
        });
        Assert.Equal((page.Image.Width, page.Image.Height), (page.Page.Width, page.Page.Height));
        // Reading order: the header comes first and the signature last.
        var lines = Text(page.Page).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(("TELEGRAM RECEIVED", "VINCENT"), (lines[0], lines[^1]));
    }

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void Rotated_pages_come_out_upright(int degrees)
    {
        var path = TestData.Convert(_inputs.Path($"rot{degrees}.png"), TestData.Scan(TestData.Clean), "-rotate", $"{degrees}");
        using var page = Read(path);
        Assert.Equal((360 - degrees) % 360, page.Page.Processing.RotationDegrees);
        Assert.True(page.Page.Width < page.Page.Height, "the page should be portrait again");
        var cer = TestData.Cer(TestData.Clean, Text(page.Page));
        Assert.True(cer <= 0.03, $"CER {cer:0.0000}");
    }

    [Fact]
    public void Skewed_page_is_deskewed()
    {
        // The sample is itself skewed slightly; four more degrees counter-clockwise must be measured and undone.
        using var straight = Read(TestData.Scan(TestData.Clean));
        var path = TestData.Convert(_inputs.Path("skew.png"), TestData.Scan(TestData.Clean), "-background", "white", "-rotate", "-4");
        using var page = Read(path);
        Assert.InRange(page.Page.Processing.SkewDegrees - straight.Page.Processing.SkewDegrees, 3.5, 4.5);
        var cer = TestData.Cer(TestData.Clean, Text(page.Page));
        Assert.True(cer <= 0.03, $"CER {cer:0.0000}");
    }

    [Fact]
    public void A_slight_skew_is_left_to_the_engine_and_the_choice_recorded()
    {
        // Under OcrOptions.MinDeskewAngle a rotation costs more (resampled strokes, crowded lines) than the engine's own line finding does.
        // The sample is itself skewed: turn it so that 0.4 degrees are left.
        float own;
        using (var straight = Read(TestData.Scan(TestData.Clean))) own = straight.Page.Processing.SkewDegrees;
        var turn = (own - 0.4f).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        var path = TestData.Convert(_inputs.Path("slight.png"), TestData.Scan(TestData.Clean), "-background", "white", "-rotate", turn);
        using var page = Read(path);
        Assert.Equal(0, page.Page.Processing.SkewDegrees);
        Assert.Contains(page.Page.Processing.Steps, s => s.StartsWith("not deskewed", StringComparison.Ordinal));
        var cer = TestData.Cer(TestData.Clean, Text(page.Page));
        Assert.True(cer <= 0.03, $"CER {cer:0.0000}");
    }

    [Fact]
    public void A_low_resolution_scan_labelled_with_a_wrong_resolution_is_enlarged_and_read()
    {
        // The clean page at a third of its size (100 dpi) but labelled 300: the glyphs, not the label, tell the resolution.
        var path = TestData.Convert(_inputs.Path("small.png"), TestData.Scan(TestData.Clean),
            "-filter", "Box", "-resize", "33.3%", "-units", "PixelsPerInch", "-density", "300");
        using var page = Read(path);
        Assert.Contains(page.Page.Processing.Steps, s => s.Contains("enlarged") && s.Contains("(stated 300)"));
        Assert.InRange(page.Page.Dpi, 200, 400);
        Assert.True(page.Page.Width > 2000, $"the page should have been enlarged, is {page.Page.Width} px wide");
        var cer = TestData.Cer(TestData.Clean, Text(page.Page));
        Assert.True(cer <= 0.05, $"CER {cer:0.0000}");
    }

    [Fact]
    public void Type_of_a_readable_size_keeps_a_resolution_stated_higher_than_its_glyphs_show()
    {
        // The clean 300-dpi page labelled 600: small type for 600 dpi, or glyphs measured among specks; the scanner's label stands.
        var path = TestData.Convert(_inputs.Path("labelled600.png"), TestData.Scan(TestData.Clean), "-units", "PixelsPerInch", "-density", "600");
        using var page = Read(path);
        Assert.Equal(600, page.Page.Dpi);
        Assert.DoesNotContain(page.Page.Processing.Steps, s => s.Contains("(stated"));
    }

    [Fact]
    public void Every_word_carries_the_ink_measured_under_it()
    {
        using var page = Read(TestData.Scan(TestData.Clean));
        var words = page.Page.Words.Where(w => w.Confidence >= 90 && w.Text.Length >= 4).ToList();
        Assert.All(words, w => Assert.NotNull(w.Ink));
        // Typed strokes: well darker than the paper, covering a minority of the box.
        Assert.InRange(words.Select(w => w.Ink!.Contrast).Order().ElementAt(words.Count / 2), 60, 255);
        Assert.InRange(words.Select(w => w.Ink!.Coverage).Order().ElementAt(words.Count / 2), 0.1, 0.6);
    }

    [Fact]
    public void The_readings_of_a_page_share_its_deadline_and_an_engine_without_one_gives_each_call_the_whole()
    {
        using var engine = new TesseractEngine(fixture.Options);
        using var scan = Scan.Open(TestData.Scan(TestData.Clean));
        using var image = scan.DecodePage(0);
        using var strip = image.Crop(0, 0, 2550, 400);

        // A page whose first readings used up its time: the next reading (a word read again, say) is not started.
        engine.Deadline = new PageDeadline(TimeSpan.FromMilliseconds(1));
        Thread.Sleep(5);
        var error = Assert.Throws<OcrDeadlineExceededException>(() => engine.Recognize(strip, 300));
        Assert.Equal(TimeSpan.FromMilliseconds(1), error.Deadline);

        engine.Deadline = null;
        Assert.NotEmpty(engine.Recognize(strip, 300));
        // PageRecognizer sets the page's deadline and clears it when the page is done.
        using var recognized = PageRecognizer.Recognize(engine, fixture.Options, strip, 1);
        Assert.Null(engine.Deadline);
    }

    [Fact]
    public void Page_over_its_deadline_fails_with_a_clear_error()
    {
        using var engine = new TesseractEngine(fixture.Options with { PageDeadline = TimeSpan.FromMilliseconds(50) });
        using var scan = Scan.Open(TestData.Scan(TestData.Clean));
        using var image = scan.DecodePage(0);
        var error = Assert.Throws<OcrDeadlineExceededException>(() => engine.Recognize(image, 300));
        Assert.Contains("longer than its deadline", error.Message);
        // The engine is still usable afterwards.
        using var small = image.Crop(0, 0, 2550, 700);
        Assert.NotEmpty(fixture.Engine.Recognize(small, 300));
    }

    [Fact]
    public void A_page_with_many_specks_beside_its_letters_is_read_both_ways_and_keeps_the_reading_it_prefers()
    {
        // The noisy sample: dirt on the lines as well as between them. Without speck removal it reads far worse, and the
        // page's own measures (confidence, lexicon words) say so.
        var lexicon = new Domain.Cleanup.Lexicon(TestData.Truth(TestData.Noisy).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        using var auto = Read(TestData.Scan(TestData.Noisy), fixture.Options with { Lexicon = lexicon });
        var step = Assert.Single(auto.Page.Processing.Steps, s => s.StartsWith("specks", StringComparison.Ordinal));
        Assert.Matches(@"^specks up to \d+ px removed \(\d+ specks, \d+ beside letters\); read both ways, without them confidence [\d.]+, \d+ lexicon words, with them", step);
        using var kept = Read(TestData.Scan(TestData.Noisy), fixture.Options with { Specks = SpeckTreatment.Keep });
        Assert.Contains("specks kept", kept.Page.Processing.Steps);
        var (withRemoval, without) = (TestData.Cer(TestData.Noisy, Text(auto.Page)), TestData.Cer(TestData.Noisy, Text(kept.Page)));
        Assert.True(withRemoval < without, $"CER {withRemoval:0.0000} with the page's choice, {without:0.0000} with its specks");
    }

    [Fact]
    public void A_page_with_few_specks_beside_its_letters_is_read_once()
    {
        using var page = Read(TestData.Scan(TestData.Clean));
        var step = Assert.Single(page.Page.Processing.Steps, s => s.StartsWith("specks", StringComparison.Ordinal));
        Assert.Matches(@"^specks up to \d+ px removed \(\d+ specks, \d+ beside letters\)$", step);
    }

    [Fact]
    public void Smeared_lines_are_kept_as_dark_regions_but_not_painted_over_for_the_engines()
    {
        // The seed cable's water-damaged foot: lines of letters smeared into dark patches, some two lines tall. They are
        // evidence of loss, but a gray just under the ink threshold, not as dark as the type's strokes: the engines
        // still read them as they are.
        using var page = Read(TestData.Scan(TestData.Seed));
        Assert.Contains(page.Page.DarkRegions, r => r.Box.Height >= 80);
        Assert.All(page.Page.DarkRegions, r => Assert.InRange(r.Solidity, 0, 0.5));
        Assert.DoesNotContain(page.Page.Processing.Steps, s => s.Contains("painted over", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dark_strip_beside_a_gray_sheet_is_painted_over_in_the_papers_gray_and_the_page_still_reads()
    {
        // A gray, low-contrast sheet (paper near 190, ink near 100) on the dark backing of the scanner. Painted white, the
        // strip moved the threshold the engine binarises at above the paper, and not a word was left.
        var path = TestData.Convert(_inputs.Path("gray.png"), TestData.Scan(TestData.Clean), "+level", "40%,75%", "-fill", "gray(45)", "-draw", "rectangle 0,0 330,3299");
        using var page = Read(path);
        Assert.Contains(page.Page.DarkRegions, r => r.Box.Left == 0 && r.Box.Right < 400 && r.Solidity >= 0.92);
        Assert.Contains(page.Page.Processing.Steps, s => s.EndsWith("dark regions painted over for the engines", StringComparison.Ordinal));
        var cer = TestData.Cer(TestData.Clean, Text(page.Page));
        Assert.True(cer <= 0.03, $"CER {cer:0.0000}");
    }

    [Fact]
    public void A_tear_is_painted_over_run_by_run_so_the_typing_in_a_bay_of_its_outline_stays()
    {
        // The backing shows round the signature on three sides: above it, and in two tongues left and right of it.
        var path = TestData.Convert(_inputs.Path("bay.png"), TestData.Scan(TestData.Clean), "-fill", "gray(40)",
            "-draw", "rectangle 1880,1690 2549,1790", "-draw", "rectangle 1880,1790 1950,1990", "-draw", "rectangle 2220,1790 2549,1990");
        using var page = Read(path);
        var tear = Assert.Single(page.Page.DarkRegions, r => r.Box.Left > 1800 && r.Box.Top > 1600);
        Assert.True(tear.Solidity >= 0.92, $"solidity {tear.Solidity}");
        Assert.Contains(page.Page.Processing.Steps, s => s.EndsWith("dark regions painted over for the engines", StringComparison.Ordinal));
        Assert.Contains(page.Page.Words, w => w.Text == "VINCENT");
    }

    [Fact]
    public void Blank_page_gives_no_words()
    {
        using var scan = Scan.Open(TestData.Convert(_inputs.Path("blank.png"), "-size", "1275x1650", "xc:white", "-units", "PixelsPerInch", "-density", "150"));
        using var raw = scan.DecodePage(0);
        using var page = PageRecognizer.Recognize(fixture.Engine, fixture.Options, raw, 1);
        Assert.Empty(page.Page.Words);
        Assert.Equal(150, page.Page.Dpi);
    }

    private RecognizedPage Read(string path, OcrOptions? options = null)
    {
        using var scan = Scan.Open(path);
        using var raw = scan.DecodePage(0);
        return PageRecognizer.Recognize(fixture.Engine, options ?? fixture.Options, raw, 1);
    }

    private static string Text(Page page) => PlainTextExporter.Write(new Transcript("test", [page]));

    public void Dispose() => _inputs.Dispose();
}
