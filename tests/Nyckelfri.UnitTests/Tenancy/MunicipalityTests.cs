using Nyckelfri.Identity;
using Nyckelfri.Tenancy;

namespace Nyckelfri.UnitTests.Tenancy;

public class MunicipalityTests
{
    [Fact]
    public void Constructor_Municipality_IsItsOwnTenant()
    {
        var municipality = new Municipality("Linköping", "linkoping", isDemo: false);

        municipality.MunicipalityId.ShouldBe(municipality.Id);
        municipality.Id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void Constructor_RealMunicipality_SystemAdministratorsNeedTwoFactor() =>
        new Municipality("Linköping", "linkoping", isDemo: false).TwoFactorRoleSet
            .ShouldBe([Roles.SystemAdministrator]);

    [Fact]
    public void Constructor_DemoMunicipality_NoTwoFactorRoles() =>
        new Municipality("Demokommunen", "demo", isDemo: true).TwoFactorRoleSet.ShouldBeEmpty();

    [Fact]
    public void TwoFactorRoleSet_CommaSeparatedWithSpaces_TrimmedAndDeduplicated()
    {
        var municipality = new Municipality("Salem", "salem", isDemo: false)
        {
            TwoFactorRoles = " SystemAdministrator, Auditor,,Auditor ",
        };

        municipality.TwoFactorRoleSet.ShouldBe([Roles.SystemAdministrator, Roles.Auditor], ignoreOrder: true);
    }
}
