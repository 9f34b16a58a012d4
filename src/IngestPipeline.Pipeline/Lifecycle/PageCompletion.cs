using System.Linq.Expressions;
using IngestPipeline.Infrastructure.State;

namespace IngestPipeline.Pipeline.Lifecycle;

/// <summary>
/// When a document's pages are done, and what follows: every page recognised or failed, the document goes on to cleaning
/// when at least one page was recognised (a failed page is shown to the reviewer with its reason) and fails only when no
/// page could be read. The one statement of the rule, for the lifecycle and the sweeper alike.
/// </summary>
internal static class PageCompletion
{
    /// <summary>Documents whose pages are all done, with at least one recognised.</summary>
    public static Expression<Func<Document, bool>> ReadyToClean(PipelineDbContext db) => d =>
        !db.Pages.Any(p => p.DocumentId == d.Id && p.Status != PageStatus.Recognized && p.Status != PageStatus.Failed)
        && db.Pages.Any(p => p.DocumentId == d.Id && p.Status == PageStatus.Recognized);

    /// <summary>A one-page document fails with its page's reason; a longer one with the first reasons.</summary>
    public static string NoPageReadReason(IReadOnlyList<string> reasons) => reasons.Count == 1
        ? reasons[0]
        : $"none of its {reasons.Count} pages could be read: {string.Join("; ", reasons.Distinct().Take(3))}{(reasons.Distinct().Count() > 3 ? "; …" : "")}";
}
