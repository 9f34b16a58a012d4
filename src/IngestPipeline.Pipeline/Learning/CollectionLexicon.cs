using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Review;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Infrastructure.State;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Pipeline.Learning;

/// <summary>One word of a collection's lexicon as an admin sees it: in how many approved documents, vouched for, taken out.</summary>
public sealed record LexiconEntry(string Word, int Documents, bool Confirmed, bool Known, string? RemovedBy);

/// <summary>
/// A collection's own lexicon, learned from its approved transcripts (<see cref="LearnedWords"/>): the names, places
/// and abbreviations its cables repeat, which cleanup and the [ILLEGIBLE] decision then know for the collection's next
/// documents. Each collection learns only from its own documents and lends to no other; a word an admin removes is
/// not learned again.
/// </summary>
public static class CollectionLexicon
{
    /// <summary>Replaces what the document taught by what its approved version teaches, in the caller's unit of work.</summary>
    public static async Task LearnAsync(PipelineDbContext db, Guid documentId, int version, Transcript approved, Lexicon general, CancellationToken cancellation)
    {
        var earlier = await db.LexiconSightings.Where(s => s.DocumentId == documentId).ToListAsync(cancellation);
        var collection = await db.Documents.Where(d => d.Id == documentId).Select(d => d.Collection).SingleAsync(cancellation);
        var learned = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(collection)) // a document of no collection teaches none
        {
            var confirmed = await db.ReviewExamples.Where(e => e.DocumentId == documentId && e.Version == version && e.Kind != nameof(DecisionKind.MarkerKept))
                .Select(e => e.Reviewed).ToListAsync(cancellation);
            foreach (var word in LearnedWords.Of(approved, confirmed, general)) learned[word.Word] = word.Confirmed;
        }
        // Rows that stay are updated in place: a row removed and added again under its key in one unit of work is refused.
        foreach (var sighting in earlier)
        {
            if (sighting.Collection == collection && learned.Remove(sighting.Word, out bool vouched)) sighting.Confirmed = vouched;
            else db.LexiconSightings.Remove(sighting);
        }
        foreach (var (word, vouched) in learned)
            db.LexiconSightings.Add(new LexiconSighting { Collection = collection!, Word = word, DocumentId = documentId, Confirmed = vouched });
    }

    /// <summary>The words the collection has learned: confirmed, or in enough approved documents, and not removed.</summary>
    public static async Task<IReadOnlyList<string>> WordsAsync(PipelineDbContext db, string? collection, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(collection)) return [];
        return (await EntriesAsync(db, collection, cancellation)).Where(e => e.Known).Select(e => e.Word).ToList();
    }

    /// <summary>Every word the collection's approved texts hold that the general lexicon does not, most documents first.</summary>
    public static async Task<IReadOnlyList<LexiconEntry>> EntriesAsync(PipelineDbContext db, string collection, CancellationToken cancellation)
    {
        var removed = await db.LexiconRemovals.Where(r => r.Collection == collection).ToDictionaryAsync(r => r.Word, r => r.RemovedBy, StringComparer.Ordinal, cancellation);
        // Two plain aggregates, which every provider translates alike.
        var sightings = db.LexiconSightings.Where(s => s.Collection == collection);
        var documents = await sightings.GroupBy(s => s.Word).Select(g => new { Word = g.Key, Documents = g.Count() }).ToListAsync(cancellation);
        var confirmed = (await sightings.Where(s => s.Confirmed).Select(s => s.Word).Distinct().ToListAsync(cancellation)).ToHashSet(StringComparer.Ordinal);
        return documents.Select(s => new LexiconEntry(s.Word, s.Documents, confirmed.Contains(s.Word),
                (confirmed.Contains(s.Word) || s.Documents >= LearnedWords.MinDocuments) && !removed.ContainsKey(s.Word), removed.GetValueOrDefault(s.Word)))
            .OrderByDescending(e => e.Documents).ThenBy(e => e.Word, StringComparer.Ordinal).ToList();
    }

    /// <summary>Takes a word out of the collection's lexicon for good; false when the collection never held it.</summary>
    public static async Task<bool> RemoveAsync(PipelineDbContext db, string collection, string word, string admin, CancellationToken cancellation)
    {
        if (!await db.LexiconSightings.AnyAsync(s => s.Collection == collection && s.Word == word, cancellation)) return false;
        if (!await db.LexiconRemovals.AnyAsync(r => r.Collection == collection && r.Word == word, cancellation))
        {
            db.LexiconRemovals.Add(new LexiconRemoval { Collection = collection, Word = word, RemovedBy = admin, RemovedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(cancellation);
        }
        return true;
    }
}
