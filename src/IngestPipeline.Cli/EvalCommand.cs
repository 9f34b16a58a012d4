using System.CommandLine;
using System.Text;
using System.Text.Json;
using IngestPipeline.Domain.Evaluation;
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
        var command = new Command("eval", "Score transcripts against ground truth: CER, WER, illegible spans, garbage")
        {
            groundTruth, output, json, joinHyphens, pagesFile,
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
            var jsonPath = parse.GetValue(json) ?? Path.Combine(outDir, "eval-summary.json");
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(
                new { overall = set, joinHyphens = join, pagesFile = listPath, pages, missing },
                new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
            AnsiConsole.WriteLine($"JSON summary: {jsonPath}");
            return 0;
        });
        return command;
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
