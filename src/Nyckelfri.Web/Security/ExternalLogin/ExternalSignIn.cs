using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Nyckelfri.Data;
using Nyckelfri.Identity;

namespace Nyckelfri.Web.Security.ExternalLogin;

/// <summary>
/// What happens when a municipality's identity provider answers: the identifying claim is taken from the
/// validated id token (or the user-info answer, which the handler has checked belongs to the same subject)
/// of the configured issuer, never from anything else the browser sends; it finds one login of that
/// municipality; that login is signed in with the roles Nyckelfri grants it. Anything else is refused and
/// recorded, and the person is sent back to the login page with a reason in Swedish.
/// </summary>
public static class ExternalSignIn
{
    /// <summary>The authentication method on a session signed in through the identity provider.</summary>
    public const string AuthenticationMethod = "oidc";

    /// <summary>Reason codes on the login page (<c>?fel=</c>) and in the refused security events.</summary>
    public static class Refusal
    {
        public const string UnknownIdentity = "unknown-identity";
        public const string MissingClaim = "missing-claim";
        public const string NotAllowed = "not-allowed";
        public const string WrongIssuer = "wrong-issuer";
        public const string InvalidState = "invalid-state";
        public const string ProviderError = "provider-error";
        public const string ProviderOff = "provider-off";
    }

    private const string IdentifierClaim = "nf:external-id";

    public static OpenIdConnectEvents Events(Guid municipalityId) => new()
    {
        OnTokenValidated = context => TokenValidated(context, municipalityId),
        OnUserInformationReceived = context => UserInformationReceived(context, municipalityId),
        OnTicketReceived = context => TicketReceived(context, municipalityId),
        OnRemoteFailure = context => RemoteFailure(context, municipalityId),
        OnAccessDenied = context => Refuse(context.HttpContext, municipalityId, Refusal.ProviderError, context.HandleResponse),
    };

    /// <summary>Keeps only the identifying claim, read from the validated id token of the configured issuer.</summary>
    private static async Task TokenValidated(TokenValidatedContext context, Guid municipalityId)
    {
        var token = context.SecurityToken;
        var expected = context.Options.TokenValidationParameters.ValidIssuers ?? [];
        if (!expected.Contains(token.Issuer, StringComparer.Ordinal))
        {
            await Refuse(context.HttpContext, municipalityId, Refusal.WrongIssuer, () => context.HandleResponse());
            return;
        }
        var provider = await Provider(context.HttpContext, municipalityId);
        if (provider is null)
        {
            await Refuse(context.HttpContext, municipalityId, Refusal.ProviderOff, () => context.HandleResponse());
            return;
        }
        var identity = new ClaimsIdentity(IdentityConstants.ExternalScheme);
        var value = token.Claims.FirstOrDefault(c => c.Type == provider.IdentifierClaim)?.Value;
        if (!string.IsNullOrWhiteSpace(value)) identity.AddClaim(new Claim(IdentifierClaim, value, ClaimValueTypes.String, token.Issuer));
        context.Principal = new ClaimsPrincipal(identity);
    }

    /// <summary>The user-info answer, when the id token did not carry the claim (the handler has matched its subject to the id token's).</summary>
    private static async Task UserInformationReceived(UserInformationReceivedContext context, Guid municipalityId)
    {
        var identity = (ClaimsIdentity)context.Principal!.Identity!;
        if (identity.HasClaim(c => c.Type == IdentifierClaim)) return;
        var provider = await Provider(context.HttpContext, municipalityId);
        if (provider is null) return;
        if (context.User.RootElement.TryGetProperty(provider.IdentifierClaim, out var element)
            && element.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            var issuer = context.Options.TokenValidationParameters.ValidIssuers!.First();
            identity.AddClaim(new Claim(IdentifierClaim, element.ToString(), ClaimValueTypes.String, issuer));
        }
    }

    /// <summary>Finds the login and signs it in to Nyckelfri (not the external cookie).</summary>
    private static async Task TicketReceived(TicketReceivedContext context, Guid municipalityId)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        var provider = await Provider(http, municipalityId);
        var value = context.Principal?.FindFirst(IdentifierClaim)?.Value;
        if (provider is null)
        {
            await Refuse(http, municipalityId, Refusal.ProviderOff, () => { });
            return;
        }
        if (string.IsNullOrWhiteSpace(value))
        {
            await Refuse(http, municipalityId, Refusal.MissingClaim, () => { });
            return;
        }

