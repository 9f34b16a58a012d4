using System.Text.Json;
using IngestPipeline.Corpus;
using IngestPipeline.Corpus.Labels;
using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Evaluation;
using IngestPipeline.Domain.Export;

namespace IngestPipeline.Cli.Simulation;

/// <summary>A half of the simulated collection: its pages scored against their ground truth as read, before any review of them.</summary>
public sealed record HalfFigures(int Pages, double Cer, int TrueSpans, int RecalledSpans, int Markers, int CreditedMarkers, int FalseMarkers)
{
    /// <summary>Markers where the truth has no unreadable span (markers not credited to one).</summary>
    public int WrongMarkers => Markers - CreditedMarkers;
    public double? MarkerPrecision => Markers == 0 ? null : (double)CreditedMarkers / Markers;
    public double? MarkerRecall => TrueSpans == 0 ? null : (double)RecalledSpans / TrueSpans;

    public static HalfFigures Of(SetScore score) => new(score.Pages, score.Cer, score.TrueSpans, score.RecalledSpans, score.HypothesisMarkers, score.CreditedMarkers, score.FalseMarkers);
}

/// <summary>
/// What the simulation measured: both halves, the second read again with the model retrained from the first half's
/// reviews in force and again after that model was rolled back (which must read as the second half did before it), the
/// second half read in a collection that learned nothing (the same pages: what learning changed, apart from the
/// pages' own damage), and the collection's quality figures against the first half's truth.
/// </summary>
public sealed record SimulationReport(string Collection, HalfFigures First, HalfFigures Second, HalfFigures SecondUntaught,
    double? EstimatedMarkerPrecision, double? EstimatedMarkerRecall, double EstimatedCer, int LinesUnplaced, int LexiconWords)
{
    /// <summary>The model retrained from the first half (null when the retraining was refused: <see cref="ModelRefused"/> says why).</summary>
    public int? Model { get; init; }

    /// <summary>What the first half's corrections taught cleanup: letters lost or swapped ("s lost"), and how many misread words.</summary>
    public IReadOnlyList<string> Confusions { get; init; } = [];
    public int MisreadWords { get; init; }

    /// <summary>
    /// Whether the retraining put the model in force by itself: on the approved documents it was not trained on, it left
    /// reviewers fewer markers to change than the decision in force (<see cref="Domain.Illegibility.Reviewed.MarkerFigures.Beats"/>).
    /// Otherwise the simulation puts it in force to measure it.
    /// </summary>
    public bool? ModelBetter { get; init; }
    public string? ModelRefused { get; init; }

    /// <summary>The second half read with the retrained model in force, and read again once it was rolled back.</summary>
    public HalfFigures? SecondWithModel { get; init; }
    public HalfFigures? SecondAfterRollback { get; init; }

    /// <summary>Whether the rollback brought back the second half's figures exactly.</summary>
    public bool? RollbackRestored => SecondAfterRollback is null ? null : SecondAfterRollback == Second;

    /// <summary>The second half as the collection reads it once taught: with the retrained model where the retraining put it in force.</summary>
    public HalfFigures Taught => ModelBetter == true && SecondWithModel is { } withModel ? withModel : Second;

    /// <summary>Wrong markers per page of the taught second half against the first's, as a change (negative: fewer); null when the first had none.</summary>
    public double? WrongMarkerChange => Change(First, Taught);

    /// <summary>Wrong markers on the taught second half against the same pages read untaught, as a change; null when those had none.</summary>
    public double? WrongMarkerChangeOnSamePages => Change(SecondUntaught, Taught);

    private static double? Change(HalfFigures before, HalfFigures after) => before.WrongMarkers == 0 ? null
        : (after.WrongMarkers / (double)after.Pages - before.WrongMarkers / (double)before.Pages) / (before.WrongMarkers / (double)before.Pages);
}

/// <summary>
/// Proves on a collection of generated pages what reviews teach: the pages (damage of the validation split, names of
/// the collection's own that no dictionary holds, and its own typewriter: <see cref="Typewriter"/>) are uploaded to a running app in two halves. A scripted reviewer
/// approves the first half's ground truth through the review API, line by line as the truth places on each page
/// (<see cref="TruthLines"/>); once they are published, the collection has learned its lexicon from them, and its
/// [ILLEGIBLE] decision is retrained from them (in force if it does better); then the second half is uploaded. Each half is scored against its truth
/// as the pipeline read it, and the collection's quality figures (measured from the approved texts) are set beside the
/// first half's truth. The second half is read again (other files, the same pixels) with the retrained model in force,
/// again after a rollback, and in a collection nothing was approved in.
/// </summary>
public sealed class LearningSimulation(PipelineApi api, string work, TextWriter log)
{
    private static readonly string[] Reviewable = ["AwaitingReview"];
    private static readonly string[] Done = ["Published"];

