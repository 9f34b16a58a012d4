using IngestPipeline.Infrastructure.State;
using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Web.Pages;

/// <summary>A document in Mirador, the IIIF viewer: its pages to zoom and its text line by line, from its manifest.</summary>
[Authorize(Policy = Policies.View)]
public sealed class ViewerModel(PipelineDbContext db, IWebHostEnvironment host) : PageModel
{
    /// <summary>Where the build puts Mirador (infra/fetch-viewer.sh fetches it).</summary>
    public const string MiradorScript = "/lib/mirador/mirador.min.js";

    public Guid Id { get; private set; }
    public string FileName { get; private set; } = "";
    public bool Installed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.FileName, Read = d.TranscriptJson != null }).SingleOrDefaultAsync(cancellation);
        if (document is null) return NotFound();
        if (!document.Read) return Redirect($"/documents/{id}");
        (Id, FileName) = (id, document.FileName);
        Installed = host.WebRootFileProvider.GetFileInfo(MiradorScript).Exists;
        return Page();
    }
}
