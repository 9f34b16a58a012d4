using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace IngestPipeline.Web.Security;

/// <summary>
/// Behind a TLS-terminating proxy (<c>Web:ForwardedHeaders:Enabled</c>): the client's address and scheme are taken from
/// the proxy's X-Forwarded-For and X-Forwarded-Proto, but only from the proxies named in
/// <c>Web:ForwardedHeaders:KnownProxies</c> (loopback when none is named), so the auth and anti-forgery cookies are
/// Secure on HTTPS and the sign-in throttle counts clients, not the proxy. <c>Web:Hsts</c> adds
/// Strict-Transport-Security to HTTPS answers.
/// </summary>
public static class ProxySupport
{
    public static IServiceCollection AddProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Web:ForwardedHeaders");
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address : throw new InvalidOperationException($"Web:ForwardedHeaders:KnownProxies: \"{proxy}\" is not an IP address"));
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    public static IApplicationBuilder UseProxySupport(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>("Web:ForwardedHeaders:Enabled")) app.UseForwardedHeaders();
        if (configuration.GetValue<bool>("Web:Hsts")) app.UseHsts();
        return app;
    }
}
