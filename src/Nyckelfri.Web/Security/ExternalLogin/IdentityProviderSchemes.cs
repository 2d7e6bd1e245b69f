using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Nyckelfri.Data;
using Nyckelfri.Identity;

namespace Nyckelfri.Web.Security.ExternalLogin;

/// <summary>
/// One OpenID Connect authentication scheme per municipality whose identity provider is on, made from its
/// row in the database when first needed and made again when the row's version has moved on (an
/// administrator changed it, on this instance or another). The scheme's callback is
/// <c>/signin-oidc/{municipality id}</c>; <see cref="ExternalLoginSetup.UseIdentityProviderCallbacks"/>
/// makes sure the scheme exists before the authentication middleware looks for the handler of a callback.
/// </summary>
public sealed class IdentityProviderSchemes(
    IAuthenticationSchemeProvider schemes,
    IOptionsMonitorCache<OpenIdConnectOptions> optionsCache,
    IDataProtectionProvider dataProtection,
    IServiceScopeFactory scopes)
{
    public const string CallbackPrefix = "/signin-oidc";
    private const string SchemePrefix = "oidc-";

    private readonly ConcurrentDictionary<Guid, int> _versions = new();
    private readonly SemaphoreSlim _lock = new(1, 1);

    public static string SchemeName(Guid municipalityId) => SchemePrefix + municipalityId.ToString("N");

    public static string CallbackPath(Guid municipalityId) => $"{CallbackPrefix}/{municipalityId:N}";

    /// <summary>The municipality's scheme as its provider is set now, or null when it has none or it is off.</summary>
    public async Task<string?> EnsureAsync(Guid municipalityId, CancellationToken ct)
    {
        var name = SchemeName(municipalityId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>();
        // Before anyone is signed in: the municipality is the one named in the path, never the caller's.
        var provider = await db.IdentityProviders.AcrossMunicipalities().AsNoTracking()
            .FirstOrDefaultAsync(p => p.MunicipalityId == municipalityId, ct);

        await _lock.WaitAsync(ct);
        try
        {
            if (provider is not { Enabled: true })
            {
                Remove(municipalityId, name);
                return null;
            }
            if (_versions.TryGetValue(municipalityId, out var version) && version == provider.Version
                && await schemes.GetSchemeAsync(name) is not null)
                return name;

            Remove(municipalityId, name);
            optionsCache.TryAdd(name, Options(provider, name));
            schemes.TryAddScheme(new AuthenticationScheme(name, provider.DisplayName, typeof(OpenIdConnectHandler)));
            _versions[municipalityId] = provider.Version;
            return name;
        }
        finally { _lock.Release(); }
    }

    private void Remove(Guid municipalityId, string name)
    {
        schemes.RemoveScheme(name);
        optionsCache.TryRemove(name);
        _versions.TryRemove(municipalityId, out _);
    }

    private OpenIdConnectOptions Options(IdentityProvider provider, string name)
    {
        var authority = new Uri(provider.Authority);
        var options = new OpenIdConnectOptions
        {
            Authority = provider.Authority,
            ClientId = provider.ClientId,
            ClientSecret = provider.ProtectedClientSecret is null ? null
                : dataProtection.CreateProtector(IdentityProviderSettings.SecretPurpose).Unprotect(provider.ProtectedClientSecret),
            // Authorization code with PKCE; the answer comes back as a top-level GET, so the correlation and
            // nonce cookies can stay SameSite=Lax. The code is single use and worthless without the verifier.
            ResponseType = OpenIdConnectResponseType.Code,
            ResponseMode = OpenIdConnectResponseMode.Query,
            UsePkce = true,
            CallbackPath = CallbackPath(provider.MunicipalityId),
            SignInScheme = IdentityConstants.ExternalScheme,
            RequireHttpsMetadata = !IdentityProviderSettings.IsLoopback(authority),
            GetClaimsFromUserInfoEndpoint = provider.UseUserInfo,
            MapInboundClaims = false,
            SaveTokens = false,
            DisableTelemetry = true,
            RemoteAuthenticationTimeout = TimeSpan.FromMinutes(10),
            Events = ExternalSignIn.Events(provider.MunicipalityId),
        };
        options.Scope.Clear();
        options.Scope.Add("openid");
        foreach (var scope in provider.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)) options.Scope.Add(scope);
        options.ClaimActions.Clear();
        // Exactly the configured issuer (with or without its trailing slash), and this client as the audience.
        var issuer = provider.Authority.TrimEnd('/');
        options.TokenValidationParameters.ValidIssuers = [issuer, issuer + "/"];
        options.TokenValidationParameters.ValidateIssuer = true;
        options.TokenValidationParameters.ValidAudience = provider.ClientId;
        options.TokenValidationParameters.ValidateAudience = true;
        foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
        new OpenIdConnectPostConfigureOptions(dataProtection).PostConfigure(name, options);
        options.Validate(name);
        return options;
    }
}
