using IngestPipeline.Infrastructure.Search;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Web.Api;
using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace IngestPipeline.Web.Pages;

/// <summary>Search across documents by the words in them and their metadata; what the header's search box opens.</summary>
[Authorize(Policy = Policies.View)]
public sealed class SearchModel(IDocumentSearch search, PipelineDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Collection { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sender { get; set; }
    [BindProperty(SupportsGet = true)] public string? Recipient { get; set; }
    [BindProperty(SupportsGet = true)] public string? Classification { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>Null until something is asked.</summary>
    public SearchResults? Results { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<string> Collections { get; private set; } = [];
    public int Pages => Results is null ? 1 : Math.Max(1, (Results.Total + PageSize - 1) / PageSize);
    public bool CanReview => User.IsInRole(Roles.Reviewer) || User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Collections = await CollectionNames.ListAsync(db, cancellation);
        if (!SearchEndpoints.IsDateBound(From) || !SearchEndpoints.IsDateBound(To))
        {
            Problem = "A date is written yyyy-mm-dd (or yyyy-mm, or yyyy).";
            return;
        }
        if (Query().All(q => string.IsNullOrWhiteSpace(q.Value))) return;
        PageNumber = Math.Max(1, PageNumber);
        Results = await search.SearchAsync(new SearchQuery(Q, Collection, From, To, Sender, Recipient, Classification,
            (PageNumber - 1) * PageSize, PageSize), cancellation);
    }

    /// <summary>Where a found document opens: its review when it waits for one and the reader reviews, else its page.</summary>
    public string Open(SearchHit hit) =>
        CanReview && hit.Stage is DocumentStage.AwaitingReview or DocumentStage.Rejected ? $"/review/{hit.DocumentId}" : $"/documents/{hit.DocumentId}";

    public string Link(int page) =>
        QueryHelpers.AddQueryString("/search", Query().Append(new("p", page.ToString())).Where(q => !string.IsNullOrEmpty(q.Value)));

    private IEnumerable<KeyValuePair<string, string?>> Query() =>
    [
        new("q", Q), new("collection", Collection), new("from", From), new("to", To),
        new("sender", Sender), new("recipient", Recipient), new("classification", Classification),
    ];
}
