using System.Collections.Concurrent;
using System.Text.Json;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Illegibility.Model;
using IngestPipeline.Domain.Illegibility.Reviewed;
using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Infrastructure.State;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Pipeline.Learning;

/// <summary>A retrained model as an admin sees it: what it learned from, its threshold, its figures before and after, whether it is in force.</summary>
public sealed record ModelSummary(int Number, string Version, string StartVersion, DateTime TrainedAt, string TrainedBy, int Documents, int Pages,
    int Cases, int UnreadableCases, double TargetPrecision, double Threshold, MarkerFigures Before, MarkerFigures After, bool InForce);

/// <summary>A collection's decision as admins see it: the change in force (null: the pipeline's own), the target precision, its models and every change, newest first.</summary>
public sealed record DecisionView(DecisionChange? InForce, double TargetPrecision, IReadOnlyList<ModelSummary> Models, IReadOnlyList<DecisionChange> History);

/// <summary>One change of a collection's decision, newest first in <see cref="CollectionDecisions.ViewAsync"/>.</summary>
public sealed record DecisionChange(int? Model, double? Threshold, double TargetPrecision, string Reason, DateTime ChangedAt, string ChangedBy,
    DateTime? UndoneAt, string? UndoneBy);

/// <summary>
/// How each collection's documents are decided: the pipeline's own [ILLEGIBLE] decision, or a model retrained from the
/// collection's reviews at a threshold chosen for the admin's target precision. Every change is a row
/// (<see cref="CollectionDecision"/>); the latest one not undone is in force, and a rollback undoes it, so the change
/// before comes back exactly, model and threshold. The clean stage asks <see cref="CleanupForAsync"/> for each document.
/// </summary>
public sealed class CollectionDecisions(PipelineDbContext db)
{
    /// <summary>The target precision of a collection whose admin set none (the shipped model's threshold aims at it too).</summary>
    public const double DefaultTargetPrecision = 0.9;

    // Model rows never change: a model read once serves every later document of the collection.
    private static readonly ConcurrentDictionary<Guid, IllegibilityModel> Loaded = new();

    /// <summary>The change in force, or null when the collection has none (the pipeline's own decision at the default target).</summary>
    public Task<CollectionDecision?> InForceAsync(string collection, CancellationToken cancellation) =>
        db.CollectionDecisions.Where(d => d.Collection == collection && d.UndoneAt == null)
            .OrderByDescending(d => d.ChangedAt).ThenByDescending(d => d.Id).FirstOrDefaultAsync(cancellation);

    /// <summary>
    /// The cleanup a document of the collection gets: the confusions its reviews taught (<see cref="CollectionConfusions"/>);
    /// the retrained model and its threshold where one is in force, else the pipeline's own decision at the threshold
    /// configured for the collection (<see cref="IllegibilityDecisionOptions.ThresholdFor"/>).
    /// </summary>
    public async Task<CleanupOptions> CleanupForAsync(string? collection, CleanupOptions cleanup, IllegibilityDecisionOptions configured, CancellationToken cancellation)
    {
        // The confusions its reviewers corrected are the collection's whichever decision marks its [ILLEGIBLE].
        cleanup = cleanup with { Confusions = (await CollectionConfusions.OfAsync(db, collection, cancellation)).AppliedTo(cleanup.Confusions) };
        var own = cleanup with { IllegibleThreshold = configured.ThresholdFor(collection) };
        if (string.IsNullOrEmpty(collection) || await InForceAsync(collection, cancellation) is not { ModelId: { } id } change) return own;
        if (!Loaded.TryGetValue(id, out var model))
        {
            var row = await db.CollectionModels.AsNoTracking().SingleAsync(m => m.Id == id, cancellation);
            model = Loaded.GetOrAdd(id, IllegibilityModel.FromJson(row.ModelJson, $"model {row.Number} of collection \"{collection}\""));
        }
        return cleanup with { Model = model, IllegibleThreshold = change.Threshold };
    }

    /// <summary>Puts model <paramref name="number"/> in force (null: the pipeline's own decision), at its threshold for the collection's target precision.</summary>
    /// <exception cref="KeyNotFoundException">The collection has no model of that number.</exception>
    public async Task<CollectionDecision> ActivateAsync(string collection, int? number, string by, CancellationToken cancellation)
    {
        double target = (await InForceAsync(collection, cancellation))?.TargetPrecision ?? DefaultTargetPrecision;
        var model = number is null ? null : await ModelAsync(collection, number.Value, cancellation);
        return await ChangeAsync(collection, model, target, "activated", by, cancellation);
    }

    /// <summary>Sets the precision the collection's threshold aims at; the model in force gets the threshold that reaches it on its held-out candidates.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The target is not between 0.5 and 0.999.</exception>
    public async Task<CollectionDecision> SetTargetPrecisionAsync(string collection, double target, string by, CancellationToken cancellation)
    {
        if (double.IsNaN(target) || target < 0.5 || target > 0.999)
            throw new ArgumentOutOfRangeException(nameof(target), target, "a target precision is between 0.5 and 0.999");
        var current = await InForceAsync(collection, cancellation);
        var model = current?.ModelId is { } id ? await db.CollectionModels.SingleAsync(m => m.Id == id, cancellation) : null;
        return await ChangeAsync(collection, model, target, "target precision", by, cancellation);
    }

    /// <summary>Undoes the change in force; the one before it (or the pipeline's own decision) is in force again. Null when there was nothing to undo.</summary>
    public async Task<CollectionDecision?> RollbackAsync(string collection, string by, CancellationToken cancellation)
    {
        if (await InForceAsync(collection, cancellation) is not { } current) return null;
        current.UndoneAt = DateTime.UtcNow;
        current.UndoneBy = by;
        await db.SaveChangesAsync(cancellation);
        return current;
    }

