using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Review;
using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Web.Pages;

/// <summary>The documents and the review queue: filtered, sorted and paged in the database.</summary>
[Authorize(Policy = Policies.View)]
public sealed class QueueModel(PipelineDbContext db, ReviewService review) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(Guid Id, string FileName, string? Collection, DocumentStage Stage, string? FailureReason, int PageCount,
        int FlagCount, float MeanConfidence, DateTime CreatedAt, DateTime? QueuedAt, string? ClaimedBy, string? Dated, string? Sender, string? Subject);

    /// <summary>A stage name, "review" (awaiting review or rejected: the default) or "all".</summary>
    [BindProperty(SupportsGet = true)] public string Status { get; set; } = "review";
    [BindProperty(SupportsGet = true)] public string? Collection { get; set; }
    [BindProperty(SupportsGet = true)] public int? MinFlags { get; set; }
    [BindProperty(SupportsGet = true)] public int? MaxFlags { get; set; }
    [BindProperty(SupportsGet = true)] public float? MinConfidence { get; set; }
    [BindProperty(SupportsGet = true)] public float? MaxConfidence { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "uploaded";
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<string> Collections { get; private set; } = [];
    public bool CanReview => User.IsInRole(Roles.Reviewer) || User.IsInRole(Roles.Admin);
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var documents = db.Documents.AsNoTracking();
        if (Status == "review") documents = documents.Where(d => d.Stage == DocumentStage.AwaitingReview || d.Stage == DocumentStage.Rejected);
        else if (Enum.TryParse<DocumentStage>(Status, out var stage)) documents = documents.Where(d => d.Stage == stage);
        if (!string.IsNullOrWhiteSpace(Collection)) documents = documents.Where(d => d.Collection == Collection);
        if (MinFlags is { } minFlags) documents = documents.Where(d => d.FlagCount >= minFlags);
        if (MaxFlags is { } maxFlags) documents = documents.Where(d => d.FlagCount <= maxFlags);
        if (MinConfidence is { } minConf) documents = documents.Where(d => d.MeanConfidence >= minConf);
        if (MaxConfidence is { } maxConf) documents = documents.Where(d => d.MeanConfidence <= maxConf);
        if (From is { } from) documents = documents.Where(d => d.CreatedAt >= from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        if (To is { } to) documents = documents.Where(d => d.CreatedAt < to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

        var joined = from d in documents
                     join t in db.ReviewTasks on d.Id equals t.DocumentId into tasks
                     from t in tasks.DefaultIfEmpty()
                     select new { d, t };
        joined = (Sort, Desc) switch
        {
            ("flags", false) => joined.OrderBy(x => x.d.FlagCount).ThenBy(x => x.d.CreatedAt),
            ("flags", true) => joined.OrderByDescending(x => x.d.FlagCount).ThenBy(x => x.d.CreatedAt),
            ("confidence", false) => joined.OrderBy(x => x.d.MeanConfidence).ThenBy(x => x.d.CreatedAt),
            ("confidence", true) => joined.OrderByDescending(x => x.d.MeanConfidence).ThenBy(x => x.d.CreatedAt),
            ("name", false) => joined.OrderBy(x => x.d.FileName).ThenBy(x => x.d.CreatedAt),
            ("name", true) => joined.OrderByDescending(x => x.d.FileName).ThenBy(x => x.d.CreatedAt),
            (_, true) => joined.OrderByDescending(x => x.d.CreatedAt).ThenBy(x => x.d.Id),
            _ => joined.OrderBy(x => x.d.CreatedAt).ThenBy(x => x.d.Id),
        };
        var rows = joined.Select(x => new Row(x.d.Id, x.d.FileName, x.d.Collection, x.d.Stage, x.d.FailureReason, x.d.PageCount, x.d.FlagCount,
            x.d.MeanConfidence, x.d.CreatedAt, x.t == null ? null : x.t.QueuedAt, x.t == null ? null : x.t.ClaimedBy, x.d.Dated, x.d.Sender, x.d.Subject));
        Total = await documents.CountAsync(cancellation);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellation);
        Collections = await CollectionNames.ListAsync(db, cancellation);
    }

    /// <summary>Claims the document for the signed-in reviewer and opens it; a claim held by someone else is taken only on request.</summary>
    public async Task<IActionResult> OnPostClaimAsync(Guid id, bool takeOver, CancellationToken cancellation)
    {
        if (!CanReview) return Forbid();
        var (claimed, holder) = await review.ClaimAsync(id, User.Identity!.Name!, takeOver, cancellation);
        if (claimed) return Redirect($"/review/{id}");
        Message = holder is null ? "That document is not in the review queue." : $"{holder} is reviewing that document. Open it anyway with \"Take over\".";
        return Redirect("/queue");
    }

    /// <summary>The current query with some values changed: for sort headers and paging links.</summary>
    public string Link(string? sort = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["status"] = Status, ["collection"] = Collection, ["minFlags"] = MinFlags?.ToString(), ["maxFlags"] = MaxFlags?.ToString(),
            ["minConfidence"] = MinConfidence?.ToString(), ["maxConfidence"] = MaxConfidence?.ToString(),
            ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"),
            ["sort"] = sort ?? Sort, ["desc"] = (sort is null ? Desc : sort == Sort && !Desc).ToString().ToLowerInvariant(),
            ["p"] = (page ?? (sort is null ? PageNumber : 1)).ToString(),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/queue", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
