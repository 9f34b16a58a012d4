using IngestPipeline.Domain.Evaluation;
using IngestPipeline.Ocr.Imaging;
using IngestPipeline.Ocr.Paddle;
using IngestPipeline.Ocr.Recognition;

namespace IngestPipeline.Ocr.Tests;

/// <summary>PP-OCR's recogniser through ONNX Runtime on the lines Tesseract finds on a real despatch.</summary>
public sealed class PaddleRecognizerTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly string RealPage = Path.Combine(TestData.RepositoryRoot, "tests", "corpus", "real", "en", "EHRI-BF-19380509b_EN_02");

    [Fact]
    public void Reads_a_real_page_line_by_line_within_its_error_budget()
    {
        using var paddle = new PaddleRecognizer(PaddleModels.Open(null));
        using var raw = PageImage.Decode(File.ReadAllBytes(RealPage + ".jpg"));
        using var page = PageRecognizer.Recognize(fixture.Engine, fixture.Options, raw, 1);
        var lines = page.Page.Blocks.SelectMany(b => b.Lines).ToList();

        var read = lines.Select(line => (line, words: paddle.ReadLine(page.Image, line))).ToList();

        var text = string.Join('\n', read.Select(r => string.Join(' ', r.words.Select(w => w.Text))));
        var cer = TranscriptScorer.ScorePage("EN_02", File.ReadAllText(RealPage + ".gt.txt"), text, joinHyphens: true).Cer;
        Assert.True(cer < 0.03, $"PP-OCR alone read the page at CER {cer:0.000} (0.015 when measured)");
        Assert.All(read.SelectMany(r => r.words.Select(w => (r.line, w))), pair =>
        {
            var (line, word) = pair;
            Assert.InRange(word.Box.Left, line.Box.Left - line.Box.Height, line.Box.Right + line.Box.Height);
            Assert.True(word.Box.Width > 0, $"'{word.Text}' has an empty box {word.Box}");
            Assert.All(word.Probabilities, p => Assert.InRange(p, 0f, 1f));
        });
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
