using System.Text.Json;
using IngestPipeline.Corpus;

namespace IngestPipeline.Cli.Tests;

/// <summary>
/// A water stain that washed a word out, with the real engine: Tesseract reads its tide line into the words either
/// side ("added&amp;"), so the blank between them is a normal space; the stain found on the image marks it.
/// </summary>
public sealed class WaterStainTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ingest-water-").FullName;

    [Fact]
    public async Task A_word_washed_out_under_a_stain_becomes_a_marker_between_the_words_either_side()
    {
        // Validation page 18 of seed 32: "He added [that] Belgium had made", "that" under a stain with a tide line.
        var page = GeneratedPage.Make("water", CorpusGenerator.PageSeed(32, CorpusSplit.Validation, 18), CorpusSplit.Validation);
        var water = page.GroundTruth.IllegibleSpans.Single(s => s.Kind == "water");
        Assert.Equal(["that"], water.Words);
        var scan = Path.Combine(_work, "water.png");
        await File.WriteAllBytesAsync(scan, page.Png);

        var output = Path.Combine(_work, "out");
        Assert.Equal(0, await CliApp.RunAsync(["ingest", scan, "--out", output, "--formats", "txt,json", "--engines", "tesseract"]));

        var text = await File.ReadAllTextAsync(Path.Combine(output, "water.txt"));
        Assert.Matches(@"He added\S* \[ILLEGIBLE\] Belgium had made", text.ReplaceLineEndings(" "));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "water.json")));
        var read = json.RootElement.GetProperty("pages")[0];
        var stain = Assert.Single(read.GetProperty("darkRegions").EnumerateArray(), r => r.TryGetProperty("stain", out var flag) && flag.GetBoolean());
        var marker = read.GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("lines").EnumerateArray())
            .SelectMany(l => l.GetProperty("words").EnumerateArray()).Single(w => w.GetProperty("text").GetString() == "[ILLEGIBLE]" && Overlap(w, stain) > 0);
        // The marker stands under the stain, between the tide line Tesseract took into "added" and "Belgium".
        Assert.True(Overlap(marker, stain) * 2 >= Width(marker), $"{marker} under {stain}");
    }

    private static int Width(JsonElement boxed) => boxed.GetProperty("box").GetProperty("right").GetInt32() - boxed.GetProperty("box").GetProperty("left").GetInt32();

    private static int Overlap(JsonElement a, JsonElement b)
    {
        JsonElement boxA = a.GetProperty("box"), boxB = b.GetProperty("box");
        bool sameRows = boxA.GetProperty("top").GetInt32() < boxB.GetProperty("bottom").GetInt32() && boxB.GetProperty("top").GetInt32() < boxA.GetProperty("bottom").GetInt32();
        int overlap = Math.Min(boxA.GetProperty("right").GetInt32(), boxB.GetProperty("right").GetInt32()) - Math.Max(boxA.GetProperty("left").GetInt32(), boxB.GetProperty("left").GetInt32());
        return sameRows ? Math.Max(0, overlap) : 0;
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