    public async Task<SimulationReport> RunAsync(string collection, int pages, int seed, TimeSpan timeout, CancellationToken cancellation)
    {
        var folder = Path.Combine(work, "pages");
        var names = CollectionNames.Invent(seed);
        var typewriter = Typewriter.Invent(seed);
        log.WriteLine($"Generating {pages} pages of {collection} (names of its own: {string.Join(", ", names.Places.Take(3))}, …; typed on a {typewriter.Typeface.Name} "
            + $"at {typewriter.Pitch} to the inch with a tired ribbon, worn type and weak keys {string.Join(" and ", typewriter.WeakKeys.Select(k => $"'{k}'"))}) in {folder}");
        var generated = CorpusGenerator.Generate(folder, pages, seed, CorpusSplit.Validation, names: names, typewriter: typewriter);
        var half = pages / 2;
        var (firstPages, secondPages) = (generated.Take(half).ToList(), generated.Skip(half).ToList());
        string path = Uri.EscapeDataString(collection);

        var first = await ReadAsync(firstPages, collection, timeout, cancellation);
        log.WriteLine($"First half read: {Describe(first.Figures)}");
        int unplaced = 0;
        foreach (var (name, id) in first.Documents)
            unplaced += await ApproveTruthAsync(id, Path.Combine(folder, name + ".gt.json"), cancellation);
        await api.WaitForAsync(first.Documents.Values, Done, timeout, cancellation);
        log.WriteLine($"First half approved as its ground truth and published ({unplaced} truth lines had no line on their page)");
        var second = await ReadAsync(secondPages, collection, timeout, cancellation);
        log.WriteLine($"Second half read with the collection's lexicon and confusions: {Describe(second.Figures)}");
        // Retrained from the first half only, after the second was read with the lexicon and confusions alone: the same pages are read with the model below.
        int? model = null;
        bool? better = null;
        string? refused = null;
        try
        {
            model = await api.RetrainAsync(collection, activateIfBetter: true, timeout, cancellation);
            using var decision = await api.GetJsonAsync($"api/collections/{path}/decision", cancellation);
            var row = decision.RootElement.GetProperty("models")[0];
            better = row.GetProperty("inForce").GetBoolean();
            log.WriteLine($"Model {model} ({row.GetProperty("version").GetString()}) retrained from the first half: false markers {row.GetProperty("before").GetProperty("falseMarkers")} -> "
                + $"{row.GetProperty("after").GetProperty("falseMarkers")}, approved markers found {row.GetProperty("before").GetProperty("foundSpans")} -> "
                + $"{row.GetProperty("after").GetProperty("foundSpans")} of {row.GetProperty("before").GetProperty("spans")} (on documents it was not trained on): "
                + (better.Value ? "better, put in force" : "not better, left out of force"));
        }
        catch (InvalidOperationException e)
        {
            refused = e.Message;
            log.WriteLine($"No model: {e.Message}");
        }

        HalfFigures? withModel = null, afterRollback = null;
        if (model is not null)
        {
            // A model the retraining left out of force is put in force here, to measure what it would have done.
            if (better == false) (await api.SendJsonAsync(HttpMethod.Post, $"api/collections/{path}/models/{model}/activate", null, cancellation)).Dispose();
            withModel = (await ReadAsync(secondPages, collection, timeout, cancellation, await CopyAsync(secondPages, "with-model", cancellation))).Figures;
            log.WriteLine($"Second half read with model {model} in force: {Describe(withModel)}");
            (await api.SendJsonAsync(HttpMethod.Post, $"api/collections/{path}/decision/rollback", null, cancellation)).Dispose();
            afterRollback = (await ReadAsync(secondPages, collection, timeout, cancellation, await CopyAsync(secondPages, "after-rollback", cancellation))).Figures;
            log.WriteLine($"Second half read after the rollback: {Describe(afterRollback)}{(afterRollback == second.Figures ? ", as before the model" : ", NOT as before the model")}");
        }
        var untaught = await ReadAsync(secondPages, collection + "-untaught", timeout, cancellation, await CopyAsync(secondPages, "untaught", cancellation));
        log.WriteLine($"Second half read untaught: {Describe(untaught.Figures)}");

        using var quality = await api.GetJsonAsync($"api/collections/{path}/quality", cancellation);
        var all = quality.RootElement.GetProperty("all");
        using var lexicon = await api.GetJsonAsync($"api/collections/{path}/lexicon", cancellation);
        using var confusions = await api.GetJsonAsync($"api/collections/{path}/confusions", cancellation);
        return new SimulationReport(collection, first.Figures, second.Figures, untaught.Figures, Number(all, "markerPrecision"), Number(all, "markerRecall"),
            all.GetProperty("cer").GetDouble(), unplaced, lexicon.RootElement.EnumerateArray().Count(e => e.GetProperty("known").GetBoolean()))
        {
            Model = model, ModelBetter = better, ModelRefused = refused, SecondWithModel = withModel, SecondAfterRollback = afterRollback,
            Confusions = [.. confusions.RootElement.GetProperty("confusions").EnumerateArray()
                .Select(c => new Confusion(c.GetProperty("from").GetString()!, c.GetProperty("to").GetString()!).ToString())],
            MisreadWords = confusions.RootElement.GetProperty("readings").EnumerateObject().Count(),
        };
    }

