using IngestPipeline.Domain.Evaluation;
using Spectre.Console;

namespace IngestPipeline.Cli;

/// <summary>The table and summary line <c>eval</c> prints.</summary>
internal static class EvalReport
{
    public static void Print(SetScore set, IReadOnlyList<PageScore> pages, IReadOnlyList<string> missing, bool joinHyphens)
    {
        var table = new Table().AddColumns("Page", "CER", "WER", "Spans", "Recalled", "Markers", "Credited", "Garbage chars", "Silent misses");
        foreach (var p in pages)
            table.AddRow(Markup.Escape(p.Name), $"{p.Cer:0.0000}", $"{p.Wer:0.0000}", $"{p.TrueSpans}", $"{p.RecalledSpans}",
                $"{p.HypothesisMarkers}", $"{p.CreditedMarkers}", $"{p.GarbageChars}", $"{p.SilentMisses}");
        table.AddRow("[bold]all[/]", $"[bold]{set.Cer:0.0000}[/]", $"[bold]{set.Wer:0.0000}[/]", $"{set.TrueSpans}", $"{set.RecalledSpans}",
            $"{set.HypothesisMarkers}", $"{set.CreditedMarkers}", $"{set.GarbageChars}", $"{set.SilentMisses}");
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(
            $"pages {set.Pages}  CER {set.Cer:0.0000}  WER {set.Wer:0.0000}  " +
            $"span recall {Ratio(set.RecalledSpans, set.TrueSpans, set.SpanRecall)}  " +
            $"span precision {Ratio(set.CreditedMarkers, set.HypothesisMarkers, set.SpanPrecision)}  " +
            $"false markers {set.FalseMarkers} (on {set.PagesWithFalseMarkers} of {set.PagesWithoutSpans} pages without spans)  " +
            $"garbage rate {Ratio(set.GarbageSpans, set.TrueSpans, set.GarbageRate)}  " +
            $"garbage chars {set.GarbageChars} ({(set.GarbageCharsPerSpan is { } g ? $"{g:0.0}" : "n/a")} per span)  " +
            $"silent misses {set.SilentMisses}{(joinHyphens ? "  (line-end hyphens joined)" : "")}");
        if (missing.Count > 0)
            AnsiConsole.WriteLine($"no transcript (scored as empty): {string.Join(", ", missing)}");
    }

    private static string Ratio(int part, int whole, double? value) => value is { } v ? $"{part}/{whole} = {v:0.00}" : "n/a";
}
