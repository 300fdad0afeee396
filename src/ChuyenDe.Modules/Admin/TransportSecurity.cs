using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChuyenDe.Modules.Admin;

/// <summary>
/// HTTPS behind a reverse proxy. Forwarded headers (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>) are always
/// trusted from a proxy on the same machine (127.0.0.1, ::1) and from <c>ChuyenDe:ForwardedHeaders:KnownProxies</c>.
/// When <c>ChuyenDe:PublicBaseUrl</c> starts with <c>https://</c>: cookies are always <c>Secure</c>, HSTS is sent, and
/// plain-http requests from other machines are redirected to the public https address; plain http from the machine
/// itself (the proxy, health checks) still works and is treated as https.
/// </summary>
public static class TransportSecurity
{
    public const string ProxiesKey = "ChuyenDe:ForwardedHeaders:KnownProxies";

    /// <summary>The public https address when <c>ChuyenDe:PublicBaseUrl</c> is one; null otherwise.</summary>
    public static Uri? HttpsBaseUrl(IConfiguration configuration)
        => Uri.TryCreate(configuration["ChuyenDe:PublicBaseUrl"]?.Trim(), UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? url
            : null;

    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust only loopback (127.0.0.0/8 and ::1); a proxy on another machine is listed in the settings.
            options.KnownProxies.Add(IPAddress.Loopback);
            foreach (var proxy in configuration.GetSection(ProxiesKey).Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        if (HttpsBaseUrl(configuration) is null)
        {
            return services;
        }

        services.PostConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        services.PostConfigure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        services.PostConfigure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>Forwarded headers first; then, for an https site, the redirect of remote plain-http requests and HSTS.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var https = HttpsBaseUrl(app.Configuration);
        WarnAboutPlainHttp(app, https);
        if (https is null)
        {
            if (app.Configuration.GetValue<bool>("ChuyenDe:ForwardedHeaders:Enabled"))
            {
                app.UseHsts();
            }

            return app;
        }

        var authority = https.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
        app.Use(async (context, next) =>
        {
            if (!context.Request.IsHttps && IsLocal(context.Connection.RemoteIpAddress))
            {
                // From this machine: the proxy that terminated TLS without saying so, or a health check. The site is an https
                // site, so the request is treated as one (Secure cookies and anti-forgery tokens work, links say https).
                context.Request.Scheme = Uri.UriSchemeHttps;
            }
            else if (!context.Request.IsHttps)
            {
                // To the configured address, never to the Host header a client chose.
                var target = authority + context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                context.Response.StatusCode = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? StatusCodes.Status301MovedPermanently
                    : StatusCodes.Status308PermanentRedirect;
                context.Response.Headers.Location = target;
                return;
            }

            await next();
        });
        app.UseHsts();
        return app;
    }

    /// <summary>Requests from this machine (or from the test server, which has no address).</summary>
    public static bool IsLocal(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    private static void WarnAboutPlainHttp(WebApplication app, Uri? https)
    {
        if (!app.Environment.IsProduction() || https is not null)
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ChuyenDe.Https");
        var publicUrl = app.Configuration["ChuyenDe:PublicBaseUrl"]?.Trim();
        if (Uri.TryCreate(publicUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp && !IsLoopbackHost(url.Host))
        {
            logger.LogWarning("ChuyenDe:PublicBaseUrl is {Url}: passwords and children's photos travel unencrypted. Put an https proxy in front "
                              + "(see the README) and set ChuyenDe:PublicBaseUrl to https://…", publicUrl);
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses.Where(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
            {
                var host = address[7..].Split('/')[0];
                host = host.StartsWith('[') ? host[..(host.IndexOf(']') + 1)] : host.Split(':')[0];
                if (!IsLoopbackHost(host))
                {
                    logger.LogWarning("The site listens for plain http on {Address}, reachable from other machines, and ChuyenDe:PublicBaseUrl is "
                                      + "not https: listen on 127.0.0.1 behind an https proxy (see the README)", address);
                }
            }
        });
    }

    private static bool IsLoopbackHost(string host)
        => host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
           || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
