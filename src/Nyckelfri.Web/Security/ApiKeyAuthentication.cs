using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nyckelfri.Data;
using Nyckelfri.Identity;

namespace Nyckelfri.Web.Security;

/// <summary>
/// System integrations send <c>X-Api-Key: nf_…</c>. The key's prefix finds the row; its SHA-256
/// hash is compared in constant time. A revoked or unknown key authenticates nobody.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, NyckelfriDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values)) return AuthenticateResult.NoResult();
        var secret = values.ToString();
        if (secret.Length < ApiKey.PrefixLength || secret.Length > 100) return AuthenticateResult.Fail("Malformed API key.");

        var prefix = secret[..ApiKey.PrefixLength];
        var key = await db.ApiKeys.AcrossMunicipalities().AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix);
        if (key is null || !key.IsActive || !key.Matches(secret)) return AuthenticateResult.Fail("Unknown or revoked API key.");

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "apikey:" + key.Id),
            new Claim(ClaimTypes.Name, "API-nyckel " + key.Name),
            new Claim(NyckelfriClaims.DisplayName, "API-nyckel " + key.Name),
            new Claim(NyckelfriClaims.Municipality, key.MunicipalityId.ToString()),
            new Claim(ClaimTypes.Role, key.Role),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}
