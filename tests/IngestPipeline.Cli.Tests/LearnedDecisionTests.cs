using System.Text.Json;
using IngestPipeline.Cli;

namespace IngestPipeline.Cli.Tests;

/// <summary>
/// The learned [ILLEGIBLE] decision from the command line, with the real engine: generated pages read once, raw;
/// their candidates measured and labelled, a model trained on them, the pages cleaned again with it, and eval's
/// sweep of its thresholds with the charts.
/// </summary>
public sealed class LearnedDecisionTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ingest-learned-").FullName;

    [Fact]
    public async Task A_model_is_trained_from_cached_raw_transcripts_used_to_clean_them_and_swept_by_eval()
    {
        var gt = Path.Combine(_work, "generated");
        Assert.Equal(0, await CliApp.RunAsync(["corpus", "generate", "--out", gt, "--pages", "6", "--seed", "5", "--split", "train"]));
        var raw = Path.Combine(_work, "raw");
        Assert.Equal(0, await CliApp.RunAsync(["ingest", gt, "--out", raw, "--raw", "--formats", "json", "--engines", "tesseract"]));

        var table = Path.Combine(_work, "candidates.tsv");
        Assert.Equal(0, await CliApp.RunAsync(["illegibility", "evidence", "--gt", gt, "--raw", raw, "--out", table]));
        var rows = File.ReadAllLines(table);
        Assert.Contains(rows, r => r.Split('\t') is [_, "Word", "Legible", ..]);
        Assert.Contains(rows, r => r.Split('\t') is [_, _, "Unreadable", ..]);

        var model = Path.Combine(_work, "model.json");
        Assert.Equal(0, await CliApp.RunAsync(["illegibility", "train", "--set", $"{gt}:{raw}", "--out", model, "--trees", "20"]));
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(model));
        var version = file.RootElement.GetProperty("version").GetString()!;
        Assert.StartsWith("illegibility-", version);

        // The evidence scored by the model: each candidate's probability beside its label, -1 where the model does not decide.
        var scored = Path.Combine(_work, "scored.tsv");
        Assert.Equal(0, await CliApp.RunAsync(["illegibility", "evidence", "--gt", gt, "--raw", raw, "--out", scored, "--illegibility-model", model]));
        var scoredRows = File.ReadAllLines(scored).Where(r => !r.StartsWith("page\t", StringComparison.Ordinal))
            .Select(r => r.Split('\t')).Select(r => (Kind: r[1], Label: r[2], Probability: double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture), Source: r[4])).ToList();
        Assert.Equal(rows.Count(r => !r.StartsWith("page\t", StringComparison.Ordinal)), scoredRows.Count);
        // Trained on the default kinds of stretch: every word and those stretches scored, lost lines not.
        Assert.All(scoredRows.Where(r => r.Kind == "Word" || r.Source is "BetweenWords" or "LineEnd"), r => Assert.InRange(r.Probability, 0, 1));
        Assert.All(scoredRows.Where(r => r.Source is "LostLine" or "ShortLine" or "LineStart" or "Header"), r => Assert.Equal(-1, r.Probability));
        // Six pages and twenty trees calibrate little, but the order is kept: an unreadable candidate mostly scores above a legible one.
        var unreadable = scoredRows.Where(r => r.Label == "Unreadable" && r.Probability >= 0).Select(r => r.Probability).ToList();
        var legible = scoredRows.Where(r => r.Label == "Legible" && r.Probability >= 0).Select(r => r.Probability).ToList();
        double above = unreadable.Sum(u => legible.Count(l => u > l) + 0.5 * legible.Count(l => u == l)) / ((double)unreadable.Count * legible.Count);
        Assert.True(above > 0.8, $"an unreadable candidate scores above a legible one in {above:0.00} of pairs");

        var cleaned = Path.Combine(_work, "cleaned");
        Assert.Equal(0, await CliApp.RunAsync(["clean", raw, "--out", cleaned, "--illegibility-model", model]));
        var transcript = Directory.GetFiles(cleaned, "*.json").First();
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(transcript)))
            Assert.Equal(version, json.RootElement.GetProperty("illegibilityModel").GetString());

        var summary = Path.Combine(_work, "eval.json");
        Assert.Equal(0, await CliApp.RunAsync(["eval", "--gt", gt, "--out", cleaned, "--json", summary, "--sweep", raw, "--illegibility-model", model]));
        using var eval = JsonDocument.Parse(await File.ReadAllTextAsync(summary));
        var sweep = eval.RootElement.GetProperty("sweep");
        Assert.True(sweep.GetProperty("thresholds").GetArrayLength() >= 11);
        // Six pages give too few cases to say how many tenths of probability are filled; each filled one must be coherent.
        var bins = sweep.GetProperty("reliability").EnumerateArray().ToList();
        Assert.NotEmpty(bins);
        foreach (var bin in bins)
        {
            Assert.True(bin.GetProperty("cases").GetInt32() > 0);
            double mean = bin.GetProperty("meanProbability").GetDouble(), share = bin.GetProperty("observedShare").GetDouble();
            Assert.InRange(mean, bin.GetProperty("low").GetDouble(), bin.GetProperty("high").GetDouble());
            Assert.InRange(share, 0, 1);
        }
        foreach (var chart in new[] { "precision-recall.png", "reliability.png" })
            Assert.True(new FileInfo(Path.Combine(cleaned, chart)).Length > 10_000, chart);

        // The same evidence and seed give the same model, bit for bit.
        var again = Path.Combine(_work, "again.json");
        Assert.Equal(0, await CliApp.RunAsync(["illegibility", "train", "--set", $"{gt}:{raw}", "--out", again, "--trees", "20"]));
        Assert.Equal(await File.ReadAllTextAsync(model), await File.ReadAllTextAsync(again));
    }

    [Fact]
    public async Task A_model_weighing_every_stretch_has_them_proposed_and_reread_while_the_shipped_one_and_the_rules_keep_to_the_rules_own()
    {
        var gt = Path.Combine(_work, "generated");
        Assert.Equal(0, await CliApp.RunAsync(["corpus", "generate", "--out", gt, "--pages", "1", "--seed", "3", "--split", "validation"]));
        async Task<List<(string? Source, double Coverage, int Reread)>> StretchesAsync(string name, string model)
        {
            var output = Path.Combine(_work, name);
            Assert.Equal(0, await CliApp.RunAsync(["ingest", gt, "--out", output, "--formats", "json", "--engines", "tesseract", "--illegibility-model", model]));
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Directory.GetFiles(output, "*.json").Single(f => !f.EndsWith("summary.json"))));
            return json.RootElement.GetProperty("pages").EnumerateArray()
                .SelectMany(p => p.TryGetProperty("textGaps", out var gaps) && gaps.ValueKind == JsonValueKind.Array ? gaps.EnumerateArray() : [])
                .Select(g => (g.TryGetProperty("source", out var source) ? source.GetString() : null,
                    g.GetProperty("ink").GetProperty("coverage").GetDouble(), g.GetProperty("reread").GetArrayLength())).ToList();
        }
        var raw = Path.Combine(_work, "raw");
        Assert.Equal(0, await CliApp.RunAsync(["ingest", gt, "--out", raw, "--raw", "--formats", "json", "--engines", "tesseract", "--all-stretches"]));
        var everyStretch = Path.Combine(_work, "every-stretch.json");
        Assert.Equal(0, await CliApp.RunAsync(["illegibility", "train", "--set", $"{gt}:{raw}", "--out", everyStretch, "--trees", "20", "--stretches", "all"]));

        // The paragraphs' blank lines are proposed as lines lost: a model trained on every stretch weighs them.
        var weighed = await StretchesAsync("every-stretch", everyStretch);
        Assert.Contains(weighed, s => s.Source == "LostLine");
        Assert.Contains(weighed, s => s.Source is "LineStart" or "ShortLine" && s.Coverage == 0 && s.Reread > 0);
        // The shipped model decides words and dark damage and leaves the layout's gaps to the rules, which do not weigh lost lines.
        foreach (var (name, model) in new[] { ("shipped", "learned"), ("rules", "rules") })
        {
            var stretches = await StretchesAsync(name, model);
            Assert.DoesNotContain(stretches, s => s.Source == "LostLine");
            // Late line starts and short lines the rules weigh by their ink: blank ones are measured, not read again.
            var blank = stretches.Where(s => s.Source is "LineStart" or "ShortLine" && s.Coverage == 0).ToList();
            Assert.NotEmpty(blank);
            Assert.All(blank, s => Assert.Equal(0, s.Reread));
        }
    }

    [Fact]
    public async Task A_missing_or_foreign_model_file_is_refused_by_name()
    {
        var raw = Directory.CreateDirectory(Path.Combine(_work, "raw")).FullName;
        var missing = Path.Combine(_work, "nowhere.json");
        var error = new StringWriter();
        var saved = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(2, await CliApp.RunAsync(["clean", raw, "--out", Path.Combine(_work, "out"), "--illegibility-model", missing]));
            var foreign = Path.Combine(_work, "foreign.json");
            await File.WriteAllTextAsync(foreign, "{\"version\": \"x\"}");
            Assert.Equal(2, await CliApp.RunAsync(["clean", raw, "--out", Path.Combine(_work, "out"), "--illegibility-model", foreign]));
        }
        finally
        {
            Console.SetError(saved);
        }
        Assert.Contains(missing, error.ToString());
        Assert.Contains("foreign.json", error.ToString());
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
