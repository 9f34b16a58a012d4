using System.Linq.Expressions;
using IngestPipeline.Contracts;
using IngestPipeline.Infrastructure.State;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Pipeline.Stages;

/// <summary>
/// When a document's pages are done, and what follows: every page recognised or failed, the document goes on to cleaning
/// when at least one page was recognised (a failed page is shown to the reviewer with its reason) and fails only when no
/// page could be read. The one statement of the rule, for the stages and the sweeper alike.
/// </summary>
internal static class PageCompletion
{
    /// <summary>Documents whose pages are all done, with at least one recognised.</summary>
    public static Expression<Func<Document, bool>> ReadyToClean(PipelineDbContext db) => d =>
        !db.Pages.Any(p => p.DocumentId == d.Id && p.Status != PageStatus.Recognized && p.Status != PageStatus.Failed)
        && db.Pages.Any(p => p.DocumentId == d.Id && p.Status == PageStatus.Recognized);

    /// <summary>Documents whose pages are all done and all failed.</summary>
    public static Expression<Func<Document, bool>> NoPageRead(PipelineDbContext db) => d =>
        db.Pages.Any(p => p.DocumentId == d.Id) && db.Pages.All(p => p.DocumentId != d.Id || p.Status == PageStatus.Failed);

    /// <summary>Once the last page is done: asks for cleaning, or fails the document when no page could be read.</summary>
    public static async Task GoOnAsync(PipelineDbContext db, ConsumeContext context, Document document, CancellationToken cancellation)
    {
        var pages = await db.Pages.Where(p => p.DocumentId == document.Id)
            .Select(p => new { p.Number, p.Status, p.FailureReason }).ToListAsync(cancellation);
        if (pages.Count == 0 || pages.Any(p => p.Status is not (PageStatus.Recognized or PageStatus.Failed))) return;
        if (pages.Any(p => p.Status == PageStatus.Recognized))
            await context.Send(new CleanDocument(document.Id), cancellation);
        else
            await Failures.FailDocumentAsync(db, context, document, NoPageReadReason(pages.OrderBy(p => p.Number).Select(p => p.FailureReason ?? "").ToList()), cancellation);
    }

    /// <summary>A one-page document fails with its page's reason; a longer one with the first reasons.</summary>
    public static string NoPageReadReason(IReadOnlyList<string> reasons) => reasons.Count == 1
        ? reasons[0]
        : $"none of its {reasons.Count} pages could be read: {string.Join("; ", reasons.Distinct().Take(3))}{(reasons.Distinct().Count() > 3 ? "; …" : "")}";
}