    /// <summary>Records a model retrained for the collection (numbered after the last) and, when <paramref name="activate"/>, puts it in force.</summary>
    public async Task<CollectionModel> AddAsync(CollectionModel model, bool activate, CancellationToken cancellation)
    {
        model.Id = Guid.NewGuid();
        model.Number = (await db.CollectionModels.Where(m => m.Collection == model.Collection).MaxAsync(m => (int?)m.Number, cancellation) ?? 0) + 1;
        db.CollectionModels.Add(model);
        if (activate) db.CollectionDecisions.Add(Change(model.Collection, model, model.TargetPrecision, "retrained", model.TrainedBy));
        await db.SaveChangesAsync(cancellation);
        return model;
    }

    public async Task<DecisionView> ViewAsync(string collection, CancellationToken cancellation)
    {
        var history = await HistoryAsync(collection, cancellation);
        // The history is newest first, as InForceAsync orders: its first change not undone is the one in force.
        var inForce = history.FirstOrDefault(h => h.UndoneAt is null);
        return new DecisionView(inForce, inForce?.TargetPrecision ?? DefaultTargetPrecision, await ModelsAsync(collection, cancellation), history);
    }

    public async Task<IReadOnlyList<ModelSummary>> ModelsAsync(string collection, CancellationToken cancellation)
    {
        var inForce = (await InForceAsync(collection, cancellation))?.ModelId;
        var rows = await db.CollectionModels.AsNoTracking().Where(m => m.Collection == collection).OrderByDescending(m => m.Number)
            .Select(m => new
            {
                m.Id, m.Number, m.Version, m.StartVersion, m.TrainedAt, m.TrainedBy, m.Documents, m.Pages, m.Cases, m.UnreadableCases, m.TargetPrecision, m.Threshold,
                m.BeforeMarkers, m.BeforeRightMarkers, m.BeforeSpans, m.BeforeFoundSpans, m.AfterMarkers, m.AfterRightMarkers, m.AfterSpans, m.AfterFoundSpans,
            }).ToListAsync(cancellation);
        return rows.Select(m => new ModelSummary(m.Number, m.Version, m.StartVersion, m.TrainedAt, m.TrainedBy, m.Documents, m.Pages, m.Cases, m.UnreadableCases,
            m.TargetPrecision, m.Threshold, new MarkerFigures(m.Pages, m.BeforeMarkers, m.BeforeRightMarkers, m.BeforeSpans, m.BeforeFoundSpans),
            new MarkerFigures(m.Pages, m.AfterMarkers, m.AfterRightMarkers, m.AfterSpans, m.AfterFoundSpans), m.Id == inForce)).ToList();
    }

    /// <summary>Model <paramref name="number"/>'s file (what <c>clean --illegibility-model FILE</c> and <c>eval</c> read), or null when the collection has none of that number.</summary>
    public Task<string?> ModelFileAsync(string collection, int number, CancellationToken cancellation) =>
        db.CollectionModels.Where(m => m.Collection == collection && m.Number == number).Select(m => m.ModelJson).SingleOrDefaultAsync(cancellation);

    private async Task<IReadOnlyList<DecisionChange>> HistoryAsync(string collection, CancellationToken cancellation)
    {
        var numbers = await db.CollectionModels.Where(m => m.Collection == collection).ToDictionaryAsync(m => m.Id, m => m.Number, cancellation);
        var changes = await db.CollectionDecisions.AsNoTracking().Where(d => d.Collection == collection)
            .OrderByDescending(d => d.ChangedAt).ThenByDescending(d => d.Id).ToListAsync(cancellation);
        return changes.Select(d => new DecisionChange(d.ModelId is { } id ? numbers[id] : null, d.Threshold, d.TargetPrecision, d.Reason, d.ChangedAt, d.ChangedBy,
            d.UndoneAt, d.UndoneBy)).ToList();
    }

    private async Task<CollectionModel> ModelAsync(string collection, int number, CancellationToken cancellation) =>
        await db.CollectionModels.SingleOrDefaultAsync(m => m.Collection == collection && m.Number == number, cancellation)
            ?? throw new KeyNotFoundException($"collection \"{collection}\" has no model {number}");

    private async Task<CollectionDecision> ChangeAsync(string collection, CollectionModel? model, double target, string reason, string by, CancellationToken cancellation)
    {
        var change = Change(collection, model, target, reason, by);
        db.CollectionDecisions.Add(change);
        await db.SaveChangesAsync(cancellation);
        return change;
    }

    private static CollectionDecision Change(string collection, CollectionModel? model, double target, string reason, string by) => new()
    {
        Id = Guid.NewGuid(), Collection = collection, ModelId = model?.Id, TargetPrecision = target, Reason = reason, ChangedAt = DateTime.UtcNow, ChangedBy = by,
        Threshold = model is null ? null : Math.Round(IllegibilityTrainer.ThresholdFor(HeldOut(model), target), 3),
    };

    /// <summary>The model's held-out candidates, as stored: [[probability, 0 or 1], ...], the probabilities unrounded so that a threshold found on them is the training's.</summary>
    public static IReadOnlyList<(double Probability, bool Unreadable)> HeldOut(CollectionModel model) =>
        JsonSerializer.Deserialize<double[][]>(model.HeldOutJson)!.Select(p => (p[0], p[1] > 0.5)).ToList();

    public static string HeldOutJson(IEnumerable<(double Probability, bool Unreadable)> cases) =>
        JsonSerializer.Serialize(cases.Select(c => new[] { c.Probability, c.Unreadable ? 1 : 0 }));
}
