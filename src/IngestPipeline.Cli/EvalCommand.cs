using System.CommandLine;
using System.Text;
using System.Text.Json;
using IngestPipeline.Cli.Evaluation;
using IngestPipeline.Corpus.Labels;
using IngestPipeline.Domain.Evaluation;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Ocr.Illegibility;
using IngestPipeline.Ocr.Languages;
using IngestPipeline.Ocr.Lexicon;
using Spectre.Console;

namespace IngestPipeline.Cli;

/// <summary>
/// <c>eval --gt GTDIR --out OUTDIR [--join-hyphens] [--pages FILE]</c>: scores OUTDIR/NAME.txt against
/// GTDIR/NAME.gt.txt with the corpus's reference scoring (score.py), for every page or the listed ones.
/// </summary>
public static class EvalCommand
{
    /// <summary>A corpus folder's list of the pages whose whole typed text is transcribed.</summary>
    public const string CompletePagesFile = "complete_pages.txt";

    public static Command Create()
    {
        var groundTruth = new Option<string>("--gt") { Description = "Folder of NAME.gt.txt ground truth files", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Folder of NAME.txt transcripts (an ingest output folder)", Required = true };
        var json = new Option<string?>("--json") { Description = "Where to write the JSON summary (default OUTDIR/eval-summary.json)" };
        var joinHyphens = new Option<bool>("--join-hyphens") { Description = "Join words broken at a line end on both sides first (for ground truth that keeps line-end hyphens as typed)" };
        var pagesFile = new Option<string?>("--pages") { Description = $"Score only the page names listed in this file, one per line (default GTDIR/{CompletePagesFile} when there is one)" };
        var sweep = new Option<string?>("--sweep") { Description = "Folder of the same pages' raw transcripts (ingest --raw --formats json): score the learned [ILLEGIBLE] decision at several thresholds and draw its precision-recall curve and reliability diagram" };
        var model = IllegibilityOptionsCli.ModelOption();
        var language = new Option<string>("--lang", "-l") { Description = "With --sweep, the pages' languages, for the word lists", DefaultValueFactory = _ => OcrLanguages.Default };
        var command = new Command("eval", "Score transcripts against ground truth: CER, WER, illegible spans, garbage")
        {
            groundTruth, output, json, joinHyphens, pagesFile, sweep, model, language,
        };
        command.SetAction(parse =>
        {
            var gtDir = parse.GetValue(groundTruth)!;
            var outDir = parse.GetValue(output)!;
            if (!Directory.Exists(gtDir) || !Directory.Exists(outDir))
            {
                Console.Error.WriteLine($"error: {(Directory.Exists(gtDir) ? outDir : gtDir)}: no such folder");
                return 2;
            }
            var join = parse.GetValue(joinHyphens);
            var listPath = parse.GetValue(pagesFile);
            if (listPath is null && File.Exists(Path.Combine(gtDir, CompletePagesFile)))
            {
                // Pages missing part of their typed text would count the missing part as OCR insertions.
                listPath = Path.Combine(gtDir, CompletePagesFile);
                AnsiConsole.WriteLine($"scoring only the pages listed in {listPath} (pass --pages to choose others)");
            }
            IReadOnlyList<string> names;
            try
            {
                names = PageNames(gtDir, listPath);
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            if (names.Count == 0)
            {
                Console.Error.WriteLine($"error: {listPath ?? gtDir} names no pages with NAME.gt.txt files");
                return 2;
            }
            var pages = new List<PageScore>();
            var missing = new List<string>();
            foreach (var name in names)
            {
                // A page with no transcript scores as empty output: every character of it is missed.
                var transcriptPath = Path.Combine(outDir, name + ".txt");
                if (!File.Exists(transcriptPath))
                    missing.Add(name);
                var hypothesis = File.Exists(transcriptPath) ? ReadText(transcriptPath) : "";
                pages.Add(TranscriptScorer.ScorePage(name, ReadText(Path.Combine(gtDir, name + ".gt.txt")), hypothesis, join));
            }
            var set = TranscriptScorer.ScoreSet(pages);
            EvalReport.Print(set, pages, missing, join);
            IReadOnlyList<KindRecall> byKind;
            try
            {
                byKind = RecallByKind(gtDir, pages);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            if (byKind.Count > 0)
                AnsiConsole.WriteLine("span recall by kind of damage: " + string.Join(", ", byKind.Select(k => $"{k.Kind} {k.Recalled}/{k.Spans}")));
            SweepResult? swept = null;
            if (parse.GetValue(sweep) is { } rawDir)
            {
                try
                {
                    swept = Sweep(gtDir, rawDir, outDir, names, join, parse.GetValue(model), parse.GetValue(language)!);
                }
                catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or JsonException)
                {
                    Console.Error.WriteLine($"error: {e.Message}");
                    return 2;
                }
            }
            var jsonPath = parse.GetValue(json) ?? Path.Combine(outDir, "eval-summary.json");
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(
                new { overall = set, joinHyphens = join, pagesFile = listPath, recallByKind = byKind, pages, missing, sweep = swept },
                new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
            AnsiConsole.WriteLine($"JSON summary: {jsonPath}");
            return 0;
        });
        return command;
    }

    /// <summary>The learned decision's model, its thresholds' scores and its calibration.</summary>
    private sealed record SweepResult(string Model, double ModelThreshold, IReadOnlyList<ThresholdScore> Thresholds, IReadOnlyList<ReliabilityBin> Reliability);

    private static SweepResult Sweep(string gtDir, string rawDir, string outDir, IReadOnlyList<string> names, bool join, string? modelPath, string languages)
    {
        if (!Directory.Exists(rawDir)) throw new DirectoryNotFoundException($"{rawDir}: no such folder");
        var model = IllegibilityModelFiles.Choose(modelPath ?? IllegibilityModelFiles.Learned) ?? throw new ArgumentException("--sweep judges a model: --illegibility-model cannot be 'rules'");
        var lexicon = LexiconFiles.Load(null, OcrLanguages.Parse(languages));
        var pages = names.Where(n => File.Exists(Path.Combine(rawDir, n + ".json")))
            .Select(n => (n, ReadText(Path.Combine(gtDir, n + ".gt.txt")), JsonExporter.Read(File.ReadAllText(Path.Combine(rawDir, n + ".json")))))
            .ToList();
        if (pages.Count < names.Count)
            AnsiConsole.WriteLine($"{names.Count - pages.Count} pages have no raw transcript in {rawDir}: the sweep leaves them out");
        var scores = ThresholdSweep.Scores(pages, lexicon, CleanupOptions.Default, model, join);
        AnsiConsole.WriteLine($"{model.Version} on {pages.Count} pages, by threshold (the model's own: {model.Training.Threshold:0.000}):");
        AnsiConsole.WriteLine("  threshold  recall  precision  false markers  CER");
        foreach (var (t, s) in scores)
            AnsiConsole.WriteLine($"  {t,9:0.000}  {s.SpanRecall,6:0.000}  {s.SpanPrecision,9:0.000}  {s.FalseMarkers,13}  {s.Cer:0.0000}");
        EvalCharts.PrecisionRecall(scores, model.Training.Threshold, Path.Combine(outDir, "precision-recall.png"));
        var evidence = LabelledEvidence.Collect(gtDir, rawDir, lexicon, CleanupOptions.Default);
        var bins = evidence.Candidates.Count == 0 ? [] : ThresholdSweep.Reliability(evidence, model);
        if (bins.Count > 0)
        {
            AnsiConsole.WriteLine("calibration of the candidates (truth with word boxes): bin, cases, mean probability, share unreadable");
            foreach (var b in bins)
                AnsiConsole.WriteLine($"  {b.Low:0.0}-{b.High:0.0} {b.Cases,7} {b.MeanProbability,6:0.000} {b.ObservedShare,6:0.000}{(b.Cases >= 20 && Math.Abs(b.MeanProbability - b.ObservedShare) > 0.1 ? "  off by more than 0.1" : "")}");
            EvalCharts.Reliability(bins, Path.Combine(outDir, "reliability.png"));
        }
        AnsiConsole.WriteLine($"charts: {Path.Combine(outDir, "precision-recall.png")}{(bins.Count > 0 ? ", " + Path.Combine(outDir, "reliability.png") : "")}");
        return new SweepResult(model.Version, model.Training.Threshold, scores, bins);
    }

    /// <summary>The truth's spans of one kind of damage, and how many of them a marker recalled.</summary>
    private sealed record KindRecall(string Kind, int Spans, int Recalled);

    /// <summary>
    /// Span recall by kind of damage, where the pages' NAME.gt.json say it (generated pages, the dev corpus): each
    /// marker of NAME.gt.txt is its span's, in the text's order. Empty without such files.
    /// </summary>
    private static IReadOnlyList<KindRecall> RecallByKind(string gtDir, IEnumerable<PageScore> pages)
    {
        var counts = new SortedDictionary<string, (int Spans, int Recalled)>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var path = Path.Combine(gtDir, page.Name + ".gt.json");
            if (page.TrueSpans == 0 || !File.Exists(path) || PageTruth.SpanKinds(path) is not { } kinds) continue;
            if (kinds.Count != page.RecalledInOrder.Count)
                throw new InvalidDataException($"{path}: {kinds.Count} illegible spans, but {page.Name}.gt.txt has {page.RecalledInOrder.Count} markers");
            foreach (var (kind, recalled) in kinds.Zip(page.RecalledInOrder))
            {
                var (spans, hits) = counts.GetValueOrDefault(kind);
                counts[kind] = (spans + 1, hits + (recalled ? 1 : 0));
            }
        }
        return counts.Select(c => new KindRecall(c.Key, c.Value.Spans, c.Value.Recalled)).ToList();
    }

    /// <summary>The pages to score, in ordinal order: those in the list, or every NAME.gt.txt of the folder.</summary>
    private static IReadOnlyList<string> PageNames(string gtDir, string? listPath)
    {
        if (listPath is null)
            return Directory.EnumerateFiles(gtDir, "*.gt.txt")
                .Select(p => Path.GetFileName(p)[..^".gt.txt".Length])
                .Order(StringComparer.Ordinal).ToList();
        if (!File.Exists(listPath))
            throw new FileNotFoundException($"{listPath}: no such file");
        var names = File.ReadLines(listPath).Select(l => l.Trim()).Where(l => l.Length > 0)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var unknown = names.Where(n => !File.Exists(Path.Combine(gtDir, n + ".gt.txt"))).ToList();
        if (unknown.Count > 0)
            throw new InvalidDataException($"{listPath} lists pages with no ground truth in {gtDir}: {string.Join(", ", unknown)}");
        return names;
    }

    /// <summary>
    /// UTF-8 with invalid bytes replaced and a byte order mark kept as a character, as score.py reads files, so
    /// both count the same symbols.
    /// </summary>
    private static string ReadText(string path) => Encoding.UTF8.GetString(File.ReadAllBytes(path));
}
