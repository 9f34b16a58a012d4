using System.Text.Json;
using Spectre.Console;

namespace IngestPipeline.Cli.Ingest;

/// <summary>The end-of-batch table on the console and the same figures as JSON for scripts.</summary>
public static class IngestSummary
{
    public static void Print(IReadOnlyList<DocumentResult> results, TimeSpan elapsed, long peakRssBytes, string outputDirectory)
    {
        var table = new Table().AddColumns("File", "Pages", "Seconds", "Mean conf.", "Result");
        foreach (var r in results)
            table.AddRow(
                Markup.Escape(r.File.OutputName),
                r.Pages.ToString(),
                r.Elapsed.TotalSeconds.ToString("0.0"),
                r.Succeeded ? r.MeanConfidence.ToString("0.0") : "",
                r.Succeeded ? "[green]ok[/]" : $"[red]failed:[/] {Markup.Escape(r.Error!)}");
        AnsiConsole.Write(table);

        var totals = Totals(results, elapsed, peakRssBytes);
        AnsiConsole.WriteLine(
            $"{totals.Files} files, {totals.Pages} pages in {totals.Seconds:0.0} s ({totals.PagesPerMinute:0.0} pages/min), " +
            $"{totals.Failed} failed; peak RSS {totals.PeakRssMegabytes} MB");
        AnsiConsole.WriteLine($"Results are in {outputDirectory}");
    }

    public static void WriteJson(string path, IReadOnlyList<DocumentResult> results, TimeSpan elapsed, long peakRssBytes)
    {
        var summary = new
        {
            totals = Totals(results, elapsed, peakRssBytes),
            documents = results.Select(r => new { file = r.File.Path, name = r.File.OutputName, pages = r.Pages, seconds = r.Elapsed.TotalSeconds, meanConfidence = r.MeanConfidence, error = r.Error }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
    }

    private static BatchTotals Totals(IReadOnlyList<DocumentResult> results, TimeSpan elapsed, long peakRssBytes)
    {
        int pages = results.Where(r => r.Succeeded).Sum(r => r.Pages);
        return new BatchTotals(results.Count, pages, results.Count(r => !r.Succeeded), Math.Round(elapsed.TotalSeconds, 2),
            elapsed.TotalMinutes > 0 ? Math.Round(pages / elapsed.TotalMinutes, 1) : 0, peakRssBytes / (1024 * 1024));
    }

    public sealed record BatchTotals(int Files, int Pages, int Failed, double Seconds, double PagesPerMinute, long PeakRssMegabytes);
}
