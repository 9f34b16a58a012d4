using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IngestPipeline.Cli.Simulation;

namespace IngestPipeline.Cli;

/// <summary>
/// <c>collection retrain|decision|activate|target-precision|rollback NAME --host URL --api-key KEY</c>: a collection's
/// [ILLEGIBLE] decision on a running app, as an admin manages it from the Quality page.
/// </summary>
public static class CollectionCommand
{
    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "The running app", Required = true, Recursive = true };
        var key = new Option<string?>("--api-key") { Description = "An admin's API key; else INGESTPIPELINE_API_KEY", Recursive = true };
        var retrain = new Command("retrain", "Retrain the collection's decision from its approved documents (on a worker) and wait for it")
        {
            new Option<bool>("--activate-if-better") { Description = "Put the model in force if, on documents it was not trained on, it sets fewer false markers or finds more approved ones, and neither worse" },
            new Option<int>("--timeout") { Description = "Minutes to wait", DefaultValueFactory = _ => 30 },
        };
        retrain.Add(Name());
        retrain.SetAction((parse, cancellation) => WithApi(parse, host, key, async (api, collection) =>
        {
            int number = await api.RetrainAsync(collection, parse.GetValue<bool>("--activate-if-better"), TimeSpan.FromMinutes(parse.GetValue<int>("--timeout")), cancellation);
            Console.WriteLine($"model {number} recorded");
            await PrintAsync(api, collection, cancellation);
        }));
        var decision = new Command("decision", "Show the collection's models, the one in force and every change") { Name() };
        decision.SetAction((parse, cancellation) => WithApi(parse, host, key, (api, collection) => PrintAsync(api, collection, cancellation)));
        var activate = new Command("activate", "Put a model in force (0: the pipeline's own decision)") { Name(), new Argument<int>("number") };
        activate.SetAction((parse, cancellation) => WithApi(parse, host, key, async (api, collection) =>
        {
            (await api.SendJsonAsync(HttpMethod.Post, $"api/collections/{Uri.EscapeDataString(collection)}/models/{parse.GetValue<int>("number")}/activate", null, cancellation)).Dispose();
            await PrintAsync(api, collection, cancellation);
        }));
        var target = new Command("target-precision", "Set the precision the collection's threshold aims at (0.5 to 0.999)") { Name(), new Argument<double>("precision") };
        target.SetAction((parse, cancellation) => WithApi(parse, host, key, async (api, collection) =>
        {
            (await api.SendJsonAsync(HttpMethod.Put, $"api/collections/{Uri.EscapeDataString(collection)}/decision/target-precision",
                new { targetPrecision = parse.GetValue<double>("precision") }, cancellation)).Dispose();
            await PrintAsync(api, collection, cancellation);
        }));
        var rollback = new Command("rollback", "Undo the change in force: the one before it decides again") { Name() };
        rollback.SetAction((parse, cancellation) => WithApi(parse, host, key, async (api, collection) =>
        {
            (await api.SendJsonAsync(HttpMethod.Post, $"api/collections/{Uri.EscapeDataString(collection)}/decision/rollback", null, cancellation)).Dispose();
            await PrintAsync(api, collection, cancellation);
        }));
        return new Command("collection", "A collection's [ILLEGIBLE] decision on a running app: retrain it from reviews, choose the model in force, roll back")
            { host, key, retrain, decision, activate, target, rollback };
    }

    private static Argument<string> Name() => new("name") { Description = "The collection" };

    private static async Task<int> WithApi(ParseResult parse, Option<string> host, Option<string?> key, Func<PipelineApi, string, Task> action)
    {
        var apiKey = parse.GetValue(key) ?? Environment.GetEnvironmentVariable("INGESTPIPELINE_API_KEY");
        if (string.IsNullOrEmpty(apiKey))
        {
            Console.Error.WriteLine("error: give an admin's API key (--api-key or INGESTPIPELINE_API_KEY)");
            return 2;
        }
        if (!Uri.TryCreate(parse.GetValue(host), UriKind.Absolute, out var address))
        {
            Console.Error.WriteLine($"error: --host {parse.GetValue(host)} is no address (http://HOST:PORT)");
            return 2;
        }
        using var api = new PipelineApi(address, apiKey);
        try
        {
            await action(api, parse.GetValue<string>("name")!);
            return 0;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static async Task PrintAsync(PipelineApi api, string collection, CancellationToken cancellation)
    {
        using var json = await api.GetJsonAsync($"api/collections/{Uri.EscapeDataString(collection)}/decision", cancellation);
        var root = json.RootElement;
        static string Number(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDouble().ToString("0.###", CultureInfo.InvariantCulture) : "-";
        Console.WriteLine(root.GetProperty("model").ValueKind == JsonValueKind.Number
            ? $"in force: model {root.GetProperty("model").GetInt32()} from probability {Number(root.GetProperty("threshold"))}, target precision {Number(root.GetProperty("targetPrecision"))}"
            : $"in force: the pipeline's own decision, target precision {Number(root.GetProperty("targetPrecision"))}");
        Console.WriteLine("| model | version | documents | candidates (unreadable) | threshold | false markers before -> after | approved markers found before -> after |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var m in root.GetProperty("models").EnumerateArray())
        {
            var (before, after) = (m.GetProperty("before"), m.GetProperty("after"));
            Console.WriteLine($"| {m.GetProperty("number")}{(m.GetProperty("inForce").GetBoolean() ? " (in force)" : "")} | {m.GetProperty("version").GetString()} | {m.GetProperty("documents")} "
                + $"| {m.GetProperty("cases")} ({m.GetProperty("unreadableCases")}) | {Number(m.GetProperty("threshold"))} | {before.GetProperty("falseMarkers")} -> {after.GetProperty("falseMarkers")} "
                + $"| {before.GetProperty("foundSpans")} -> {after.GetProperty("foundSpans")} of {before.GetProperty("spans")} |");
        }
    }
}
