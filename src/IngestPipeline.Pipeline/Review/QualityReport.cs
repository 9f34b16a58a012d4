using IngestPipeline.Domain.Review;
using IngestPipeline.Infrastructure.State;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Pipeline.Review;

/// <summary>A collection's review figures, over all its approved documents and per week (<see cref="ReviewQuality"/>).</summary>
public sealed record CollectionQuality(string Collection, QualityFigures All, IReadOnlyList<QualityFigures> Weeks);

public static class QualityReport
{
    /// <summary>The figures of the collection's approved documents, from their scores and the decisions their approved text holds.</summary>
    public static async Task<CollectionQuality> OfAsync(PipelineDbContext db, string collection, CancellationToken cancellation)
    {
        var scores = await db.ApprovalScores.AsNoTracking().Where(a => a.Collection == collection).ToListAsync(cancellation);
        var decisions = (await db.ReviewExamples.AsNoTracking()
                .Join(db.ApprovalScores, e => new { e.DocumentId, e.Version }, a => new { a.DocumentId, a.Version }, (e, a) => new { e.DocumentId, e.Kind, a.Collection })
                .Where(x => x.Collection == collection)
                .GroupBy(x => new { x.DocumentId, x.Kind }).Select(g => new { g.Key.DocumentId, g.Key.Kind, Count = g.Count() })
                .ToListAsync(cancellation))
            .ToLookup(x => x.DocumentId);
        var documents = scores.Select(a => new ApprovedDocument(a.ApprovedAt, a.Pages, a.Flags, a.Characters, a.CharacterEdits, a.Words, a.WordEdits,
            a.ReviewedMarkers, a.RecalledMarkers, a.PipelineMarkers, a.CreditedMarkers, a.ReviewSeconds)
        {
            Decisions = decisions[a.DocumentId].Select(d => (Known: Enum.TryParse<DecisionKind>(d.Kind, out var kind), kind, d.Count))
                .Where(d => d.Known).ToDictionary(d => d.kind, d => d.Count),
        }).ToList();
        var (all, weeks) = ReviewQuality.Of(documents);
        return new CollectionQuality(collection, all, weeks);
    }
}
