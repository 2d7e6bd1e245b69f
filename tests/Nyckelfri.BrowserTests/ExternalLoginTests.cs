using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.BrowserTests.Infrastructure;
using Nyckelfri.BrowserTests.Pages;
using Nyckelfri.Demo;
using Nyckelfri.Identity;
using Nyckelfri.Providers;
using Nyckelfri.Staff;
using Nyckelfri.Tenancy;
using Nyckelfri.TestIdentityProvider;
using Xunit.Abstractions;

namespace Nyckelfri.BrowserTests;

/// <summary>
/// Sign-in through the municipality's identity provider, end to end at phone width, against a real OpenID
/// Connect provider (OpenIddict on a loopback port): the system administrator gives the employee their HSA-id
/// and sets up the provider; the employee presses "Logga in med …", logs in on the provider's own form and
/// comes back signed in to Nyckelfri. A municipality of its own, so the demo's logins are untouched.
/// </summary>
public sealed class ExternalLoginTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const int PhoneWidth = 375;

    [BrowserFact]
    public async Task Employee_SignsInThroughTheMunicipalitysIdentityProvider()
    {
        await using var idp = await TestOpenIdProvider.StartAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (municipality, employee, admin) = await Arrange(suffix);
        var hsaId = "SE2321000016-" + suffix;
        const string secret = "webbläsartestets-klienthemlighet";
        idp.AddPerson("ida." + suffix, "idp-lösen-1", new Dictionary<string, string> { ["hsa_id"] = hsaId });
        await idp.RegisterClientAsync("nyckelfri-" + suffix, secret, new Uri(Fixture.BaseAddress, $"/signin-oidc/{municipality:N}"));

        await using (var adminBrowser = await OpenBrowser(Viewport.Phone, "Idp-admin"))
        {
            await (await LoginPage.Open(adminBrowser)).LoginAs(admin);
            var shown = await (await EditEmployeePage.Open(adminBrowser, employee)).SetPersonnelId(hsaId);
            (await shown.PersonnelId()).ShouldBe(hsaId);
            var settings = await IdentityProviderAdminPage.Open(adminBrowser);
            (await settings.RedirectUri()).ShouldBe(new Uri(Fixture.BaseAddress, $"/signin-oidc/{municipality:N}").ToString());
            await settings.Save("Idp-kommun " + suffix, idp.Issuer.ToString(), "nyckelfri-" + suffix, secret, "hsa_id");
            (await settings.Message()).ShouldBe("Inloggningstjänsten är sparad.");
            (await adminBrowser.DocumentScrollWidth()).ShouldBeLessThanOrEqualTo(PhoneWidth + 1, "the identity provider settings");
        }

        await using var phone = await OpenBrowser(Viewport.Phone, "Idp-medarbetare");
        var providerLogin = await (await LoginPage.Open(phone)).LoginWithProvider("Idp-kommun " + suffix);
        var start = await providerLogin.LoginAs("ida." + suffix, "idp-lösen-1");

        (await start.VisibleText()).ShouldContain("Ida Idp" + suffix);
        (await phone.DocumentScrollWidth()).ShouldBeLessThanOrEqualTo(PhoneWidth + 1, "the start page");
    }

    /// <summary>A municipality with a provider, an employee whose login is a case officer, and its system administrator.</summary>
    private async Task<(Guid Municipality, Guid Employee, string Admin)> Arrange(string suffix) =>
        await Fixture.Query(async db =>
        {
            var m = new Municipality("Idp-kommun " + suffix, "idp-" + suffix, isDemo: false) { TwoFactorRoles = "" };
            var provider = new Provider(m.Id, "Hemtjänsten " + suffix, ProviderKind.Internal);
            var employee = new Employee(m.Id, provider.Id, "Ida", "Idp" + suffix, EmploymentType.Permanent, Nyckelfri.Testing.RunClock.Today.AddYears(-1));
            db.AddRange(m, provider, employee);
            var hasher = new PasswordHasher<AppUser>();
            var staff = User("ida-" + suffix, "Ida Idp" + suffix, m.Id, employee.Id);
            var admin = User("idp-admin-" + suffix, "Admin " + suffix, m.Id, null);
            admin.PasswordHash = hasher.HashPassword(admin, DemoLogins.Password);
            db.Users.AddRange(staff, admin);
            var roles = await db.Roles.Where(r => r.Name == Roles.CaseOfficer || r.Name == Roles.SystemAdministrator).ToDictionaryAsync(r => r.Name!, r => r.Id);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = staff.Id, RoleId = roles[Roles.CaseOfficer] });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = admin.Id, RoleId = roles[Roles.SystemAdministrator] });
            await db.SaveChangesAsync();
            return (m.Id, employee.Id, admin.UserName!);
        });

    private static AppUser User(string userName, string displayName, Guid municipality, Guid? employee) => new()
    {
        UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = displayName, MunicipalityId = municipality,
        EmployeeId = employee, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
    };
}
