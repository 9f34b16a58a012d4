using System.Diagnostics;
using System.Text.Json;
using IngestPipeline.Cli;
using IngestPipeline.Domain.Evaluation;

namespace IngestPipeline.Cli.Tests;

/// <summary>
/// The command line on real and synthetic pages of the evaluation corpus kept in the repository (tests/corpus and
/// samples), with the real engine: eval against the corpus's reference scorer, the French model on a French page,
/// and the raw engine as the floor on real pages where every word is legible.
/// </summary>
public sealed class CorpusTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ingest-corpus-").FullName;
    private static readonly string Root = FindRoot();
    private static readonly string Corpus = Path.Combine(Root, "tests", "corpus");
    private static readonly string ReferenceScorer = Path.Combine(Corpus, "tools", "score.py");

    /// <summary>The seed cable (four spans), a damaged page and a clean page: recall, garbage and false markers all occur.</summary>
    private static readonly string[] DevPages = ["dev00_seed_harriman_1945-07-03", "dev13_frus1943China_d218", "dev02_frus1942China_d42"];

    /// <summary>A prefect's journal page and a page of prose poems: accents, elisions, line-end hyphens, short lines.</summary>
    private static readonly string[] FrenchPages = ["AN96AP__FRAN_0150_0005_L-medium", "gallica_btv1b10581912k__20_21abf_default"];

    /// <summary>A 1938 letter labelled 72 dpi and a foxed 1945 testimony at 96 dpi: worn type, small glyphs.</summary>
    private static readonly string[] EnglishPages = ["EHRI-BF-19380509b_EN_02", "EHRI-ET-WL16560044_07"];

    /// <summary>Where each set's scans and ground truth are: the dev pages are the repository's samples.</summary>
    private static (string Scans, string Truth) Folders(string set) => set == "dev"
        ? (Path.Combine(Root, "samples", "scans"), Path.Combine(Root, "samples", "ground-truth"))
        : (Path.Combine(Corpus, set), Path.Combine(Corpus, set));

    [Theory]
    [InlineData("dev", false)]
    [InlineData("real/fr", true)]
    public async Task Eval_agrees_with_the_reference_scorer_on_ingested_pages(string set, bool joinHyphens)
    {
        var (names, language, extension) = set == "dev" ? (DevPages, "eng", ".png") : (FrenchPages, "fra", ".jpg");
        var gt = CopyTruth(set, names);
        var output = Path.Combine(_work, "out");
        var scans = names.Select(n => Path.Combine(Folders(set).Scans, n + extension)).ToArray();
        Assert.Equal(0, await CliApp.RunAsync(["ingest", .. scans, "--out", output, "--formats", "txt", "--lang", language]));

        string[] flags = joinHyphens ? ["--join-hyphens"] : [];
        var json = Path.Combine(_work, "eval.json");
        Assert.Equal(0, await CliApp.RunAsync(["eval", "--gt", gt, "--out", output, "--json", json, .. flags]));
        using var ours = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var o = ours.RootElement.GetProperty("overall");
        var reference = ReferenceScore(gt, output, flags);

        Assert.Equal(names.Length, reference.GetProperty("pages").GetInt32());
        Assert.Equal(reference.GetProperty("cer").GetDouble(), o.GetProperty("cer").GetDouble(), 9);
        Assert.Equal(reference.GetProperty("wer").GetDouble(), o.GetProperty("wer").GetDouble(), 9);
        Assert.Equal(
            Counts(reference, "gt_spans", "recalled_spans", "out_markers", "credited_markers", "false_markers_on_clean_pages", "garbage_spans", "garbage_chars", "silent_misses"),
            Counts(o, "trueSpans", "recalledSpans", "hypothesisMarkers", "creditedMarkers", "falseMarkers", "garbageSpans", "garbageChars", "silentMisses"));
        if (set == "dev")
        {
            Assert.True(reference.GetProperty("gt_spans").GetInt32() > 0 && reference.GetProperty("out_markers").GetInt32() > 0,
                "the dev pages should exercise span matching");
            // Every span of NAME.gt.json counted once under its kind of damage, and the recalled ones as the scorer has them.
            var byKind = ours.RootElement.GetProperty("recallByKind").EnumerateArray().ToList();
            Assert.Equal(o.GetProperty("trueSpans").GetInt32(), byKind.Sum(k => k.GetProperty("spans").GetInt32()));
            Assert.Equal(o.GetProperty("recalledSpans").GetInt32(), byKind.Sum(k => k.GetProperty("recalled").GetInt32()));
            Assert.All(byKind, k => Assert.Contains(k.GetProperty("kind").GetString(), new[] { "blot", "smudge", "water", "fade", "torn", "line", "wateredge" }));
        }
    }

    [Fact]
    public async Task Generated_pages_are_read_against_their_ground_truth_by_eval_and_the_reference_scorer_alike()
    {
        var gt = Path.Combine(_work, "generated");
        Assert.Equal(0, await CliApp.RunAsync(["corpus", "generate", "--out", gt, "--pages", "2", "--seed", "3", "--split", "train", "--clean"]));
        Assert.Equal(0, await CliApp.RunAsync(["corpus", "generate", "--out", gt, "--pages", "2", "--seed", "3", "--split", "validation", "--clean"]));
        var scans = Directory.GetFiles(gt, "*.png").Order().ToArray();
        Assert.Equal(4, scans.Length);
        var output = Path.Combine(_work, "out");
        Assert.Equal(0, await CliApp.RunAsync(["ingest", .. scans, "--out", output, "--formats", "txt"]));

        var json = Path.Combine(_work, "eval.json");
        Assert.Equal(0, await CliApp.RunAsync(["eval", "--gt", gt, "--out", output, "--json", json]));
        using var ours = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var o = ours.RootElement.GetProperty("overall");
        var reference = ReferenceScore(gt, output, []);

        // Clean pages, read by the engine: the ground truth is exact when the text comes out (nearly) as typed.
        Assert.True(o.GetProperty("cer").GetDouble() < 0.01, $"CER {o.GetProperty("cer").GetDouble():0.0000} on clean generated pages");
        Assert.Equal(0, o.GetProperty("hypothesisMarkers").GetInt32());
        Assert.Equal(reference.GetProperty("cer").GetDouble(), o.GetProperty("cer").GetDouble(), 9);
        Assert.Equal(4, reference.GetProperty("pages_without_spans").GetInt32());
    }

    [Fact]
    public async Task French_page_reads_better_with_the_French_model_and_word_list()
    {
        var name = FrenchPages[0];
        var scan = Path.Combine(Corpus, "real", "fr", name + ".jpg");
        var truth = await File.ReadAllTextAsync(Path.Combine(Corpus, "real", "fr", name + ".gt.txt"));
        async Task<double> Cer(string language)
        {
            var output = Path.Combine(_work, language);
            Assert.Equal(0, await CliApp.RunAsync(["ingest", scan, "--out", output, "--formats", "txt", "--lang", language]));
            var text = await File.ReadAllTextAsync(Path.Combine(output, name + ".txt"));
            return TranscriptScorer.ScorePage(name, truth, text, joinHyphens: true).Cer;
        }

        var french = await Cer("fra");
        var english = await Cer("eng");

        Assert.True(french < english, $"CER with fra {french:0.0000} should be below CER with eng {english:0.0000}");
    }

    [Theory]
    [InlineData("real/en", "eng")]
    [InlineData("real/fr", "fra")]
    public async Task On_real_pages_where_every_word_is_legible_cleanup_writes_no_marker_and_beats_the_raw_reading(string set, string language)
    {
        var (names, gt, scans) = RealPages(set);
        async Task<JsonElement> Score(string name, params string[] extra)
        {
            var output = Path.Combine(_work, name);
            Assert.Equal(0, await CliApp.RunAsync(["ingest", .. scans, "--out", output, "--formats", "txt", "--lang", language, .. extra]));
            return ReferenceScore(gt, output, ["--join-hyphens"]);
        }

        var raw = await Score("raw", "--raw");
        var cleaned = await Score("cleaned");

        Assert.Equal(0, cleaned.GetProperty("out_markers").GetInt32());
        Assert.True(cleaned.GetProperty("cer").GetDouble() <= raw.GetProperty("cer").GetDouble(),
            $"cleanup made the text worse: CER {cleaned.GetProperty("cer").GetDouble():0.0000} against the raw {raw.GetProperty("cer").GetDouble():0.0000}");
    }

    [Theory]
    [InlineData("real/en", "eng")]
    [InlineData("real/fr", "fra")]
    public async Task Tesseract_and_PP_OCR_combined_read_real_pages_better_than_Tesseract_alone(string set, string language)
    {
        var (names, gt, scans) = RealPages(set);
        async Task<double> Cer(string engines)
        {
            var output = Path.Combine(_work, engines);
            Assert.Equal(0, await CliApp.RunAsync(["ingest", .. scans, "--out", output, "--formats", "txt,json", "--lang", language, "--engines", engines]));
            var json = await File.ReadAllTextAsync(Path.Combine(output, names[0] + ".json"));
            Assert.Equal(engines == "both", json.Contains("\"engine\": \"pp-ocr\""));
            return ReferenceScore(gt, output, ["--join-hyphens"]).GetProperty("cer").GetDouble();
        }

        var alone = await Cer("tesseract");
        var both = await Cer("both");

        Assert.True(both < alone, $"combined CER {both:0.0000} should be below Tesseract's alone {alone:0.0000}");
    }

    [Fact]
    public async Task Both_engines_without_PP_OCRs_models_are_refused_before_reading_pages()
    {
        var scan = Path.Combine(Corpus, "real", "en", EnglishPages[0] + ".jpg");
        var output = Path.Combine(_work, "out");
        var empty = Directory.CreateDirectory(Path.Combine(_work, "no-models")).FullName;

        Assert.Equal(2, await CliApp.RunAsync(["ingest", scan, "--out", output, "--engines", "both", "--models", empty]));
        Assert.Equal(2, await CliApp.RunAsync(["ingest", scan, "--out", output, "--engines", "three"]));
        Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output).Any());
    }

    /// <summary>The test's pages of a real set: their names, a folder with their ground truth, and their scans.</summary>
    private (string[] Names, string Gt, string[] Scans) RealPages(string set)
    {
        var names = set == "real/en" ? EnglishPages : FrenchPages;
        return (names, CopyTruth(set, names), names.Select(n => Path.Combine(Corpus, set, n + ".jpg")).ToArray());
    }

    private string CopyTruth(string set, IEnumerable<string> names)
    {
        var gt = Directory.CreateDirectory(Path.Combine(_work, "gt")).FullName;
        foreach (var file in names.SelectMany(n => new[] { n + ".gt.txt", n + ".gt.json" }))
        {
            var source = Path.Combine(Folders(set).Truth, file);
            if (File.Exists(source)) File.Copy(source, Path.Combine(gt, file));
        }
        return gt;
    }

    /// <summary>score.py's overall figures: the JSON on the last line of its output.</summary>
    private static JsonElement ReferenceScore(string gt, string output, string[] flags)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { ReferenceScorer, gt, output, "--quiet" }.Concat(flags))
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"score.py failed (python3-numpy comes with infra/install-deps.sh --dev): {stderr}");
        return JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]).RootElement.Clone();
    }

    private static int[] Counts(JsonElement json, params string[] names) => names.Select(n => json.GetProperty(n).GetInt32()).ToArray();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IngestPipeline.sln"))) return dir.FullName;
        throw new InvalidOperationException("IngestPipeline.sln not found above the test binaries");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
