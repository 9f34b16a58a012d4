using IngestPipeline.Pipeline.Intake;
using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IngestPipeline.Web.Pages;

/// <summary>The latest batches (uploads and inbox runs), each with how far its files have got.</summary>
[Authorize(Policy = Policies.View)]
public sealed class BatchesModel(BatchBook batches) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<BatchBook.BatchView> Batches { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        PageNumber = Math.Max(1, PageNumber);
        Batches = await batches.RecentAsync((PageNumber - 1) * PageSize, PageSize + 1, cancellation);
    }
}