    /// <summary>The pages again as other files (a note in each changes its bytes, not its pixels), with their truth, in a folder of their own.</summary>
    private async Task<string> CopyAsync(IReadOnlyList<string> names, string note, CancellationToken cancellation)
    {
        var copies = Path.Combine(work, note);
        Directory.CreateDirectory(copies);
        foreach (var name in names)
        {
            var png = await File.ReadAllBytesAsync(Path.Combine(work, "pages", name + ".png"), cancellation);
            await File.WriteAllBytesAsync(Path.Combine(copies, name + ".png"), GeneratedPage.WithNote(png, note + " copy"), cancellation);
            File.Copy(Path.Combine(work, "pages", name + ".gt.txt"), Path.Combine(copies, name + ".gt.txt"), overwrite: true);
        }
        return copies;
    }

    private sealed record ReadHalf(Dictionary<string, Guid> Documents, HalfFigures Figures);

    /// <summary>Uploads the pages, waits until they await review, and scores each as read against its truth.</summary>
    private async Task<ReadHalf> ReadAsync(IReadOnlyList<string> names, string collection, TimeSpan timeout, CancellationToken cancellation, string? from = null)
    {
        var folder = from ?? Path.Combine(work, "pages");
        // Ten files a request: well inside the app's request limit, whatever the pages weigh.
        var uploaded = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var chunk in names.Chunk(10))
            foreach (var (file, id) in await api.UploadAsync(chunk.Select(n => Path.Combine(folder, n + ".png")), collection, cancellation)) uploaded[file] = id;
        var documents = names.ToDictionary(n => n, n => uploaded[n + ".png"]);
        var stages = await api.WaitForAsync(documents.Values, Reviewable, timeout, cancellation);
        if (stages.Where(s => s.Value == "Failed").Select(s => s.Key).ToList() is { Count: > 0 } failed)
            throw new InvalidDataException($"{failed.Count} generated pages failed to be read, e.g. document {failed[0]}");
        var scores = new List<PageScore>();
        foreach (var (name, id) in documents)
        {
            var read = PlainTextExporter.Write(await api.TranscriptAsync(id, cancellation));
            scores.Add(TranscriptScorer.ScorePage(name, await File.ReadAllTextAsync(Path.Combine(folder, name + ".gt.txt"), cancellation), read));
        }
        return new ReadHalf(documents, HalfFigures.Of(TranscriptScorer.ScoreSet(scores)));
    }

    /// <summary>Approves the document with its ground truth typed into its lines; how many truth lines had no line to go to.</summary>
    private async Task<int> ApproveTruthAsync(Guid document, string truthPath, CancellationToken cancellation)
    {
        var transcript = await api.TranscriptAsync(document, cancellation);
        var edits = new List<(int Page, int Line, string Text)>();
        int unplaced = 0;
        foreach (var page in transcript.Pages)
        {
            if (TruthLines.For(truthPath, page) is not { } truth)
                throw new InvalidDataException($"{truthPath}: the truth could not be placed on page {page.Number} of document {document}");
            unplaced += truth.Unplaced;
            edits.AddRange(truth.Texts.Select(t => (page.Number, t.Key, t.Value)));
        }
        await api.ApproveAsync(document, await api.RevisionAsync(document, cancellation), edits, cancellation);
        return unplaced;
    }

    private static double? Number(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Number ? element.GetProperty(name).GetDouble() : null;

    public static string Describe(HalfFigures h) =>
        $"{h.Pages} pages, CER {h.Cer:0.0000}, markers {h.Markers} ({h.CreditedMarkers} on unreadable spans, {h.WrongMarkers} wrong), recall {h.RecalledSpans}/{h.TrueSpans}";
}
