using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Illegibility.Model;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility.Reviewed;

/// <summary>A reviewed document: the pipeline's raw reading of its pages and the approved text, page by page (matched by number).</summary>
public sealed record ReviewedDocument(string Id, IReadOnlyList<Page> Raw, IReadOnlyList<Page> Approved);

/// <summary>
/// A model retrained on a collection's reviewed documents, and how its markers compare with the approved ones before
/// and after: <see cref="Before"/> is the decision in force on all the documents, <see cref="After"/> the new
/// training's on documents it was not trained on (each half of the documents marked by the model grown on the other
/// half, at the new threshold), so the figures say what it will do on the next documents, not how well it remembers.
/// </summary>
public sealed record RetrainedModel(IllegibilityModel Model, IReadOnlyList<(double Probability, bool Unreadable)> HeldOut,
    int Documents, int Cases, int UnreadableCases, MarkerFigures Before, MarkerFigures After);

/// <summary>
/// Retrains the [ILLEGIBLE] decision for one collection from its reviewed documents: trees are added to a model
/// (the collection's active one, or the one shipped) on the candidates of the reviewed pages
/// (<see cref="IllegibilityTrainer.Continue"/>), and the threshold is the lowest at which the held-out candidates
/// reach the collection's target precision.
/// </summary>
public static class CollectionRetraining
{
    /// <summary>Two documents in each half of the split, at least: fewer teach nothing that can be checked.</summary>
    public const int MinDocuments = 4;

    /// <summary>
    /// Few, shallow trees with a smaller leaf than the generated training's: a collection has hundreds of candidates,
    /// not hundreds of thousands, and what it adds is a correction (a place name taken for damage, a faint ribbon).
    /// </summary>
    public static TreeSettings Settings { get; } = new() { Trees = 40, Depth = 3, MinLeafCases = 10 };

    /// <param name="current">The cleanup as it runs for the collection now (its model and threshold, or the hand rules): the figures before.</param>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinDocuments"/> documents, or no candidate on their pages.</exception>
    public static RetrainedModel Retrain(string collection, IReadOnlyList<ReviewedDocument> documents, IllegibilityModel start, CleanupOptions current,
        Lexicon lexicon, double targetPrecision, int seed = 1)
    {
        if (documents.Count < MinDocuments)
            throw new ArgumentException($"collection \"{collection}\" has {documents.Count} approved documents; retraining needs at least {MinDocuments}");
        var cases = documents.SelectMany(d => Pairs(d).SelectMany(p => ReviewedEvidence.Cases(d.Id, p.Raw, p.Approved, lexicon, current))).ToList();
        if (cases.Count == 0) throw new ArgumentException($"collection \"{collection}\": its approved pages hold no candidate to learn from");
        var result = IllegibilityTrainer.Continue(start, cases, [$"{collection} ({documents.Count} reviewed documents)"], seed, Settings, targetPrecision);
        var threshold = result.Model.Training.Threshold;
        var before = Figures(documents, _ => current, lexicon);
        var after = Figures(documents, d => current with
        {
            Model = result.Halves.FirstOrDefault(h => h.UnseenPages.Contains(d.Id)).Model ?? result.Model,
            IllegibleThreshold = threshold,
        }, lexicon);
        return new RetrainedModel(result.Model, result.HeldOut, documents.Count, cases.Count, cases.Count(c => c.Unreadable), before, after);
    }

    /// <summary>How the markers of <paramref name="options"/>'s cleanup compare with the approved ones, over all the documents.</summary>
    public static MarkerFigures Figures(IReadOnlyList<ReviewedDocument> documents, Func<ReviewedDocument, CleanupOptions> options, Lexicon lexicon)
    {
        var figures = MarkerFigures.None;
        foreach (var document in documents)
        {
            var cleaned = TranscriptCleaner.Clean(new Transcript(document.Id, document.Raw), lexicon, options(document));
            var approved = document.Approved.ToDictionary(p => p.Number);
            foreach (var page in cleaned.Pages)
                if (approved.TryGetValue(page.Number, out var truth)) figures += MarkerFigures.Of(page, truth);
        }
        return figures;
    }

    private static IEnumerable<(Page Raw, Page Approved)> Pairs(ReviewedDocument document)
    {
        var approved = document.Approved.ToDictionary(p => p.Number);
        return document.Raw.Where(p => approved.ContainsKey(p.Number)).Select(p => (p, approved[p.Number]));
    }
}
