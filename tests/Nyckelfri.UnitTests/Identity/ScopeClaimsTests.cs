using System.Security.Claims;
using Nyckelfri.Identity;
using Nyckelfri.Web.Security;

namespace Nyckelfri.UnitTests.Identity;

public sealed class ScopeClaimsTests
{
    private static readonly Guid Municipality = Guid.NewGuid();
    private static readonly Guid Provider = Guid.NewGuid();
    private static readonly Guid Unit = Guid.NewGuid();

    private static ClaimsPrincipal User(string role, Guid? provider = null, Guid? unit = null, string? municipality = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Role, role), new(ClaimTypes.NameIdentifier, "u1"),
            new(NyckelfriClaims.Municipality, municipality ?? Municipality.ToString()) };
        if (provider is { } p) claims.Add(new Claim(NyckelfriClaims.Provider, p.ToString()));
        if (unit is { } u) claims.Add(new Claim(NyckelfriClaims.Unit, u.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    [Fact]
    public void ScopeOf_ProviderRoleWithoutProvider_SeesNothing()
    {
        var scope = NyckelfriClaims.ScopeOf(User(Roles.Employee), TimeProvider.System);

        NyckelfriClaims.HasWholeScope(User(Roles.Employee)).ShouldBeFalse();
        scope.MunicipalityId.ShouldBe(Guid.Empty);
        scope.IsSystem.ShouldBeFalse();
        scope.Roles.ShouldBeEmpty();
    }

    [Fact]
    public void ScopeOf_UnitWithoutProvider_SeesNothing()
    {
        NyckelfriClaims.HasWholeScope(User(Roles.CaseOfficer, unit: Unit)).ShouldBeFalse();
        NyckelfriClaims.ScopeOf(User(Roles.CaseOfficer, unit: Unit), TimeProvider.System).MunicipalityId.ShouldBe(Guid.Empty);
    }

    [Fact]
    public void HasWholeScope_MalformedOrDuplicatedClaims_False()
    {
        NyckelfriClaims.HasWholeScope(User(Roles.CaseOfficer, municipality: "inte-ett-id")).ShouldBeFalse();
        NyckelfriClaims.HasWholeScope(User(Roles.CaseOfficer, municipality: Guid.Empty.ToString())).ShouldBeFalse();
        var twice = User(Roles.Employee, Provider);
        ((ClaimsIdentity)twice.Identity!).AddClaim(new Claim(NyckelfriClaims.Provider, Guid.NewGuid().ToString()));
        NyckelfriClaims.HasWholeScope(twice).ShouldBeFalse();
    }

    [Fact]
    public void ScopeOf_WholeClaims_KeepsTheirScope()
    {
        var staff = NyckelfriClaims.ScopeOf(User(Roles.Employee, Provider, Unit), TimeProvider.System);
        var officer = NyckelfriClaims.ScopeOf(User(Roles.CaseOfficer), TimeProvider.System);

        (staff.MunicipalityId, staff.ProviderId, staff.UnitId).ShouldBe((Municipality, (Guid?)Provider, (Guid?)Unit));
        (officer.MunicipalityId, officer.ProviderId).ShouldBe((Municipality, (Guid?)null));
    }

    [Fact]
    public void HasWholeScope_Anonymous_True() =>
        NyckelfriClaims.HasWholeScope(new ClaimsPrincipal(new ClaimsIdentity())).ShouldBeTrue();
}
