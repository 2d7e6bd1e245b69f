using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;

namespace Nyckelfri.Web.Security;

public static class NyckelfriClaims
{
    public const string Municipality = "nf:municipality";
    public const string Provider = "nf:provider";
    public const string Unit = "nf:unit";
    public const string Employee = "nf:employee";
    public const string DisplayName = "nf:name";

    /// <summary>Present while the user must still set up two-factor login before doing anything else.</summary>
    public const string TwoFactorSetupRequired = "nf:2fa-setup";

    /// <summary>Present while the user must still replace a password someone else set (<see cref="AppUser.MustChangePassword"/>).</summary>
    public const string PasswordChangeRequired = "nf:pwd-change";

    /// <summary>Roles that work at clients' homes and plan nothing: with an employee link they see only today's work (<see cref="AccessScope.WorkingEmployeeId"/>).</summary>
    public static readonly IReadOnlySet<string> CareStaffRoles = new HashSet<string> { Roles.Employee, Roles.Nurse };

    /// <summary>
    /// Whether the user must still set up TOTP before doing anything else. Not after signing in through the
    /// municipality's identity provider: its eID login is the strong one (docs/identity-provider.md).
    /// </summary>
    public static bool MustSetUpTwoFactor(ClaimsPrincipal user) =>
        user.HasClaim(TwoFactorSetupRequired, "true")
        && !user.HasClaim(ClaimTypes.AuthenticationMethod, ExternalLogin.ExternalSignIn.AuthenticationMethod);

    /// <summary>
    /// The scope the query filters apply, from the signed-in principal. A login whose scope claims are not
    /// whole (<see cref="HasWholeScope"/>) gets the anonymous scope: it sees nothing, never the municipality.
    /// </summary>
    public static AccessScope ScopeOf(ClaimsPrincipal? user, TimeProvider clock)
    {
        if (user?.Identity?.IsAuthenticated != true || !HasWholeScope(user) || !Guid.TryParse(user.FindFirstValue(Municipality), out var municipality))
            return new AccessScope { MunicipalityId = Guid.Empty, Today = clock.Today() };
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        Guid? employee = Guid.TryParse(user.FindFirstValue(Employee), out var e) ? e : null;
        return new AccessScope
        {
            MunicipalityId = municipality,
            ProviderId = Guid.TryParse(user.FindFirstValue(Provider), out var p) ? p : null,
            UnitId = Guid.TryParse(user.FindFirstValue(Unit), out var u) ? u : null,
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            EmployeeId = employee,
            WorkingEmployeeId = roles.Count > 0 && roles.All(CareStaffRoles.Contains) ? employee : null,
            UserName = user.FindFirstValue(DisplayName) ?? user.Identity.Name ?? "okänd",
            Roles = roles,
            Today = clock.Today(),
        };
    }

    /// <summary>
    /// Whether an authenticated login's scope claims hold together: a municipality; a provider for any
    /// provider-scoped role (<see cref="Roles.ProviderScoped"/>); a unit only with its provider; every scope
    /// claim at most once and a well-formed id. An unauthenticated principal has no scope to check (true).
    /// </summary>
    public static bool HasWholeScope(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return true;
        if (!SingleId(user, Municipality, required: true, out _)) return false;
        var providerScoped = user.FindAll(ClaimTypes.Role).Any(r => Roles.ProviderScoped.Contains(r.Value));
        if (!SingleId(user, Provider, required: providerScoped, out var provider)) return false;
        if (!SingleId(user, Unit, required: false, out var unit)) return false;
        return unit is null || provider is not null;
    }

    private static bool SingleId(ClaimsPrincipal user, string type, bool required, out Guid? id)
    {
        id = null;
        var claims = user.FindAll(type).ToList();
        if (claims.Count == 0) return !required;
        if (claims.Count > 1 || !Guid.TryParse(claims[0].Value, out var parsed) || parsed == Guid.Empty) return false;
        id = parsed;
        return true;
    }
}

/// <summary>Adds the municipality, provider and unit scope (and the two-factor duty) to the login.</summary>
public sealed class NyckelfriClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, NyckelfriDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(NyckelfriClaims.Municipality, user.MunicipalityId.ToString()));
        identity.AddClaim(new Claim(NyckelfriClaims.DisplayName, user.DisplayName));
        if (user.ProviderId is { } provider) identity.AddClaim(new Claim(NyckelfriClaims.Provider, provider.ToString()));
        if (user.UnitId is { } unit) identity.AddClaim(new Claim(NyckelfriClaims.Unit, unit.ToString()));
        if (user.EmployeeId is { } employee) identity.AddClaim(new Claim(NyckelfriClaims.Employee, employee.ToString()));
        if (user.MustChangePassword) identity.AddClaim(new Claim(NyckelfriClaims.PasswordChangeRequired, "true"));
        if (!user.TwoFactorEnabled && await TwoFactorRequired(user, identity))
            identity.AddClaim(new Claim(NyckelfriClaims.TwoFactorSetupRequired, "true"));
        return identity;
    }

    private async Task<bool> TwoFactorRequired(AppUser user, ClaimsIdentity identity)
    {
        var municipality = await db.Municipalities.AcrossMunicipalities().AsNoTracking()
            .FirstOrDefaultAsync(m => m.Id == user.MunicipalityId);
        if (municipality is null) return false;
        var required = municipality.TwoFactorRoleSet;
        return identity.FindAll(identity.RoleClaimType).Any(r => required.Contains(r.Value));
    }
}
