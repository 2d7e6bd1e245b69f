using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nyckelfri.Data;
using Nyckelfri.Identity;

namespace Nyckelfri.Web.Security;

/// <summary>How long sessions and tokens last (configuration section <c>Sessions</c>; docs/security.md, "Sessions and transport").</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>A bearer access token's lifetime.</summary>
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>A refresh token's lifetime; never beyond the absolute limit of the login it came from.</summary>
    public int RefreshTokenHours { get; set; } = 10;

    /// <summary>A cookie session ends after this long without a request.</summary>
    public int IdleMinutes { get; set; } = 20;

    /// <summary>A cookie session, or a chain of refreshed tokens, ends this long after the password was given, whatever the activity.</summary>
    public int AbsoluteHours { get; set; } = 10;

    /// <summary>How long one instance trusts a login's security stamp before it reads it again.</summary>
    public int StampCheckSeconds { get; set; } = 5;

    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);
}

/// <summary>
/// Checks on every request that the cookie or token still belongs to a usable login: the user exists in
/// the municipality the ticket names, is neither disabled, removed nor locked out, and its security stamp
/// is the one the ticket was issued with. A changed role, password, lockout, disable, removal or logout
/// gives a new stamp, so every earlier cookie and token stops working within
/// <see cref="SessionOptions.StampCheckSeconds"/> on every instance. A positive answer is kept that long
/// per login; a refusal is never kept.
/// </summary>
public sealed class SessionValidator(TimeProvider clock, IOptions<SessionOptions> options, IOptions<IdentityOptions> identity)
{
    /// <summary>Where the login time of a cookie session is kept in its authentication properties.</summary>
    public const string StartedItem = "nf.started";

    /// <summary>
    /// The login time of a token chain, as a claim: the bearer handler gives a refresh token only the
    /// principal (not the properties), and a refresh copies it into the new pair.
    /// </summary>
    public const string StartedClaim = "nf:login-at";

    private readonly ConcurrentDictionary<string, (string Stamp, DateTimeOffset CheckedAt)> _recent = new(StringComparer.Ordinal);

    /// <summary>Why the principal may no longer be used ("stamp-changed", "disabled", "unknown-user", …), or null when it may.</summary>
    public async Task<string?> RefusalAsync(ClaimsPrincipal principal, HttpContext context)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(stamp)) return "no-stamp";
        var now = clock.GetUtcNow();
        // Trusted only from the check on for the interval: a clock set back does not stretch it.
        if (_recent.TryGetValue(userId, out var seen) && seen.Stamp == stamp
            && now >= seen.CheckedAt && now - seen.CheckedAt < TimeSpan.FromSeconds(options.Value.StampCheckSeconds)) return null;

        var db = context.RequestServices.GetRequiredService<NyckelfriDbContext>();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.MunicipalityId, u.DisabledAt, u.RemovedAt, u.LockoutEnd })
            .FirstOrDefaultAsync(context.RequestAborted);
        var refusal =
            user is null ? "unknown-user"
            : principal.FindFirstValue(NyckelfriClaims.Municipality) != user.MunicipalityId.ToString() ? "other-municipality"
            : user.RemovedAt is not null ? "removed"
            : user.DisabledAt is not null ? "disabled"
            : user.LockoutEnd > now ? "locked-out"
            : !SameStamp(user.SecurityStamp, stamp) ? "stamp-changed"
            : null;
        if (refusal is null) _recent[userId] = (stamp, now);
        else _recent.TryRemove(userId, out _);
        return refusal;
    }

    /// <summary>Whether a cookie session that began at <paramref name="properties"/>' login time has passed the absolute limit.</summary>
    public bool PastAbsoluteLimit(AuthenticationProperties properties) =>
        PastAbsoluteLimit(properties.Items.TryGetValue(StartedItem, out var started) ? started : null);

    /// <summary>Whether a token chain whose principal carries its login time has passed the absolute limit.</summary>
    public bool PastAbsoluteLimit(ClaimsPrincipal principal) => PastAbsoluteLimit(principal.FindFirstValue(StartedClaim));

    private bool PastAbsoluteLimit(string? started) =>
        !DateTimeOffset.TryParse(started, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
        || clock.GetUtcNow() - at > options.Value.Absolute;

    /// <summary>Marks the login time on a new cookie session (kept when the cookie slides).</summary>
    public void MarkStarted(AuthenticationProperties properties)
    {
        if (!properties.Items.ContainsKey(StartedItem)) properties.Items[StartedItem] = Now();
    }

    /// <summary>Marks the login time of a new token chain on its principal; a refresh passes on <paramref name="startedAt"/>.</summary>
    public void MarkStarted(ClaimsPrincipal principal, string? startedAt = null) =>
        principal.Identities.First().AddClaim(new Claim(StartedClaim, startedAt ?? Now()));

    private string Now() => clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Records the refused use and says so to the caller's security log.</summary>
    public static Task RecordRefusalAsync(HttpContext context, ClaimsPrincipal principal, string reason) =>
        context.RequestServices.GetRequiredService<ISecurityEvents>().RecordAsync(new SecurityEvent(
            SecurityEventKind.RevokedTokenUsed,
            UserId: principal.FindFirstValue(ClaimTypes.NameIdentifier),
            MunicipalityId: Guid.TryParse(principal.FindFirstValue(NyckelfriClaims.Municipality), out var m) ? m : null,
            Subject: context.Request.Path.Value is { Length: <= 200 } path ? path : null,
            Detail: reason,
            RemoteAddress: context.Connection.RemoteIpAddress?.ToString()), context.RequestAborted);

    private static bool SameStamp(string? stored, string presented) =>
        stored is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(presented));

    /// <summary>The cookie's per-request check: the login as above, and the absolute session limit.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null) return;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
        var refusal = sessions.PastAbsoluteLimit(context.Properties) ? "session-too-old" : await sessions.RefusalAsync(context.Principal, context.HttpContext);
        if (refusal is null) return;
        await RecordRefusalAsync(context.HttpContext, context.Principal, refusal);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}

/// <summary>
/// Bearer access tokens, checked like cookies: the framework's bearer handler reads and times the token,
/// then <see cref="SessionValidator"/> checks that its login may still be used.
/// </summary>
public sealed class CheckedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SessionValidator sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "NyckelfriBearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var inner = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!inner.Succeeded) return inner.None ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(inner.Failure ?? new InvalidOperationException("Bearer token refused."));
        var refusal = await sessions.RefusalAsync(inner.Principal, Context);
        if (refusal is not null)
        {
            await SessionValidator.RecordRefusalAsync(Context, inner.Principal, refusal);
            return AuthenticateResult.Fail("The token's login may no longer be used: " + refusal);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(inner.Principal, inner.Properties, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Context.ChallengeAsync(IdentityConstants.BearerScheme, properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(IdentityConstants.BearerScheme, properties);
}
