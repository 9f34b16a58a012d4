using Hangfire;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Intake;
using IngestPipeline.Pipeline.Lifecycle;
using IngestPipeline.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Web.Pages;

/// <summary>
/// Accounts, API keys and the operator's jobs. A generated password or key is shown once, here. What cannot be undone
/// or locks someone out (a new password, a revoked key, a disabled or deleted user, a role taken away) asks for its
/// box to be ticked, and the server checks it too.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AdminModel(PipelineDbContext db, UserManager<IdentityUser> users, IBackgroundJobClient jobs) : PageModel
{
    public sealed record UserRow(string Name, IReadOnlyList<string> Roles, bool LockedOut, bool Disabled);

    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public IReadOnlyList<IngestionRun> Runs { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    [TempData] public string? Secret { get; set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var list = new List<UserRow>();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync(cancellation))
            list.Add(new(user.UserName!, [.. await users.GetRolesAsync(user)], await users.IsLockedOutAsync(user), AccountCommands.IsDisabled(user)));
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

    public Task<IActionResult> OnPostResetAsync(string name, bool confirm) =>
        ConfirmedAsync(confirm, $"give {name} a new password", async () =>
            (Message, Secret) = ($"New password for {name}; it is not shown again:", await AccountCommands.ResetPasswordAsync(users, name)));

    public Task<IActionResult> OnPostDisableAsync(string name, bool confirm) =>
        ConfirmedAsync(confirm, $"disable {name}", async () =>
        {
            NotOneself(name, "disable");
            await AccountCommands.DisableAsync(users, name);
            Message = $"User {name} is disabled: they cannot sign in, and their open sessions end within a minute.";
        });

    public Task<IActionResult> OnPostEnableAsync(string name) =>
        ConfirmedAsync(true, $"enable {name}", async () =>
        {
            await AccountCommands.EnableAsync(users, name);
            Message = $"User {name} is enabled.";
        });

    public Task<IActionResult> OnPostDeleteAsync(string name, bool confirm) =>
        ConfirmedAsync(confirm, $"delete {name}", async () =>
        {
            NotOneself(name, "delete");
            await AccountCommands.DeleteAsync(users, name);
            Message = $"User {name} is deleted; their versions and decisions keep their name.";
        });

    public Task<IActionResult> OnPostAddRoleAsync(string name, string role) =>
        ConfirmedAsync(true, $"give {name} the role {role}", async () =>
        {
            await AccountCommands.AddRoleAsync(users, name, role);
            Message = $"User {name} has the role {role}.";
        });

    public Task<IActionResult> OnPostRemoveRoleAsync(string name, string role, bool confirm) =>
        ConfirmedAsync(confirm, $"take the role {role} from {name}", async () =>
        {
            await AccountCommands.RemoveRoleAsync(users, name, role);
            Message = $"User {name} no longer has the role {role}; their open sessions lose it within a minute.";
        });

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

    public Task<IActionResult> OnPostRevokeAsync(Guid id, bool confirm) =>
        ConfirmedAsync(confirm, "revoke the key", async () =>
        {
            await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTime.UtcNow));
            Message = "Key revoked.";
        });

    /// <summary>Does <paramref name="change"/> when it was confirmed; a refusal (or a rule it breaks) becomes the page's message.</summary>
    private async Task<IActionResult> ConfirmedAsync(bool confirmed, string what, Func<Task> change)
    {
        try
        {
            if (!confirmed) throw new InvalidOperationException($"Nothing was changed: tick the box beside the button to {what}.");
            await change();
        }
        catch (InvalidOperationException e)
        {
            (Message, Secret) = (e.Message, null);
        }
        return RedirectToPage();
    }

    private void NotOneself(string name, string change)
    {
        if (string.Equals(name.Trim(), User.Identity?.Name, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"You cannot {change} your own account; another admin can.");
    }

    public IActionResult OnPostIngestInbox()
    {
        jobs.Enqueue<InboxIngestionJob>(j => j.RunAsync(CancellationToken.None));
        Message = "Inbox ingestion queued; its report appears below when it is done.";
        return RedirectToPage();
    }
}
