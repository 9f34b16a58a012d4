using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IngestPipeline.Web.Pages;

/// <summary>The upload page; the files go to <c>POST /api/documents</c> with the page's anti-forgery token.</summary>
[Authorize(Policy = Policies.Upload)]
public sealed class UploadModel : PageModel
{
    public void OnGet()
    {
    }
}
