using System.Diagnostics;
using IngestPipeline.Infrastructure.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace IngestPipeline.Web.Security;

/// <summary>
/// Who may do what. People sign in with a cookie (ASP.NET Core Identity, accounts in the pipeline's database);
/// scripts send an API key. Every endpoint and page needs a signed-in user unless it says otherwise, and every
/// state-changing request made with the cookie carries an anti-forgery token.
/// </summary>
public static class SecurityRegistration
{
    private const string Smart = "CookieOrApiKey";
    public const string AntiforgeryHeader = "RequestVerificationToken";

    public static IServiceCollection AddPipelineSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SignInThrottle>();
        services.AddProtectedKeys(configuration, environment);
        services.AddSessionCheck(configuration);
        services.AddIdentity<IdentityUser, IdentityRole>(identity =>
            {
                // Length over composition rules (NIST 800-63B); lockout slows guessing.
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = identity.Password.RequireLowercase = identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                identity.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<PipelineDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/logout";
            cookie.AccessDeniedPath = "/denied";
            cookie.Cookie.Name = "ingestpipeline";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            // The API answers 401/403; only pages redirect to the login form.
            cookie.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication(options =>
            {
                // AddIdentity made the cookie the default for authenticating too; the smart scheme picks per request.
                options.DefaultScheme = Smart;
                options.DefaultAuthenticateScheme = Smart;
                options.DefaultChallengeScheme = Smart;
                options.DefaultForbidScheme = Smart;
            })
            .AddPolicyScheme(Smart, "cookie or API key", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.View, p => p.RequireRole(Roles.Staff, Roles.Reviewer, Roles.Admin))
            .AddPolicy(Policies.Upload, p => p.RequireRole(Roles.Staff, Roles.Admin))
            .AddPolicy(Policies.Review, p => p.RequireRole(Roles.Reviewer, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));

        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            options.Cookie.Name = "ingestpipeline-af";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // A page's own script (the review page's autosave) asks for JSON: it must learn the session ended, not get the login form.
        bool script = context.Request.Headers.Accept.ToString() is var accept && accept.Contains("application/json", StringComparison.OrdinalIgnoreCase)
            && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (context.Request.Path.StartsWithSegments("/api") || script) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// For the API: a state-changing request authenticated by the cookie (the upload page's script) must carry the
    /// anti-forgery token in <see cref="AntiforgeryHeader"/>; a request with an API key cannot be forged by a
    /// browser and needs none.
    /// </summary>
    public static TBuilder RequireAntiforgeryForCookies<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                || http.User.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName)
                return await next(context);
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Problem("The request has no valid anti-forgery token; reload the page and try again.", statusCode: 400);
            }
            return await next(context);
        });

    /// <summary>
    /// Headers that keep the pages from being framed, sniffed or made to run foreign script; and, where
    /// <c>Web:ServerTiming</c> is set (infra/benchmark-review.sh), the server's time: off by default, since the time a
    /// request took tells what it touched, such as whether a user name exists.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        bool serverTiming = app.ApplicationServices.GetRequiredService<IConfiguration>().GetValue<bool>("Web:ServerTiming");
        return app.Use(async (context, next) =>
        {
            var clock = Stopwatch.StartNew();
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                // The dashboard of Hangfire brings inline script of its own; everything of ours is in files under /app.
                // Mirador (the IIIF viewer page) styles itself with style elements it writes at run time (Material UI's
                // emotion): inline style is let in there alone, never inline script.
                var path = context.Request.Path;
                if (path.StartsWithSegments("/documents") && path.Value!.EndsWith("/viewer", StringComparison.Ordinal))
                    headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
                else if (!path.StartsWithSegments("/hangfire"))
                    headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
                if (serverTiming) headers["Server-Timing"] = $"app;dur={clock.Elapsed.TotalMilliseconds:0.0}";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
