using IngestPipeline.Pipeline.Intake;
using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IngestPipeline.Web.Pages;

/// <summary>One batch's progress: every file it brought, where its document stands, kept up to date while any is read.</summary>
[Authorize(Policy = Policies.View)]
public sealed class BatchModel(BatchBook batches) : PageModel
{
    public BatchBook.BatchView Batch { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        if (await batches.ReadAsync(id, cancellation) is not { } batch) return NotFound();
        Batch = batch;
        return Page();
    }
}
