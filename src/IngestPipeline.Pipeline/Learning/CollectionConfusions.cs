using System.Collections.Concurrent;
using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Review;
using IngestPipeline.Infrastructure.State;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Pipeline.Learning;

/// <summary>What a collection's reviewers corrected again and again: the engine's confusions and its misread words.</summary>
public sealed record CollectionConfusionSet(IReadOnlyList<Confusion> Confusions, IReadOnlyDictionary<string, string> Readings)
{
    public static readonly CollectionConfusionSet None = new([], new Dictionary<string, string>(StringComparer.Ordinal));

    public OcrConfusionOptions AppliedTo(OcrConfusionOptions options) => options with { Learned = Confusions, LearnedReadings = Readings };

    /// <summary>How an admin names a learned confusion to take it out (<see cref="CollectionConfusions.RemoveAsync"/>).</summary>
    public static string FaultOf(Confusion confusion) => $"confusion:{confusion.From}→{confusion.To}";

    /// <summary>How an admin names a learned misread word to take it out.</summary>
    public static string FaultOf(string misread) => $"word:{misread}";

    public CollectionConfusionSet Without(IReadOnlySet<string> removed) => removed.Count == 0 ? this : new(
        [.. Confusions.Where(c => !removed.Contains(FaultOf(c)))],
        Readings.Where(r => !removed.Contains(FaultOf(r.Key))).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal));

    public bool Holds(string fault) => Confusions.Any(c => FaultOf(c) == fault) || Readings.Keys.Any(r => FaultOf(r) == fault);
}

/// <summary>
/// The confusions and misread words a collection's engine makes, learned from the words its reviewers corrected in
/// approved documents (<see cref="LearnedConfusions"/>); cleanup corrects the collection's next documents by them. Only
/// approved versions teach (a saved draft may be half done), and a collection learns only from its own documents. A
/// fault an admin removed stays out.
/// </summary>
public static class CollectionConfusions
{
    private static readonly string[] Corrections = [nameof(DecisionKind.WordCorrected), nameof(DecisionKind.FlagCorrected)];

    // Learned again only when the collection's approvals changed (every document cleaned asks), per database.
    private static readonly ConcurrentDictionary<string, (string Stamp, CollectionConfusionSet Set)> Learned = new(StringComparer.Ordinal);

    /// <summary>What the collection's cleanup corrects by: everything learned but what an admin removed.</summary>
    public static async Task<CollectionConfusionSet> OfAsync(PipelineDbContext db, string? collection, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(collection)) return CollectionConfusionSet.None;
        var learned = await LearnAsync(db, collection, cancellation);
        var removed = await db.FaultRemovals.Where(r => r.Collection == collection).Select(r => r.Fault).ToListAsync(cancellation);
        return learned.Without(removed.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Takes a learned fault out of the collection's cleanup for good; false when the collection has not learned it.</summary>
    public static async Task<bool> RemoveAsync(PipelineDbContext db, string collection, string fault, string admin, CancellationToken cancellation)
    {
        if (!(await LearnAsync(db, collection, cancellation)).Holds(fault)) return false;
        if (!await db.FaultRemovals.AnyAsync(r => r.Collection == collection && r.Fault == fault, cancellation))
        {
            db.FaultRemovals.Add(new FaultRemoval { Collection = collection, Fault = fault, RemovedBy = admin, RemovedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(cancellation);
        }
        return true;
    }

    private static async Task<CollectionConfusionSet> LearnAsync(PipelineDbContext db, string collection, CancellationToken cancellation)
    {
        var approved = db.Versions.Where(v => v.Kind == VersionKind.Approved && db.Documents.Any(d => d.Id == v.DocumentId && d.Collection == collection));
        var key = $"{db.Database.GetConnectionString()}\n{collection}";
        var stamp = $"{await approved.CountAsync(cancellation)}:{await approved.MaxAsync(v => (DateTime?)v.CreatedAt, cancellation):O}";
        if (Learned.TryGetValue(key, out var known) && known.Stamp == stamp) return known.Set;

        var examples = await (
            from e in db.ReviewExamples
            where e.Collection == collection && Corrections.Contains(e.Kind)
            join v in approved on new { e.DocumentId, Number = e.Version } equals new { v.DocumentId, v.Number }
            select new { e.DocumentId, e.Recognized, e.Reviewed }).ToListAsync(cancellation);
        var corrections = examples.SelectMany(e => WordByWord(e.DocumentId.ToString(), e.Recognized, e.Reviewed)).ToList();
        var words = (await approved.Select(v => v.LineText).ToListAsync(cancellation)).SelectMany(LearnedConfusions.WordsOf).ToHashSet(StringComparer.Ordinal);
        var set = new CollectionConfusionSet(LearnedConfusions.Of(corrections), LearnedConfusions.ReadingsOf(corrections, words));
        Learned[key] = (stamp, set);
        return set;
    }

    /// <summary>A corrected run of words, paired word by word when the reviewer kept their number (else it teaches no confusion).</summary>
    private static IEnumerable<WordCorrection> WordByWord(string document, string recognized, string reviewed)
    {
        var read = recognized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var approved = reviewed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (read.Length != approved.Length) yield break;
        for (int i = 0; i < read.Length; i++) yield return new WordCorrection(document, read[i], approved[i]);
    }
}
