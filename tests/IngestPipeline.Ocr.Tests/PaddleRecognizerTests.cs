using IngestPipeline.Domain.Evaluation;
using IngestPipeline.Ocr.Imaging;
using IngestPipeline.Ocr.Paddle;
using IngestPipeline.Ocr.Recognition;

namespace IngestPipeline.Ocr.Tests;

/// <summary>PP-OCR's recogniser through ONNX Runtime on the lines Tesseract finds on a real despatch.</summary>
public sealed class PaddleRecognizerTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly string RealPage = Path.Combine(TestData.RepositoryRoot, "tests", "corpus", "real", "en", "EHRI-BF-19380509b_EN_02");

    /// <summary>A foxed 1945 testimony at 96 dpi: worn type that Tesseract alone misreads.</summary>
    private static readonly string WornPage = Path.Combine(TestData.RepositoryRoot, "tests", "corpus", "real", "en", "EHRI-ET-WL16560044_07");

    [Fact]
    public void Reads_a_real_page_line_by_line_within_its_error_budget()
    {
        using var paddle = new PaddleRecognizer(PaddleModels.Open(null));
        using var raw = PageImage.Decode(File.ReadAllBytes(RealPage + ".jpg"));
        using var page = PageRecognizer.Recognize(fixture.Engine, fixture.Options, raw, 1);
        var lines = page.Page.Blocks.SelectMany(b => b.Lines).ToList();

        var read = lines.Select(line => (line, characters: paddle.ReadLine(page.Image, line))).ToList();

        var text = string.Join('\n', read.Select(r => string.Concat(r.characters.Select(c => c.Text))));
        var cer = TranscriptScorer.ScorePage("EN_02", File.ReadAllText(RealPage + ".gt.txt"), text, joinHyphens: true).Cer;
        Assert.True(cer < 0.03, $"PP-OCR alone read the page at CER {cer:0.000} (0.015 when measured)");
        Assert.All(read.SelectMany(r => r.characters.Where(c => !c.IsSpace).Select(c => (r.line, c))), pair =>
        {
            var (line, character) = pair;
            Assert.InRange(character.Left, line.Box.Left - line.Box.Height, line.Box.Right + line.Box.Height);
            Assert.True(character.Right > character.Left, $"'{character.Text}' spans nothing: {character}");
            Assert.InRange(character.Probability, 0f, 1f);
        });
    }

    [Fact]
    public void Both_recognisers_read_a_real_page_better_than_Tesseract_alone_and_keep_each_words_readings()
    {
        using var paddle = new PaddleRecognizer(PaddleModels.Open(null));
        using var engines = new Recognizers(new TesseractEngine(fixture.Options), paddle);
        var truth = File.ReadAllText(WornPage + ".gt.txt");
        double Cer(IngestPipeline.Domain.Transcripts.Page page) => TranscriptScorer.ScorePage("WL16560044_07", truth,
            string.Join('\n', page.Lines.Select(l => l.Text)), joinHyphens: true).Cer;
        using var raw = PageImage.Decode(File.ReadAllBytes(WornPage + ".jpg"));

        using var alone = PageRecognizer.Recognize(fixture.Engine, fixture.Options, raw, 1);
        using var both = PageRecognizer.Recognize(engines, fixture.Options, raw, 1);

        Assert.True(Cer(both.Page) < Cer(alone.Page), $"combined CER {Cer(both.Page):0.0000}, Tesseract alone {Cer(alone.Page):0.0000}");
        var words = both.Page.Words.ToList();
        Assert.All(words, w => Assert.Equal(["tesseract", "pp-ocr"], w.Readings!.Select(r => r.Engine)));
        // Where the two disagree, the word is one of the readings (nothing is made up), and most words are agreed.
        var disputed = words.Where(w => !w.ReadAlike).ToList();
        Assert.NotEmpty(disputed);
        Assert.All(disputed, w => Assert.Contains(w.Text, w.Readings!.Select(r => r.Text)));
        Assert.True(disputed.Count < words.Count / 5, $"{disputed.Count} of {words.Count} words disputed");
        Assert.Contains(both.Page.Processing.Steps, s => s.Contains(PaddleModels.Recognition.Describe()));
    }

    [Fact]
    public void Missing_models_are_refused_with_how_to_install_them()
    {
        var empty = TestData.NewTempDirectory();

        var error = Assert.Throws<PaddleModelsMissingException>(() => PaddleModels.Open(empty));

        Assert.Contains(Path.Combine(empty, PaddleModels.Recognition.Name), error.Message);
        Assert.Contains("infra/fetch-models.sh", error.Message);
    }

    [Fact]
    public void A_model_file_that_differs_from_the_measured_one_is_refused()
    {
        var folder = TestData.NewTempDirectory();
        foreach (var file in new[] { PaddleModels.Recognition, PaddleModels.Characters })
            File.Copy(Path.Combine(PaddleModels.DefaultFolder, file.Name), Path.Combine(folder, file.Name));
        File.AppendAllText(Path.Combine(folder, PaddleModels.Characters.Name), "x\n");

        var error = Assert.Throws<PaddleModelsMissingException>(() => PaddleModels.Open(folder));

        Assert.Contains("SHA-256 differs", error.Message);
        Assert.Contains(PaddleModels.Characters.Name, error.Message);
    }
}
