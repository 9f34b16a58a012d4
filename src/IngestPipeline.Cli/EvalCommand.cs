using System.CommandLine;
using System.Text.Json;
using IngestPipeline.Domain.Evaluation;
using Spectre.Console;

namespace IngestPipeline.Cli;

/// <summary><c>eval --gt GTDIR --out OUTDIR</c>: scores every OUTDIR/NAME.txt against GTDIR/NAME.gt.txt.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var groundTruth = new Option<string>("--gt") { Description = "Folder of NAME.gt.txt ground truth files", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Folder of NAME.txt transcripts (an ingest output folder)", Required = true };
        var json = new Option<string?>("--json") { Description = "Where to write the JSON summary (default OUTDIR/eval-summary.json)" };
        var command = new Command("eval", "Score transcripts against ground truth: CER, WER, illegible spans, garbage") { groundTruth, output, json };
        command.SetAction(parse =>
        {
            var gtDir = parse.GetValue(groundTruth)!;
            var outDir = parse.GetValue(output)!;
            if (!Directory.Exists(gtDir) || !Directory.Exists(outDir))
            {
                Console.Error.WriteLine($"error: {(Directory.Exists(gtDir) ? outDir : gtDir)}: no such folder");
                return 2;
            }
            var pages = new List<PageScore>();
            var missing = new List<string>();
            foreach (var truthPath in Directory.EnumerateFiles(gtDir, "*.gt.txt").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(truthPath)[..^".gt.txt".Length];
                var transcriptPath = Path.Combine(outDir, name + ".txt");
                if (!File.Exists(transcriptPath))
                {
                    // A page with no transcript scores as empty output: every character of it is missed.
                    missing.Add(name);
                }
                var hypothesis = File.Exists(transcriptPath) ? File.ReadAllText(transcriptPath) : "";
                pages.Add(TranscriptScorer.ScorePage(name, File.ReadAllText(truthPath), hypothesis));
            }
            if (pages.Count == 0)
            {
                Console.Error.WriteLine($"error: {gtDir} holds no NAME.gt.txt files");
                return 2;
            }
            var set = TranscriptScorer.ScoreSet(pages);
            Print(set, pages, missing);
            var jsonPath = parse.GetValue(json) ?? Path.Combine(outDir, "eval-summary.json");
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(new { overall = set, pages, missing },
                new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
            AnsiConsole.WriteLine($"JSON summary: {jsonPath}");
            return 0;
        });
        return command;
    }

    private static void Print(SetScore set, IReadOnlyList<PageScore> pages, IReadOnlyList<string> missing)
    {
        var table = new Table().AddColumns("Page", "CER", "WER", "Spans", "Recalled", "Markers", "Correct", "Garbage chars", "Silent misses");
        foreach (var p in pages)
            table.AddRow(Markup.Escape(p.Name), $"{p.Cer:0.0000}", $"{p.Wer:0.0000}", $"{p.TrueSpans}", $"{p.RecalledSpans}",
                $"{p.HypothesisMarkers}", $"{p.CorrectMarkers}", $"{p.GarbageChars}", $"{p.SilentMisses}");
        table.AddRow("[bold]all[/]", $"[bold]{set.Cer:0.0000}[/]", $"[bold]{set.Wer:0.0000}[/]", $"{set.TrueSpans}", $"{set.RecalledSpans}",
            $"{set.HypothesisMarkers}", $"{set.CorrectMarkers}", $"{set.GarbageChars}", $"{set.SilentMisses}");
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(
            $"pages {set.Pages}  CER {set.Cer:0.0000}  WER {set.Wer:0.0000}  " +
            $"span recall {Ratio(set.RecalledSpans, set.TrueSpans, set.SpanRecall)}  " +
            $"span precision {Ratio(set.CorrectMarkers, set.HypothesisMarkers, set.SpanPrecision)}  " +
            $"false markers {set.FalseMarkers} ({set.PagesWithoutSpans} pages without spans)  " +
            $"garbage rate {Ratio(set.GarbageSpans, set.TrueSpans, set.GarbageRate)}  " +
            $"garbage chars {set.GarbageChars} ({set.GarbageCharsPerSpan:0.0} per span)  silent misses {set.SilentMisses}");
        if (missing.Count > 0) AnsiConsole.WriteLine($"no transcript (scored as empty): {string.Join(", ", missing)}");
    }

    private static string Ratio(int part, int whole, double? value) => value is { } v ? $"{part}/{whole} = {v:0.00}" : "n/a";
}
