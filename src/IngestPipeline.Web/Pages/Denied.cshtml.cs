using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IngestPipeline.Web.Pages;

public sealed class DeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
