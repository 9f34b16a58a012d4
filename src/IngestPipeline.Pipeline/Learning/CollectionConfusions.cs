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

}

/// <summary>
/// The confusions and misread words a collection's engine makes, learned from the words its reviewers corrected in
/// approved documents (<see cref="LearnedConfusions"/>) each time one of its documents is published, and kept
/// (<c>CollectionFaults</c>) for cleanup to correct the collection's next documents by. Learning needs the lexicon
/// cleanup corrects with, which the workers have; the web host only reads what they learned. Only approved versions
/// teach (a saved draft may be half done), and a collection learns only from its own documents. A fault an admin
/// removed stays out.
/// </summary>
public static class CollectionConfusions
{
    private static readonly string[] Corrections = [nameof(DecisionKind.WordCorrected), nameof(DecisionKind.FlagCorrected)];

    /// <summary>
    /// The most recently approved documents learned from: each publication learns again, and a collection of thousands
    /// would read all their texts each time; a typewriter's faults show in a few hundred.
    /// </summary>
    public const int MaxDocuments = 500;

    /// <summary>What the collection's cleanup corrects by: everything learned but what an admin removed.</summary>
    public static async Task<CollectionConfusionSet> OfAsync(PipelineDbContext db, string? collection, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(collection)) return CollectionConfusionSet.None;
        var removed = db.FaultRemovals.Where(r => r.Collection == collection).Select(r => r.Fault);
        var faults = await db.CollectionFaults.Where(f => f.Collection == collection && !removed.Contains(f.Fault)).ToListAsync(cancellation);
        var confusions = faults.Where(f => f.Fault.StartsWith("confusion:", StringComparison.Ordinal)).Select(f => new Confusion(f.From, f.To))
            .OrderBy(c => c.From, StringComparer.Ordinal).ThenBy(c => c.To, StringComparer.Ordinal).ToList();
        var readings = faults.Where(f => f.Fault.StartsWith("word:", StringComparison.Ordinal)).ToDictionary(f => f.From, f => f.To, StringComparer.Ordinal);
        return new CollectionConfusionSet(confusions, readings);
    }

    /// <summary>
    /// Learns the collection's faults again from its approved corrections, in the caller's unit of work (the
    /// publication that brought a new approved document).
    /// </summary>
    /// <param name="lexicon">The words cleanup knows for the collection: a learned edit must correct right by them.</param>
    public static async Task LearnAsync(PipelineDbContext db, string? collection, Lexicon lexicon, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(collection)) return;
        var approved = db.Versions.Where(v => v.Kind == VersionKind.Approved && db.Documents.Any(d => d.Id == v.DocumentId && d.Collection == collection))
            .OrderByDescending(v => v.CreatedAt).Take(MaxDocuments);
        var examples = await (
            from e in db.ReviewExamples
            where e.Collection == collection && Corrections.Contains(e.Kind)
            join v in approved on new { e.DocumentId, Number = e.Version } equals new { v.DocumentId, v.Number }
            select new { e.DocumentId, e.Recognized, e.Reviewed }).ToListAsync(cancellation);
        var corrections = examples.SelectMany(e => WordByWord(e.DocumentId.ToString(), e.Recognized, e.Reviewed)).ToList();
        var words = (await approved.Select(v => v.LineText).ToListAsync(cancellation)).SelectMany(LearnedConfusions.WordsOf).ToHashSet(StringComparer.Ordinal);
        var learned = LearnedConfusions.Of(corrections, lexicon, words).Select(c => new CollectionFault { Collection = collection, Fault = CollectionConfusionSet.FaultOf(c), From = c.From, To = c.To })
            .Concat(LearnedConfusions.ReadingsOf(corrections, words).Select(r => new CollectionFault { Collection = collection, Fault = CollectionConfusionSet.FaultOf(r.Key), From = r.Key, To = r.Value }))
            .ToDictionary(f => f.Fault, StringComparer.Ordinal);
        // Rows that stay are updated in place: a row removed and added again under its key in one unit of work is refused.
        foreach (var known in await db.CollectionFaults.Where(f => f.Collection == collection).ToListAsync(cancellation))
        {
            if (learned.Remove(known.Fault, out var again)) known.To = again.To;
            else db.CollectionFaults.Remove(known);
        }
        db.CollectionFaults.AddRange(learned.Values);
    }

    /// <summary>Takes a learned fault out of the collection's cleanup for good; false when the collection has not learned it.</summary>
    public static async Task<bool> RemoveAsync(PipelineDbContext db, string collection, string fault, string admin, CancellationToken cancellation)
    {
        if (!await db.CollectionFaults.AnyAsync(f => f.Collection == collection && f.Fault == fault, cancellation)) return false;
        if (!await db.FaultRemovals.AnyAsync(r => r.Collection == collection && r.Fault == fault, cancellation))
        {
            db.FaultRemovals.Add(new FaultRemoval { Collection = collection, Fault = fault, RemovedBy = admin, RemovedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(cancellation);
        }
        return true;
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
