using System.Security.Cryptography;
using IngestPipeline.Infrastructure.State;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Web.Security;

/// <summary>
/// <c>ingestpipeline-web users|api-keys ...</c>: account administration from the command line, against the
/// configured database. Passwords and keys are generated and printed once; nothing has a default.
/// </summary>
public static class AccountCommands
{
    public const string Usage = """
        usage:
          ingestpipeline-web users add NAME --role staff|reviewer|admin   create a user; prints a generated password
          ingestpipeline-web users reset NAME                             give a user a new generated password
          ingestpipeline-web users disable NAME                           sign-in refused; signed-in sessions end within a minute
          ingestpipeline-web users enable NAME
          ingestpipeline-web users delete NAME
          ingestpipeline-web users add-role NAME --role staff|reviewer|admin
          ingestpipeline-web users remove-role NAME --role staff|reviewer|admin
          ingestpipeline-web users list
          ingestpipeline-web api-keys add NAME --role staff|reviewer|admin   prints the key (shown once)
          ingestpipeline-web api-keys revoke NAME
          ingestpipeline-web api-keys list
        """;

    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "users" or "api-keys";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        string? role = null;
        var rest = new List<string>();
        for (int i = 1; i < args.Length; i++)
            if (args[i] == "--role" && i + 1 < args.Length) role = args[++i];
            else rest.Add(args[i]);
        try
        {
            switch (args[0], rest.FirstOrDefault(), rest.Skip(1).FirstOrDefault())
            {
                case ("users", "add", { } name):
                    var password = NewPassword();
                    await CreateUserAsync(users, name, password, role ?? "");
                    Console.WriteLine($"user {name} ({role}) created; password: {password}");
                    return 0;
                case ("users", "reset", { } name):
                    Console.WriteLine($"user {name}: new password: {await ResetPasswordAsync(users, name)}");
                    return 0;
                case ("users", "disable", { } name):
                    await DisableAsync(users, name);
                    Console.WriteLine($"user {name} disabled; their sessions end within {SessionCheck.DefaultInterval.TotalMinutes:0} minute");
                    return 0;
                case ("users", "enable", { } name):
                    await EnableAsync(users, name);
                    Console.WriteLine($"user {name} enabled");
                    return 0;
                case ("users", "delete", { } name):
                    await DeleteAsync(users, name);
                    Console.WriteLine($"user {name} deleted");
                    return 0;
                case ("users", "add-role", { } name):
                    await AddRoleAsync(users, name, role ?? "");
                    Console.WriteLine($"user {name}: role {role} added");
                    return 0;
                case ("users", "remove-role", { } name):
                    await RemoveRoleAsync(users, name, role ?? "");
                    Console.WriteLine($"user {name}: role {role} removed");
                    return 0;
                case ("users", "list", null):
                    foreach (var u in await users.Users.OrderBy(u => u.UserName).ToListAsync())
                        Console.WriteLine($"{u.UserName}\t{string.Join(",", await users.GetRolesAsync(u))}{(IsDisabled(u) ? "\tdisabled" : "")}");
                    return 0;
                case ("api-keys", "add", { } name):
                    Console.WriteLine($"API key {name} ({role}): {await AddApiKeyAsync(db, name, role ?? "")}");
                    return 0;
                case ("api-keys", "revoke", { } name):
                    int revoked = await db.ApiKeys.Where(k => k.Name == name && k.RevokedAt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTime.UtcNow));
                    Console.WriteLine($"{revoked} key(s) named {name} revoked");
                    return revoked > 0 ? 0 : 1;
                case ("api-keys", "list", null):
                    foreach (var k in await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync())
                        Console.WriteLine($"{k.Name}\t{k.Role}\tcreated {k.CreatedAt:u}{(k.RevokedAt is { } r ? $"\trevoked {r:u}" : "")}");
                    return 0;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    public static async Task<IdentityUser> CreateUserAsync(UserManager<IdentityUser> users, string name, string password, string role)
    {
        if (!Roles.IsKnown(role)) throw new InvalidOperationException($"User {name}: give a role, one of {string.Join(", ", Roles.All)}.");
        if (await users.FindByNameAsync(name) is not null) throw new InvalidOperationException($"There is already a user {name}; use `users reset {name}` for a new password.");
        var user = new IdentityUser(name);
        AccountSeeder.Check(await users.CreateAsync(user, password), $"user {name}");
        AccountSeeder.Check(await users.AddToRoleAsync(user, role), $"role {role} for {name}");
        return user;
    }

    /// <summary>Gives the user a new generated password (returned) and lifts a lockout for failed sign-ins (not a disabling).</summary>
    public static async Task<string> ResetPasswordAsync(UserManager<IdentityUser> users, string name)
    {
        var user = await users.FindByNameAsync(name) ?? throw new InvalidOperationException($"There is no user {name}.");
        var password = NewPassword();
        AccountSeeder.Check(await users.RemovePasswordAsync(user), $"a password for {name}");
        AccountSeeder.Check(await users.AddPasswordAsync(user, password), $"a password for {name}");
        if (!IsDisabled(user)) await users.SetLockoutEndDateAsync(user, null);
        return password;
    }

    /// <summary>A disabled user is locked out for good, until enabled (a lockout for failed sign-ins ends after minutes).</summary>
    public static bool IsDisabled(IdentityUser user) => user.LockoutEnd == DateTimeOffset.MaxValue;

    /// <summary>
    /// Refuses the user's sign-in from now on, and ends their signed-in sessions: the new security stamp fails the
    /// cookie's next check (<see cref="SessionCheck"/>).
    /// </summary>
    public static async Task DisableAsync(UserManager<IdentityUser> users, string name)
    {
        var user = await FindAsync(users, name);
        await KeepAnAdminAsync(users, user, "disable");
        AccountSeeder.Check(await users.SetLockoutEnabledAsync(user, true), $"disabling {name}");
        AccountSeeder.Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue), $"disabling {name}");
        AccountSeeder.Check(await users.UpdateSecurityStampAsync(user), $"ending {name}'s sessions");
    }

    public static async Task EnableAsync(UserManager<IdentityUser> users, string name)
    {
        var user = await FindAsync(users, name);
        AccountSeeder.Check(await users.SetLockoutEndDateAsync(user, null), $"enabling {name}");
        AccountSeeder.Check(await users.ResetAccessFailedCountAsync(user), $"enabling {name}");
    }

    /// <summary>Deletes the user (their versions and decisions keep their name); their sessions end at the cookie's next check.</summary>
    public static async Task DeleteAsync(UserManager<IdentityUser> users, string name)
    {
        var user = await FindAsync(users, name);
        await KeepAnAdminAsync(users, user, "delete");
        AccountSeeder.Check(await users.DeleteAsync(user), $"deleting {name}");
    }

    public static async Task AddRoleAsync(UserManager<IdentityUser> users, string name, string role)
    {
        var user = await FindAsync(users, name);
        if (!Roles.IsKnown(role)) throw new InvalidOperationException($"Give a role, one of {string.Join(", ", Roles.All)}.");
        if (await users.IsInRoleAsync(user, role)) return;
        AccountSeeder.Check(await users.AddToRoleAsync(user, role), $"role {role} for {name}");
    }

    /// <summary>
    /// Takes a role away. The security stamp is left as it is: at the cookie's next check (<see cref="SessionCheck"/>) a
    /// valid session is issued again with the roles the account has then, so it loses this one without being signed out.
    /// </summary>
    public static async Task RemoveRoleAsync(UserManager<IdentityUser> users, string name, string role)
    {
        var user = await FindAsync(users, name);
        if (!await users.IsInRoleAsync(user, role)) throw new InvalidOperationException($"User {name} does not have the role {role}.");
        if (role == Roles.Admin) await KeepAnAdminAsync(users, user, $"remove the role {role} from");
        AccountSeeder.Check(await users.RemoveFromRoleAsync(user, role), $"removing role {role} from {name}");
    }

    private static async Task<IdentityUser> FindAsync(UserManager<IdentityUser> users, string name) =>
        await users.FindByNameAsync(name.Trim()) ?? throw new InvalidOperationException($"There is no user {name}.");

    /// <summary>The change is refused when it would leave no enabled admin: nobody could administer the accounts again from a browser.</summary>
    private static async Task KeepAnAdminAsync(UserManager<IdentityUser> users, IdentityUser user, string change)
    {
        if (!await users.IsInRoleAsync(user, Roles.Admin)) return;
        var others = (await users.GetUsersInRoleAsync(Roles.Admin)).Where(u => u.Id != user.Id && !IsDisabled(u));
        if (!others.Any()) throw new InvalidOperationException($"{user.UserName} is the only enabled admin; make another admin before you {change} them.");
    }

    /// <summary>Creates a key for the role and returns it: the only time it is seen, as only its hash is kept.</summary>
    public static async Task<string> AddApiKeyAsync(PipelineDbContext db, string name, string role)
    {
        if (string.IsNullOrWhiteSpace(name) || !Roles.IsKnown(role)) throw new InvalidOperationException($"Give the key a name and a role, one of {string.Join(", ", Roles.All)}.");
        var key = ApiKeyAuthenticationHandler.NewKey();
        db.ApiKeys.Add(new ApiKey { Id = Guid.NewGuid(), Name = name.Trim(), KeyHash = ApiKeyAuthenticationHandler.Hash(key), Role = role, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>18 random bytes, URL-safe: 24 characters nobody will guess.</summary>
    public static string NewPassword() => ApiKeyAuthenticationHandler.Base64Url(RandomNumberGenerator.GetBytes(18));
}
