using Microsoft.AspNetCore.Identity;

namespace IngestPipeline.Web.Security;

/// <summary>
/// How soon a signed-in session learns of a change to its account: every <c>Web:SessionCheckInterval</c> (a minute
/// unless set) the cookie's security stamp is checked against the account's, so a disabled or deleted user is signed
/// out, and a user whose roles changed gets the new ones, within that time.
/// </summary>
public static class SessionCheck
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddSessionCheck(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<SecurityStampValidatorOptions>(options =>
            options.ValidationInterval = configuration.GetValue<TimeSpan?>("Web:SessionCheckInterval") ?? DefaultInterval);
}
