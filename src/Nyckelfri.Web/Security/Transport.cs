using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace Nyckelfri.Web.Security;

/// <summary>
/// Transport settings (configuration section <c>Transport</c>; docs/security.md, "Sessions and transport").
/// Behind a TLS-terminating reverse proxy, list the proxy's addresses or networks so that its
/// X-Forwarded-For/-Proto are believed (loopback is always trusted).
/// </summary>
public sealed class TransportOptions
{
    public const string Section = "Transport";

    /// <summary>Cookies marked Secure and HSTS sent. Unset: on everywhere except Development.</summary>
    public bool? HttpsOnly { get; set; }

    /// <summary>The reverse proxies' addresses (e.g. "10.0.0.5").</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>The reverse proxies' networks in CIDR form (e.g. "10.0.0.0/24").</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

public static class Transport
{
    /// <summary>The header the browser pages' scripts send the antiforgery token in, with cookie-authenticated API writes.</summary>
    public const string AntiforgeryHeader = "RequestVerificationToken";

    public static IServiceCollection AddNyckelfriTransport(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var options = configuration.GetSection(TransportOptions.Section).Get<TransportOptions>() ?? new TransportOptions();
        var httpsOnly = options.HttpsOnly ?? !environment.IsDevelopment();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in options.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in options.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        // Every cookie (the session, the two-factor step, antiforgery) is HttpOnly and, outside Development, Secure.
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.Always;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.Configure<AntiforgeryOptions>(o => o.HeaderName = AntiforgeryHeader);
        services.AddSingleton(new TransportSettings(httpsOnly));
        return services;
    }

    /// <summary>The proxy's client address and scheme first, then HSTS and the cookie policy.</summary>
    public static IApplicationBuilder UseNyckelfriTransport(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        if (app.ApplicationServices.GetRequiredService<TransportSettings>().HttpsOnly) app.UseHsts();
        app.UseCookiePolicy();
        return app;
    }

    /// <summary>
    /// After authentication: no response to a signed-in caller may be kept by a browser or proxy cache
    /// (every page and API answer of a login may hold personal data), and a cookie-authenticated write to
    /// the API needs the antiforgery token in <see cref="AntiforgeryHeader"/> (bearer tokens and API keys
    /// cannot be sent by another site, cookies can).
    /// </summary>
    public static IApplicationBuilder UseSessionProtection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        if (IsCookieWriteToApi(context)
            && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Begäran saknar giltig förfalskningsspärr.",
                detail: "Ladda om sidan och försök igen.",
                extensions: new Dictionary<string, object?> { ["code"] = "antiforgery-token-invalid" }).ExecuteAsync(context);
            return;
        }
        await next();
    });

    private static bool IsCookieWriteToApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
        && !HttpMethods.IsOptions(context.Request.Method) && !HttpMethods.IsTrace(context.Request.Method)
        && context.User.Identity?.IsAuthenticated == true
        && SecuritySetup.SelectScheme(context) == IdentityConstants.ApplicationScheme;

    /// <summary>Whether the app runs HTTPS-only (Secure cookies, HSTS), as decided at start.</summary>
    public sealed record TransportSettings(bool HttpsOnly);
}
