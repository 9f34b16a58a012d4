using IngestPipeline.Infrastructure.State;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Web.Security;

/// <summary>Accounts and keys an operator gives in configuration (environment or secrets), never defaults.</summary>
public sealed class AccountsOptions
{
    public const string Section = "Pipeline:Accounts";

    public List<UserSeed> Users { get; set; } = [];
    public List<ApiKeySeed> ApiKeys { get; set; } = [];

    public sealed class UserSeed
    {
        public string UserName { get; set; } = "";
        public string Password { get; set; } = "";
        public string Role { get; set; } = "";
    }

    public sealed class ApiKeySeed
    {
        public string Name { get; set; } = "";
        public string Key { get; set; } = "";
        public string Role { get; set; } = "";
    }
}

/// <summary>
/// At start-up: makes sure the roles exist, and creates the users and API keys named in configuration when they
/// are missing (an existing account keeps its password). This is how a deployment gets its first admin.
/// </summary>
public static class AccountSeeder
{
    public static async Task SeedAccountsAsync(this IServiceProvider services, IConfiguration configuration)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");

        var seeds = configuration.GetSection(AccountsOptions.Section).Get<AccountsOptions>() ?? new AccountsOptions();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        foreach (var seed in seeds.Users.Where(u => u.UserName.Length > 0))
        {
            if (await users.FindByNameAsync(seed.UserName) is not null) continue;
            if (seed.Password.Length == 0) throw new InvalidOperationException($"{AccountsOptions.Section}: user {seed.UserName} has no password.");
            await AccountCommands.CreateUserAsync(users, seed.UserName, seed.Password, seed.Role);
        }

        var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        foreach (var seed in seeds.ApiKeys.Where(k => k.Key.Length > 0))
        {
            var hash = ApiKeyAuthenticationHandler.Hash(seed.Key);
            if (await db.ApiKeys.AnyAsync(k => k.KeyHash == hash)) continue;
            if (!Roles.IsKnown(seed.Role)) throw new InvalidOperationException($"{AccountsOptions.Section}: API key {seed.Name} has an unknown role \"{seed.Role}\".");
            db.ApiKeys.Add(new ApiKey { Id = Guid.NewGuid(), Name = seed.Name, KeyHash = hash, Role = seed.Role, CreatedAt = DateTime.UtcNow });
        }
        await db.SaveChangesAsync();
    }

    internal static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Cannot create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
