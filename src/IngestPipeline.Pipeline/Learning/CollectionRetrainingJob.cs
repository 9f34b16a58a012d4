using Hangfire;
using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Illegibility.Reviewed;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Ocr.Illegibility;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IngestPipeline.Pipeline.Learning;

/// <summary>
/// Retrains a collection's [ILLEGIBLE] decision from its approved documents (<see cref="CollectionRetraining"/>): trees
/// are grown on from the model in force for the collection (its last retrained one, else the pipeline's model, else
/// the one shipped), the new model is recorded with its figures, and it is put in force only when asked to and when
/// on the documents it was not trained on it leaves reviewers fewer markers to change than the decision in force
/// (<see cref="MarkerFigures.Beats"/>). A Hangfire job on the worker, which has the lexicon and the model files.
/// </summary>
public sealed class CollectionRetrainingJob(PipelineDbContext db, CollectionDecisions decisions, Lexicon lexicon, CleanupOptions cleanup, PipelineOptions options,
    ILogger<CollectionRetrainingJob> log)
{
    /// <summary>
    /// The most recently approved documents taught: a page's raw reading is about 100 KB of JSON, so 500 single-page
    /// documents hold some hundreds of megabytes while they are measured; more would crowd the worker's engines and
    /// teach 40 small trees little more.
    /// </summary>
    public const int MaxDocuments = 500;

    // Too few documents, or a collection that is gone, will be so on a retry too: the job fails once, with its reason.
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RetrainAsync(string collection, string by, bool activateIfBetter, CancellationToken cancellation)
    {
        var documents = await ReviewedAsync(collection, cancellation);
        var current = await decisions.CleanupForAsync(collection, cleanup, options.Illegibility, cancellation);
        var start = current.Model ?? IllegibilityModelFiles.Choose(IllegibilityModelFiles.Learned)!;
        double target = (await decisions.InForceAsync(collection, cancellation))?.TargetPrecision ?? CollectionDecisions.DefaultTargetPrecision;
        var known = lexicon.With(await CollectionLexicon.WordsAsync(db, collection, cancellation));
        var retrained = CollectionRetraining.Retrain(collection, documents, start, current, known, target);
        var (before, after) = (retrained.Before, retrained.After);
        bool better = after.Beats(before);
        var model = await decisions.AddAsync(new CollectionModel
        {
            Collection = collection, Version = retrained.Model.Version, StartVersion = start.Version, TrainedAt = DateTime.UtcNow, TrainedBy = by,
            ModelJson = retrained.Model.ToJson(), TargetPrecision = target, Threshold = retrained.Model.Training.Threshold,
            HeldOutJson = CollectionDecisions.HeldOutJson(retrained.HeldOut),
            Documents = retrained.Documents, Pages = before.Pages, Cases = retrained.Cases, UnreadableCases = retrained.UnreadableCases,
            BeforeMarkers = before.Markers, BeforeRightMarkers = before.RightMarkers, BeforeSpans = before.Spans, BeforeFoundSpans = before.FoundSpans,
            AfterMarkers = after.Markers, AfterRightMarkers = after.RightMarkers, AfterSpans = after.Spans, AfterFoundSpans = after.FoundSpans,
        }, activate: activateIfBetter && better, cancellation);
        log.LogInformation("Collection {Collection}: model {Number} ({Version}) from {Documents} documents; false markers {BeforeFalse} -> {AfterFalse}, "
            + "approved markers found {BeforeFound} -> {AfterFound} of {Spans}; {InForce}", collection, model.Number, model.Version, model.Documents,
            before.FalseMarkers, after.FalseMarkers, before.FoundSpans, after.FoundSpans, before.Spans,
            activateIfBetter && better ? "in force" : activateIfBetter ? "not better, not put in force" : "not put in force");
        return model.Number;
    }

    /// <summary>
    /// The collection's approved documents: each one's raw reading, page by page, and its latest approved text. A
    /// document is known to the training by its file's digest, in that order: the same files approved alike train the
    /// same model, whatever ids they were given (the split into halves hashes the name).
    /// </summary>
    private async Task<IReadOnlyList<ReviewedDocument>> ReviewedAsync(string collection, CancellationToken cancellation)
    {
        var approved = await db.Versions.Where(v => v.Kind == VersionKind.Approved)
            .Join(db.Documents.Where(d => d.Collection == collection), v => v.DocumentId, d => d.Id, (v, d) => new { v.DocumentId, d.Sha256, v.Number, v.CreatedAt })
            .GroupBy(v => new { v.DocumentId, v.Sha256 })
            .Select(g => new { Id = g.Key.DocumentId, g.Key.Sha256, Number = g.Max(v => v.Number), At = g.Max(v => v.CreatedAt) })
            .ToListAsync(cancellation);
        var documents = new List<ReviewedDocument>();
        foreach (var latest in approved.OrderByDescending(a => a.At).Take(MaxDocuments).OrderBy(a => a.Sha256, StringComparer.Ordinal))
        {
            var text = await db.Versions.Where(v => v.DocumentId == latest.Id && v.Number == latest.Number).Select(v => v.TranscriptJson).SingleAsync(cancellation);
            var raw = await db.Pages.Where(p => p.DocumentId == latest.Id && p.Status == PageStatus.Recognized && p.OcrJson != null)
                .OrderBy(p => p.Number).Select(p => p.OcrJson!).ToListAsync(cancellation);
            documents.Add(new ReviewedDocument(latest.Sha256, [.. raw.SelectMany(r => JsonExporter.Read(r).Pages)], JsonExporter.Read(text).Pages));
        }
        return documents;
    }
}
