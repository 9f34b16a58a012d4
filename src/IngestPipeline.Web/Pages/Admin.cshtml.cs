using Hangfire;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Jobs;
using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Web.Pages;

/// <summary>Accounts, API keys and the operator's jobs. A generated password or key is shown once, here.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AdminModel(PipelineDbContext db, UserManager<IdentityUser> users, IBackgroundJobClient jobs) : PageModel
{
    public IReadOnlyList<(string Name, string Roles, bool LockedOut)> Users { get; private set; } = [];
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public IReadOnlyList<IngestionRun> Runs { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    [TempData] public string? Secret { get; set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var list = new List<(string, string, bool)>();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync(cancellation))
            list.Add((user.UserName!, string.Join(", ", await users.GetRolesAsync(user)), await users.IsLockedOutAsync(user)));
        Users = list;
        Keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(cancellation);
        Runs = await db.IngestionRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(10).ToListAsync(cancellation);
    }

    public async Task<IActionResult> OnPostAddUserAsync(string name, string role)
    {
        try
        {
            var password = AccountCommands.NewPassword();
            await AccountCommands.CreateUserAsync(users, name.Trim(), password, role);
            (Message, Secret) = ($"User {name} ({role}) created. Give them this password; it is not shown again:", password);
        }
        catch (InvalidOperationException e)
        {
            Message = e.Message;
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync(string name)
    {
        try
        {
            (Message, Secret) = ($"New password for {name}; it is not shown again:", await AccountCommands.ResetPasswordAsync(users, name));
        }
        catch (InvalidOperationException e)
        {
            Message = e.Message;
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddKeyAsync(string name, string role)
    {
        try
        {
            (Message, Secret) = ($"API key {name} ({role}); send it as the X-Api-Key header. It is not shown again:", await AccountCommands.AddApiKeyAsync(db, name, role));
        }
        catch (InvalidOperationException e)
        {
            Message = e.Message;
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTime.UtcNow));
        Message = "Key revoked.";
        return RedirectToPage();
    }

    public IActionResult OnPostIngestInbox()
    {
        jobs.Enqueue<InboxIngestionJob>(j => j.RunAsync(CancellationToken.None));
        Message = "Inbox ingestion queued; its report appears below when it is done.";
        return RedirectToPage();
    }
}
