using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Nyckelfri.Identity;

namespace Nyckelfri.Web.Security;

/// <summary>One limit: at most <see cref="PermitLimit"/> requests in any <see cref="WindowSeconds"/> (a sliding window).</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }
    public TimeSpan Window => TimeSpan.FromSeconds(Math.Max(WindowSeconds, 1));
}

/// <summary>
/// The limits of <c>RateLimits:*</c> (docs/security.md, "Scope, rate limits and security events"). Login is per
/// client address; <see cref="LoginFailures"/> is per attempted user name and address; search, reveal and export
/// are per signed-in user (per address when nobody is signed in).
/// </summary>
public sealed class RateLimitSettings
{
    public RateLimit Login { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };
    public RateLimit LoginFailures { get; set; } = new() { PermitLimit = 4, WindowSeconds = 15 * 60 };
    public RateLimit Search { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };
    public RateLimit Reveal { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };
    public RateLimit Export { get; set; } = new() { PermitLimit = 5, WindowSeconds = 60 };
}

/// <summary>The rate-limiting policies (ASP.NET Core's middleware) and the answer a limited caller gets.</summary>
public static class RateLimits
{
    public const string Login = "login";
    public const string Search = "search";
    public const string Reveal = "reveal";
    public const string Export = "export";

    /// <summary>The stable <c>code</c> of the 429 ProblemDetails.</summary>
    public const string Code = "rate-limited";

    public static IServiceCollection AddNyckelfriRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddSingleton(settings);
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<RejectionRecorder>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Logins are counted per client address, and only the attempts (POST), not the form itself.
            o.AddPolicy(Login, context => HttpMethods.IsPost(context.Request.Method)
                ? Sliding("address:" + AddressOf(context), settings.Login)
                : RateLimitPartition.GetNoLimiter("read"));
            // Searches and reveals are POSTs; the pages that carry them are read freely.
            o.AddPolicy(Search, context => HttpMethods.IsPost(context.Request.Method)
                ? Sliding("search:" + CallerOf(context), settings.Search) : RateLimitPartition.GetNoLimiter("read"));
            o.AddPolicy(Reveal, context => HttpMethods.IsPost(context.Request.Method)
                ? Sliding("reveal:" + CallerOf(context), settings.Reveal) : RateLimitPartition.GetNoLimiter("read"));
            // An export is the API's /export or a page's CSV handler; the list pages around them are not limited.
            o.AddPolicy(Export, context => IsExport(context.Request)
                ? Sliding("export:" + CallerOf(context), settings.Export) : RateLimitPartition.GetNoLimiter("read"));
            o.OnRejected = (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var r) ? r : (TimeSpan?)null;
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                return RejectAsync(context.HttpContext, policy, retryAfter ?? WindowOf(settings, policy), ct);
            };
        });
        return services;
    }

    /// <summary>429 with Retry-After, a security event, and ProblemDetails (API) or the Swedish status page (pages).</summary>
    public static async ValueTask RejectAsync(HttpContext context, string? policy, TimeSpan retryAfter, CancellationToken ct)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.GetEndpoint()?.DisplayName;
        if (context.RequestServices.GetRequiredService<RejectionRecorder>().IsFirst($"{policy}\n{CallerOf(context)}"))
            await context.RequestServices.GetRequiredService<ISecurityEvents>()
                .RecordAsync(new SecurityEvent(SecurityEventKind.RateLimited, Subject: route, Detail: policy), CancellationToken.None);
        // Pages: the status-code middleware shows the Swedish status page for 429.
        if (!context.Request.Path.StartsWithSegments("/api")) return;
        await context.Response.WriteAsJsonAsync(Problem(seconds), typeof(ProblemDetails), options: null, contentType: "application/problem+json", ct);
    }

    public static ProblemDetails Problem(int retryAfterSeconds) => new()
    {
        Status = StatusCodes.Status429TooManyRequests,
        Title = "För många förfrågningar.",
        Detail = $"Du har gjort för många förfrågningar på kort tid. Vänta {retryAfterSeconds} sekunder och försök igen.",
        Type = "https://nyckelfri.se/problem/" + Code,
        Extensions = { ["code"] = Code, ["retryAfterSeconds"] = retryAfterSeconds },
    };

    private static RateLimitPartition<string> Sliding(string key, RateLimit limit) =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(limit.PermitLimit, 1),
            Window = limit.Window,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>The signed-in login (or API key), else the client address.</summary>
    private static string CallerOf(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user ? "user:" + user : "address:" + AddressOf(context);

    private static bool IsExport(HttpRequest request) =>
        request.Path.Value?.EndsWith("/export", StringComparison.OrdinalIgnoreCase) == true
        || string.Equals(request.Query["handler"], "Csv", StringComparison.OrdinalIgnoreCase);

    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString();

    private static TimeSpan WindowOf(RateLimitSettings settings, string? policy) => policy switch
    {
        Login => settings.Login.Window,
        Search => settings.Search.Window,
        Reveal => settings.Reveal.Window,
        Export => settings.Export.Window,
        _ => TimeSpan.FromMinutes(1),
    };
}

/// <summary>
/// Failed logins per attempted user name and client address (<c>RateLimits:LoginFailures</c>). It stops one
/// address from guessing one user's password before Identity's lockout (5 failures) is reached, and it does
/// not touch the same user at any other address: an attacker cannot lock the real user out with it.
/// Only failures count, so a user who logs in often is never held back. Unknown user names are counted alike.
/// </summary>
public sealed class LoginThrottle(RateLimitSettings settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(settings.LoginFailures.PermitLimit, 1),
            Window = settings.LoginFailures.Window,
            SegmentsPerWindow = 15,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public TimeSpan Window => settings.LoginFailures.Window;

    /// <summary>Whether this address has used up its failed attempts on this user name for now.</summary>
    public bool IsBlocked(string userName, HttpContext context) =>
        _failures.GetStatistics(Key(userName, context))?.CurrentAvailablePermits <= 0;

    public void RecordFailure(string userName, HttpContext context)
    {
        using var _ = _failures.AttemptAcquire(Key(userName, context));
    }

    /// <summary>Refuses a blocked attempt: 429 with Retry-After and a security event; the caller writes the body.</summary>
    public async Task RefuseAsync(string userName, HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        if (context.RequestServices.GetRequiredService<RejectionRecorder>().IsFirst("login-failures\n" + Key(userName, context)))
            await context.RequestServices.GetRequiredService<ISecurityEvents>().RecordAsync(new SecurityEvent(
                SecurityEventKind.RateLimited, UserName: userName.Trim(), Subject: context.Request.Path.Value, Detail: "login-failures"),
                CancellationToken.None);
    }

    private static string Key(string userName, HttpContext context) =>
        userName.Trim().ToUpperInvariant() + "\n" + RateLimits.AddressOf(context);

    public void Dispose() => _failures.Dispose();
}

/// <summary>
/// One <c>RateLimited</c> security event per caller and policy per minute: a flood of refused requests must not
/// become a flood of writes to the security log (the log line of each refusal is the rate limiter's own).
/// </summary>
public sealed class RejectionRecorder : IDisposable
{
    private readonly PartitionedRateLimiter<string> _recorded = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = 1, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        }));

    public bool IsFirst(string key)
    {
        using var lease = _recorded.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => _recorded.Dispose();
}
