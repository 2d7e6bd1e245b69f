using Nyckelfri.Common;

namespace Nyckelfri.Identity;

/// <summary>How the identifying claim from the identity provider finds a login in Nyckelfri.</summary>
public enum ExternalIdentityMatch
{
    /// <summary>The claim's value is an employee's personnel id (HSA-id, employee number); the employee's login signs in.</summary>
    PersonnelId,

    /// <summary>The claim's value is the login's user name in Nyckelfri.</summary>
    UserName,
}

/// <summary>
/// A municipality's OpenID Connect identity provider (docs/identity-provider.md): where it is, how
/// Nyckelfri is registered there, which claim names the person and how that finds a login. The
/// provider only says who someone is; their roles are granted in Nyckelfri. At most one per municipality.
/// </summary>
public sealed class IdentityProvider : Entity
{
    private IdentityProvider() { }

    public IdentityProvider(Guid municipalityId) => MunicipalityId = municipalityId;

    /// <summary>Shown on the login page as "Logga in med {DisplayName}".</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The issuer's URL; its discovery document is at <c>/.well-known/openid-configuration</c>. Tokens must name exactly this issuer.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>The client secret, encrypted under the Data Protection key ring (never in clear at rest).</summary>
    [Secret(SecretKind.KeyMaterial)]
    public string? ProtectedClientSecret { get; set; }

    /// <summary>Space-separated scopes asked for besides <c>openid</c>.</summary>
    public string Scopes { get; set; } = "";

    /// <summary>The claim (in the id token or the user-info answer) that identifies the person, e.g. <c>hsa_id</c>, <c>employee_number</c>, <c>sub</c>.</summary>
    public string IdentifierClaim { get; set; } = "";

    public ExternalIdentityMatch MatchBy { get; set; }

    /// <summary>Also ask the provider's user-info endpoint for claims (some providers put the HSA-id only there).</summary>
    public bool UseUserInfo { get; set; }

    /// <summary>Offered on the login page; off: no one signs in through it (password login is then allowed again).</summary>
    public bool Enabled { get; set; }

    /// <summary>While the provider is enabled, the municipality's users may not log in with a password (except <see cref="PasswordFallbackUserId"/>).</summary>
    public bool LocalPasswordsDisabled { get; set; }

    /// <summary>The one system administrator login that keeps password (and TOTP) login, for when the provider is down.</summary>
    public string? PasswordFallbackUserId { get; set; }

    /// <summary>Whether password login is refused for <paramref name="userId"/> of this municipality.</summary>
    public bool RefusesPasswordFor(string userId) => Enabled && LocalPasswordsDisabled && userId != PasswordFallbackUserId;
}
