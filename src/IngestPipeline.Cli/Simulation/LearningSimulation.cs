using System.Text.Json;
using IngestPipeline.Corpus;
using IngestPipeline.Corpus.Labels;
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
/// What the simulation measured: both halves, the second half read again in a collection that learned nothing (the
/// same pages: what learning changed, apart from the pages' own damage), and the collection's quality figures
/// against the first half's truth.
/// </summary>
public sealed record SimulationReport(string Collection, HalfFigures First, HalfFigures Second, HalfFigures SecondUntaught,
    double? EstimatedMarkerPrecision, double? EstimatedMarkerRecall, double EstimatedCer, int LinesUnplaced, int LexiconWords)
{
    /// <summary>Wrong markers per page of the second half against the first's, as a change (negative: fewer); null when the first had none.</summary>
    public double? WrongMarkerChange => Change(First, Second);

    /// <summary>Wrong markers on the second half against the same pages read untaught, as a change; null when those had none.</summary>
    public double? WrongMarkerChangeOnSamePages => Change(SecondUntaught, Second);

    private static double? Change(HalfFigures before, HalfFigures after) => before.WrongMarkers == 0 ? null
        : (after.WrongMarkers / (double)after.Pages - before.WrongMarkers / (double)before.Pages) / (before.WrongMarkers / (double)before.Pages);
}

/// <summary>
/// Proves on a collection of generated pages what reviews teach: the pages (typefaces of the validation split, and names
/// of the collection's own that no dictionary holds) are uploaded to a running app in two halves. A scripted reviewer
/// approves the first half's ground truth through the review API, line by line as the truth places on each page
/// (<see cref="TruthLines"/>); once they are published, the collection has learned from them; then the second half is
/// uploaded. Each half is scored against its truth as the pipeline read it, and the collection's quality figures
/// (measured from the approved texts) are set beside the first half's truth. The second half is read again, as other
/// files with the same pixels, in a collection nothing was approved in: the same pages with and without what was learned.
/// </summary>
public sealed class LearningSimulation(PipelineApi api, string work, TextWriter log)
{
    private static readonly string[] Reviewable = ["AwaitingReview"];
    private static readonly string[] Done = ["Published"];

    public async Task<SimulationReport> RunAsync(string collection, int pages, int seed, TimeSpan timeout, CancellationToken cancellation)
    {
        var folder = Path.Combine(work, "pages");
        var names = CollectionNames.Invent(seed);
        log.WriteLine($"Generating {pages} pages of {collection} (names of its own: {string.Join(", ", names.Places.Take(3))}, …) in {folder}");
        var generated = CorpusGenerator.Generate(folder, pages, seed, CorpusSplit.Validation, names: names);
        var half = pages / 2;
        var (firstPages, secondPages) = (generated.Take(half).ToList(), generated.Skip(half).ToList());

        var first = await ReadAsync(firstPages, collection, timeout, cancellation);
        log.WriteLine($"First half read: {Describe(first.Figures)}");
        int unplaced = 0;
        foreach (var (name, id) in first.Documents)
            unplaced += await ApproveTruthAsync(id, Path.Combine(folder, name + ".gt.json"), cancellation);
        await api.WaitForAsync(first.Documents.Values, Done, timeout, cancellation);
        log.WriteLine($"First half approved as its ground truth and published ({unplaced} truth lines had no line on their page)");

        var second = await ReadAsync(secondPages, collection, timeout, cancellation);
        log.WriteLine($"Second half read: {Describe(second.Figures)}");
        // The same pages again (other bytes, the same pixels) in a collection nothing was approved in.
        var control = Path.Combine(work, "untaught");
        Directory.CreateDirectory(control);
        foreach (var name in secondPages)
        {
            await File.WriteAllBytesAsync(Path.Combine(control, name + ".png"), GeneratedPage.WithNote(await File.ReadAllBytesAsync(Path.Combine(folder, name + ".png"), cancellation), "untaught copy"), cancellation);
            File.Copy(Path.Combine(folder, name + ".gt.txt"), Path.Combine(control, name + ".gt.txt"), overwrite: true);
        }
        var untaught = await ReadAsync(secondPages, collection + "-untaught", timeout, cancellation, control);
        log.WriteLine($"Second half read untaught: {Describe(untaught.Figures)}");

        using var quality = await api.GetJsonAsync($"api/collections/{Uri.EscapeDataString(collection)}/quality", cancellation);
        var all = quality.RootElement.GetProperty("all");
        using var lexicon = await api.GetJsonAsync($"api/collections/{Uri.EscapeDataString(collection)}/lexicon", cancellation);
        return new SimulationReport(collection, first.Figures, second.Figures, untaught.Figures, Number(all, "markerPrecision"), Number(all, "markerRecall"),
            all.GetProperty("cer").GetDouble(), unplaced, lexicon.RootElement.EnumerateArray().Count(e => e.GetProperty("known").GetBoolean()));
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