        var user = await FindLogin(http.RequestServices.GetRequiredService<NyckelfriDbContext>(), provider, value.Trim(), http.RequestAborted);
        if (user is null)
        {
            await Refuse(http, municipalityId, Refusal.UnknownIdentity, () => { });
            return;
        }
        var signIn = http.RequestServices.GetRequiredService<SignInManager<AppUser>>();
        if (!await signIn.CanSignInAsync(user) || await signIn.UserManager.IsLockedOutAsync(user))
        {
            await Refuse(http, municipalityId, Refusal.NotAllowed, () => { }, user);
            return;
        }
        await signIn.SignInAsync(user, isPersistent: false, AuthenticationMethod);
        await Record(http, new SecurityEvent(SecurityEventKind.ExternalLoginSucceeded, user.Id, user.UserName, municipalityId,
            Subject: provider.Id.ToString(), Detail: AuthenticationMethod));
        var returnUrl = context.ReturnUri;
        http.Response.Redirect(!string.IsNullOrEmpty(returnUrl) && IsLocal(returnUrl) ? returnUrl : "/");
    }

    private static Task RemoteFailure(RemoteFailureContext context, Guid municipalityId)
    {
        var reason = context.Failure switch
        {
            SecurityTokenInvalidIssuerException => Refusal.WrongIssuer,
            { Message: var m } when m.Contains("state", StringComparison.OrdinalIgnoreCase) || m.Contains("Correlation", StringComparison.Ordinal) => Refusal.InvalidState,
            _ => Refusal.ProviderError,
        };
        return Refuse(context.HttpContext, municipalityId, reason, context.HandleResponse);
    }

    /// <summary>By the configured match, inside the municipality only.</summary>
    internal static async Task<AppUser?> FindLogin(NyckelfriDbContext db, IdentityProvider provider, string value, CancellationToken ct)
    {
        var municipality = provider.MunicipalityId;
        if (provider.MatchBy == ExternalIdentityMatch.UserName)
        {
            var normalized = value.ToUpperInvariant();
            return await db.Users.FirstOrDefaultAsync(u => u.MunicipalityId == municipality && u.NormalizedUserName == normalized, ct);
        }
        var employee = await db.Employees.AcrossMunicipalities().AsNoTracking()
            .Where(e => e.MunicipalityId == municipality && e.PersonnelId == value).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        return employee is null ? null
            : await db.Users.FirstOrDefaultAsync(u => u.MunicipalityId == municipality && u.EmployeeId == employee, ct);
    }

    private static async Task<IdentityProvider?> Provider(HttpContext http, Guid municipalityId) =>
        await http.RequestServices.GetRequiredService<NyckelfriDbContext>().IdentityProviders.AcrossMunicipalities().AsNoTracking()
            .FirstOrDefaultAsync(p => p.MunicipalityId == municipalityId && p.Enabled, http.RequestAborted);

    private static async Task Refuse(HttpContext http, Guid municipalityId, string reason, Action handled, AppUser? user = null)
    {
        handled();
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        await Record(http, new SecurityEvent(SecurityEventKind.ExternalLoginRefused, user?.Id, user?.UserName, municipalityId, Detail: reason));
        http.Response.Redirect("/Konto/Logga-in?fel=" + Uri.EscapeDataString(reason));
    }

    private static Task Record(HttpContext http, SecurityEvent e) =>
        http.RequestServices.GetRequiredService<ISecurityEvents>()
            .RecordAsync(e with { RemoteAddress = http.Connection.RemoteIpAddress?.ToString() }, http.RequestAborted);

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    /// <summary>The Swedish message the login page shows for a refusal's reason code.</summary>
    public static string? Message(string? reason) => reason switch
    {
        Refusal.UnknownIdentity => "Inloggningen lyckades hos identitetsleverantören, men det finns ingen inloggning i Nyckelfri för dig. Be kommunens systemförvaltare att koppla ditt personal-id till din inloggning.",
        Refusal.MissingClaim => "Identitetsleverantören skickade inte den uppgift som identifierar dig. Kontakta kommunens systemförvaltare.",
        Refusal.NotAllowed => "Din inloggning i Nyckelfri är spärrad eller får inte användas just nu. Kontakta kommunens systemförvaltare.",
        Refusal.WrongIssuer => "Svaret kom inte från kommunens inställda identitetsleverantör och godtogs inte.",
        Refusal.InvalidState => "Inloggningen kunde inte slutföras (svaret hörde inte till den här inloggningen eller var för gammalt). Försök igen.",
        Refusal.ProviderOff => "Inloggning via identitetsleverantören är inte påslagen för kommunen.",
        Refusal.ProviderError => "Inloggningen via identitetsleverantören avbröts eller misslyckades. Försök igen.",
        _ => null,
    };
}
