using System.Text.Json;
using IngestPipeline.Corpus;

namespace IngestPipeline.Cli.Tests;

/// <summary>
/// A tear beside a line, with the real engine: Tesseract's layout analysis takes the dark backing for a picture and
/// drops the whole line with it, unless the page is read with its dark regions painted over.
/// </summary>
public sealed class DarkRegionTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ingest-dark-").FullName;

    [Fact]
    public async Task The_words_beside_a_tear_are_read_and_the_tear_is_kept_as_evidence()
    {
        // A generated validation page (126 dpi, JPEG artefacts): the sheet is torn away right of "TO: Secretary of State,".
        var page = GeneratedPage.Make("torn", CorpusGenerator.PageSeed(32, CorpusSplit.Validation, 50), CorpusSplit.Validation);
        var torn = page.GroundTruth.IllegibleSpans.First(s => s.Kind == "torn" && s.Line == 2);
        var scan = Path.Combine(_work, "torn.png");
        await File.WriteAllBytesAsync(scan, page.Png);

        using var paintedOver = await ReadAsync(scan, "painted");
        var lines = Lines(paintedOver);
        Assert.Contains(lines, l => l.StartsWith("TO: Secretary of State", StringComparison.Ordinal));
        var steps = paintedOver.RootElement.GetProperty("pages")[0].GetProperty("processing").GetProperty("steps").EnumerateArray().Select(s => s.GetString());
        Assert.Contains(steps, s => s!.EndsWith("dark regions painted over for the engines", StringComparison.Ordinal));
        // The tear stays on the page, where the markers look for what it took (the page was enlarged for the engine).
        var read = paintedOver.RootElement.GetProperty("pages")[0];
        double scale = read.GetProperty("width").GetInt32() / (double)page.GroundTruth.Width;
        var regions = read.GetProperty("darkRegions").EnumerateArray()
            .Select(r => (Box: r.GetProperty("box"), Solidity: r.GetProperty("solidity").GetDouble()))
            .Select(r => (Left: r.Box.GetProperty("left").GetInt32() / scale, Top: r.Box.GetProperty("top").GetInt32() / scale, Bottom: r.Box.GetProperty("bottom").GetInt32() / scale, r.Solidity));
        Assert.Contains(regions, r => Math.Abs(r.Left - torn.DamageBbox[0]) < 12 && r.Top < torn.Bbox[3] && r.Bottom > torn.Bbox[1] && r.Solidity >= 0.9);

        // As scanned, the line is lost whole.
        using var kept = await ReadAsync(scan, "kept", "--keep-dark-regions");
        Assert.DoesNotContain(Lines(kept), l => l.StartsWith("TO:", StringComparison.Ordinal));
    }

    private async Task<JsonDocument> ReadAsync(string scan, string name, params string[] options)
    {
        var output = Path.Combine(_work, name);
        Assert.Equal(0, await CliApp.RunAsync(["ingest", scan, "--out", output, "--raw", "--formats", "json", "--engines", "tesseract", .. options]));
        return JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "torn.json")));
    }

    private static List<string> Lines(JsonDocument transcript) =>
        transcript.RootElement.GetProperty("pages").EnumerateArray()
            .SelectMany(p => p.GetProperty("blocks").EnumerateArray())
            .SelectMany(b => b.GetProperty("lines").EnumerateArray())
            .Select(l => string.Join(' ', l.GetProperty("words").EnumerateArray().Select(w => w.GetProperty("text").GetString())))
            .ToList();

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
