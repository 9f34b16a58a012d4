using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Review;
using IngestPipeline.Web.Security;
using Hangfire;
using IngestPipeline.Pipeline.Lifecycle;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Web.Pages;

/// <summary>The documents and the review queue: filtered, sorted and paged in the database.</summary>
[Authorize(Policy = Policies.View)]
public sealed class QueueModel(PipelineDbContext db, ReviewService review, Assignments assignments, CommentBook comments, UserManager<IdentityUser> users, IBackgroundJobClient jobs) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(Guid Id, string FileName, string? Collection, DocumentStage Stage, string? FailureReason, int PageCount,
        int FlagCount, float MeanConfidence, DateTime CreatedAt, DateTime? QueuedAt, string? ClaimedBy, string? Dated, string? Sender, string? Subject,
        string? AssignedTo);

    /// <summary>A bulk action asked for and not yet confirmed: what it will do, said before it is done.</summary>
    public sealed record PendingBulk(string Action, IReadOnlyList<Guid> Ids, string? Reviewer, string Question);

    /// <summary>A stage name, "review" (awaiting review or rejected: the default) or "all".</summary>
    [BindProperty(SupportsGet = true)] public string Status { get; set; } = "review";
    /// <summary>"mine" (assigned to or claimed by the signed-in reviewer), "none" (assigned to nobody), else anyone's.</summary>
    [BindProperty(SupportsGet = true)] public string? Assigned { get; set; }
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
    public bool IsAdmin => User.IsInRole(Roles.Admin);
    /// <summary>Who documents can be assigned to (for admins): every reviewer.</summary>
    public IReadOnlyList<string> Reviewers { get; private set; } = [];
    public PendingBulk? Pending { get; private set; }
    /// <summary>Comments naming the signed-in user that they have not read yet (by opening the document).</summary>
    public IReadOnlyList<CommentBook.MentionView> Mentions { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var documents = db.Documents.AsNoTracking();
        if (Status == "review") documents = documents.Where(d => d.Stage == DocumentStage.AwaitingReview || d.Stage == DocumentStage.Rejected);
        else if (Enum.TryParse<DocumentStage>(Status, out var stage)) documents = documents.Where(d => d.Stage == stage);
        if (!string.IsNullOrWhiteSpace(Collection)) documents = documents.Where(d => d.Collection == Collection);
        var me = User.Identity?.Name;
        if (Assigned == "mine") documents = documents.Where(d => d.AssignedTo == me || db.ReviewTasks.Any(t => t.DocumentId == d.Id && t.ClaimedBy == me));
        else if (Assigned == "none") documents = documents.Where(d => d.AssignedTo == null);
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
            x.d.MeanConfidence, x.d.CreatedAt, x.t == null ? null : x.t.QueuedAt, x.t == null ? null : x.t.ClaimedBy, x.d.Dated, x.d.Sender, x.d.Subject, x.d.AssignedTo));
        Total = await documents.CountAsync(cancellation);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellation);
        Collections = await CollectionNames.ListAsync(db, cancellation);
        Mentions = await comments.UnseenByAsync(User.Identity!.Name!, cancellation: cancellation);
        if (IsAdmin) Reviewers = (await users.GetUsersInRoleAsync(Roles.Reviewer)).Select(u => u.UserName!).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// An action on the documents chosen: assign them (or the whole collection) to a reviewer, read them again (admins),
    /// approve those without flags (reviewers). Asked first, done once confirmed; says what was done and what was left.
    /// </summary>
    public async Task<IActionResult> OnPostBulkAsync(string action, Guid[] ids, string? reviewer, bool confirmed, CancellationToken cancellation)
    {
        bool allowed = action switch { "assign" or "assign-collection" or "reocr" => IsAdmin, "approve" => CanReview, _ => false };
        if (!allowed) return Forbid();
        reviewer = string.IsNullOrWhiteSpace(reviewer) ? null : reviewer;
        if (reviewer is not null && !(await users.GetUsersInRoleAsync(Roles.Reviewer)).Any(u => u.UserName == reviewer))
            return Done($"{reviewer} is not a reviewer.");
        if (action == "assign-collection" ? string.IsNullOrWhiteSpace(Collection) : ids.Length == 0)
            return Done(action == "assign-collection" ? "Choose a collection first." : "Choose documents first: tick them in the first column.");
        if (!confirmed)
        {
            Pending = new PendingBulk(action, ids, reviewer, action switch
            {
                "assign" => $"Assign {Count(ids.Length)} to {reviewer ?? "nobody"}?",
                "assign-collection" => $"Assign every document of the collection “{Collection}”, and each one uploaded into it later, to {reviewer ?? "nobody"}?",
                "reocr" => $"Read {Count(ids.Length)} again? Reviewers' saved text is kept; the new reading arrives as a suggestion.",
                _ => $"Approve, as they stand, the documents with no open flag among the {Count(ids.Length)} chosen? Those with open flags are left for review.",
            });
            await OnGetAsync(cancellation);
            return Page();
        }
        switch (action)
        {
            case "assign":
                return Done($"{Count(await assignments.AssignDocumentsAsync(ids, reviewer, cancellation))} assigned to {reviewer ?? "nobody"}.");
            case "assign-collection":
                return Done($"Collection “{Collection}” ({Count(await assignments.AssignCollectionAsync(Collection!, reviewer, User.Identity!.Name!, cancellation))}) assigned to {reviewer ?? "nobody"}.");
            case "reocr":
                foreach (var id in ids) jobs.Enqueue<ReprocessJob>(j => j.ReprocessDocumentAsync(id, CancellationToken.None));
                return Done($"Re-OCR queued for {Count(ids.Length)}.");
            default:
                var results = new List<ReviewResult>();
                foreach (var id in ids) results.Add(await review.ApproveUnflaggedAsync(id, User.Identity!.Name!, cancellation));
                int approved = results.Count(r => r.Outcome == ReviewOutcome.Saved);
                var left = results.Where(r => r.Outcome != ReviewOutcome.Saved).Select(r => r.Message).ToList();
                return Done($"{Count(approved)} approved.{(left.Count == 0 ? "" : $" Left as they are: {string.Join(" ", left)}")}");
        }
    }

    private RedirectResult Done(string message)
    {
        Message = message;
        return Redirect(Link());
    }

    private static string Count(int n) => n == 1 ? "1 document" : $"{n} documents";

    /// <summary>Claims the document for the signed-in reviewer and opens it; a claim held by someone else is taken only on request.</summary>
    public async Task<IActionResult> OnPostClaimAsync(Guid id, bool takeOver, CancellationToken cancellation)
    {
        if (!CanReview) return Forbid();
        var (claimed, holder) = await review.ClaimAsync(id, User.Identity!.Name!, takeOver, cancellation);
        if (claimed) return Redirect($"/review/{id}");
        Message = holder is null ? "That document is not in the review queue." : $"{holder} is reviewing that document. Open it anyway with \"Take over\".";
        return Redirect("/queue");
    }

    /// <summary>Where the bulk form posts: this page with its filters, so the answer comes back to the same list.</summary>
    public string BulkAction => Link() + "&handler=Bulk";

    /// <summary>The current query with some values changed: for sort headers and paging links.</summary>
    public string Link(string? sort = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["status"] = Status, ["assigned"] = Assigned, ["collection"] = Collection, ["minFlags"] = MinFlags?.ToString(), ["maxFlags"] = MaxFlags?.ToString(),
            ["minConfidence"] = MinConfidence?.ToString(), ["maxConfidence"] = MaxConfidence?.ToString(),
            ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"),
            ["sort"] = sort ?? Sort, ["desc"] = (sort is null ? Desc : sort == Sort && !Desc).ToString().ToLowerInvariant(),
            ["p"] = (page ?? (sort is null ? PageNumber : 1)).ToString(),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/queue", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
