using System.Threading.RateLimiting;

namespace IngestPipeline.Web.Security;

/// <summary>
/// The REST API's rate per caller: a token bucket for each signed-in user or API key (by name), or for each client
/// address when anonymous, of <c>Web:ApiRateLimit:Burst</c> requests (1,000) refilled at <c>Web:ApiRateLimit:PerMinute</c>
/// (6,000: a script polling ten documents three times a second stays well inside). A caller past it is answered 429 with
/// Retry-After, and nobody else is slowed. Pages are not counted: sign-in has its own throttle (<see cref="SignInThrottle"/>).
/// </summary>
public static class ApiRateLimits
{
    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        int perMinute = configuration.GetValue("Web:ApiRateLimit:PerMinute", 6000);
        int burst = configuration.GetValue("Web:ApiRateLimit:Burst", 1000);
        var refill = TimeSpan.FromSeconds(1);
        int perRefill = Math.Max(1, (int)Math.Ceiling(perMinute / 60.0));
        return services.AddRateLimiter(limits =>
        {
            limits.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !context.Request.Path.StartsWithSegments("/api")
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetTokenBucketLimiter(Caller(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = burst, TokensPerPeriod = perRefill, ReplenishmentPeriod = refill, QueueLimit = 0, AutoReplenishment = true,
                    }));
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.OnRejected = (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(60.0 / perMinute)).ToString();
                return ValueTask.CompletedTask;
            };
        });
    }

    /// <summary>Who is asking: the user or key by name (with how it signed in), else the client's address.</summary>
    private static string Caller(HttpContext context) => context.User.Identity is { IsAuthenticated: true, Name: { } name } identity
        ? $"{identity.AuthenticationType}:{name}"
        : $"address:{context.Connection.RemoteIpAddress}";
}
