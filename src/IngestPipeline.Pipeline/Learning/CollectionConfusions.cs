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
}

/// <summary>
/// The confusions and misread words a collection's engine makes, learned from the words its reviewers corrected in
/// approved documents (<see cref="LearnedConfusions"/>); cleanup corrects the collection's next documents by them. Only
/// approved versions teach (a saved draft may be half done), and a collection learns only from its own documents.
/// </summary>
public static class CollectionConfusions
{
    private static readonly string[] Corrections = [nameof(DecisionKind.WordCorrected), nameof(DecisionKind.FlagCorrected)];

    // Learned again only when the collection's approvals changed (every document cleaned asks), per database.
    private static readonly ConcurrentDictionary<string, (string Stamp, CollectionConfusionSet Set)> Learned = new(StringComparer.Ordinal);

    public static async Task<CollectionConfusionSet> OfAsync(PipelineDbContext db, string? collection, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(collection)) return CollectionConfusionSet.None;
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
