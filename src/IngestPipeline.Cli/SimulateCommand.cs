using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IngestPipeline.Cli.Simulation;

namespace IngestPipeline.Cli;

/// <summary>
/// <c>simulate-reviews --host URL --api-key KEY</c>: a generated collection, half of it approved as its ground truth
/// through the review API, the other half read after (<see cref="LearningSimulation"/>); prints what changed.
/// </summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "The running app (with its stages: the embedded default, or a scale-out)", Required = true };
        var key = new Option<string?>("--api-key") { Description = "A reviewer's (or admin's) API key that may also upload; else INGESTPIPELINE_API_KEY" };
        var pages = new Option<int>("--pages") { Description = "Pages in the collection, read in two halves", DefaultValueFactory = _ => 40 };
        var seed = new Option<int>("--seed") { Description = "The collection's seed: its pages and its names", DefaultValueFactory = _ => 61 };
        var collection = new Option<string?>("--collection") { Description = "The collection's name (default simulated-SEED)" };
        var work = new Option<string?>("--work") { Description = "Folder for the generated pages (default a new temporary folder)" };
        var json = new Option<string?>("--json") { Description = "Write the figures here as JSON" };
        var minutes = new Option<int>("--timeout") { Description = "Minutes to wait for a half to be read or published", DefaultValueFactory = _ => 20 };
        var command = new Command("simulate-reviews", "Measure what reviews teach on a generated collection: half approved as its truth, the other half read after")
            { host, key, pages, seed, collection, work, json, minutes };
        command.SetAction(async (parse, cancellation) =>
        {
            var apiKey = parse.GetValue(key) ?? Environment.GetEnvironmentVariable("INGESTPIPELINE_API_KEY");
            if (string.IsNullOrEmpty(apiKey))
            {
                Console.Error.WriteLine("error: give an API key (--api-key or INGESTPIPELINE_API_KEY)");
                return 2;
            }
            int count = parse.GetValue(pages);
            if (count < 4)
            {
                Console.Error.WriteLine("error: --pages must be at least 4");
                return 2;
            }
            if (!Uri.TryCreate(parse.GetValue(host), UriKind.Absolute, out var address))
            {
                Console.Error.WriteLine($"error: --host {parse.GetValue(host)} is no address (http://HOST:PORT)");
                return 2;
            }
            var name = parse.GetValue(collection) ?? $"simulated-{parse.GetValue(seed)}";
            var folder = parse.GetValue(work) ?? Directory.CreateTempSubdirectory("ingestpipeline-simulation-").FullName;
            using var api = new PipelineApi(address, apiKey);
            SimulationReport report;
            try
            {
                report = await new LearningSimulation(api, folder, Console.Out).RunAsync(name, count, parse.GetValue(seed), TimeSpan.FromMinutes(parse.GetValue(minutes)), cancellation);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or InvalidDataException or InvalidOperationException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
            Print(report);
            if (parse.GetValue(json) is { } path)
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), cancellation);
            return 0;
        });
        return command;
    }

    private static void Print(SimulationReport r)
    {
        static string P(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "-";
        Console.WriteLine();
        Console.WriteLine($"| {r.Collection} | pages | CER | markers | on spans | wrong markers | per page | span recall | marker precision |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var rows = new List<(string, HalfFigures?)> { ("first half, before review", r.First), ("second half, with the lexicon and confusions", r.Second),
            ($"second half, with model {r.Model}", r.SecondWithModel), ("second half, after the rollback", r.SecondAfterRollback), ("second half, untaught", r.SecondUntaught) };
        foreach (var (label, h) in rows.Where(row => row.Item2 is not null).Select(row => (row.Item1, row.Item2!)))
            Console.WriteLine($"| {label} | {h.Pages} | {h.Cer:0.0000} | {h.Markers} | {h.CreditedMarkers} | {h.WrongMarkers} | {h.WrongMarkers / (double)h.Pages:0.00} | {P(h.MarkerRecall)} | {P(h.MarkerPrecision)} |");
        Console.WriteLine();
        static string Change(double? c) => c is { } x ? x.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture) : "none before";
        if (r.ModelRefused is { } refused) Console.WriteLine($"No model was retrained: {refused}");
        if (r.ModelBetter is { } better)
            Console.WriteLine(better ? $"Model {r.Model} did better than the decision in force on the approved documents it was not trained on: the retraining put it in force"
                : $"Model {r.Model} did not do better on the approved documents it was not trained on: the retraining left it out of force (put in force here to measure it)");
        if (r.RollbackRestored is { } restored) Console.WriteLine($"The rollback {(restored ? "restored" : "did NOT restore")} the second half's figures before the model");
        Console.WriteLine($"Wrong markers per page, taught second half against first: {Change(r.WrongMarkerChange)}; against the same pages untaught: {Change(r.WrongMarkerChangeOnSamePages)}");
        Console.WriteLine($"Quality page on the first half: marker precision {P(r.EstimatedMarkerPrecision)} (truth {P(r.First.MarkerPrecision)}), recall {P(r.EstimatedMarkerRecall)} (truth {P(r.First.MarkerRecall)}), CER {r.EstimatedCer:0.0000} (truth {r.First.Cer:0.0000})");
        Console.WriteLine($"Truth lines no line of their page held: {r.LinesUnplaced}; words the collection's lexicon knows: {r.LexiconWords}");
        Console.WriteLine($"Confusions learned: {(r.Confusions.Count == 0 ? "none" : string.Join(", ", r.Confusions))}; misread words learned: {r.MisreadWords}");
    }
}
