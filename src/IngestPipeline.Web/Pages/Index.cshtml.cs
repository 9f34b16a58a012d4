using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IngestPipeline.Web.Pages;

/// <summary>The start page is where the user's work is: reviewers to the queue, staff to the upload.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        Redirect(User.IsInRole(Roles.Reviewer) || User.IsInRole(Roles.Admin) ? "/queue" : User.IsInRole(Roles.Staff) ? "/upload" : "/denied");
}
