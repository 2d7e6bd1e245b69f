using Microsoft.EntityFrameworkCore;
using Nyckelfri.BrowserTests.Infrastructure;
using Nyckelfri.BrowserTests.Pages;
using Xunit.Abstractions;

namespace Nyckelfri.BrowserTests;

/// <summary>The system administrator's pages: two-factor login and the administration.</summary>
public sealed class AdministrationTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [BrowserFact]
    public async Task SystemAdministrator_TurnsOnTwoFactor_NextLoginAsksForCode()
    {
        await using var browser = await OpenBrowser();
        var start = await (await LoginPage.Open(browser)).LoginAs("systemforvaltare");
        var setup = await start.GoToTwoFactorSetup();
        (await setup.ShowsQrCode()).ShouldBeTrue();
        var key = await setup.SharedKey();

        await setup.Activate(await Totp.NextUnused(key), Nyckelfri.Demo.DemoLogins.Password);
        browser.Authenticators["systemforvaltare"] = key; // from here on, every login of this user needs the code

        (await setup.RecoveryCodes()).Count.ShouldBe(10);
        (await setup.Status()).ShouldContain("aktiverad");

        var login = await setup.Menu.LogOut();
        var codeQuestion = await login.LoginAsExpectingCodeQuestion("systemforvaltare");
        var loggedIn = await codeQuestion.EnterCode(await Totp.NextUnused(key));
        (await loggedIn.Heading()).ShouldBe("Välkommen, Maria Holmgren");
    }

    [BrowserFact]
    public async Task SystemAdministrator_OpensUsersAndCreatesApiKey()
    {
        await using var browser = await OpenBrowser();
        var start = await (await LoginPage.Open(browser)).LoginAs("systemforvaltare");

        var admin = await start.GoToAdministration();
        (await admin.MunicipalityName()).ShouldBe("Demo kommun");
        var users = await admin.OpenUsers();
        (await users.UserNames()).ShouldContain("handlaggare");

        var keys = await (await users.GoToAdministration()).OpenApiKeys();
        await keys.CreateKey("Verksamhetssystem (webbtest)");
        (await keys.CreatedKey()).ShouldNotBeNullOrWhiteSpace();
        (await keys.KeyNames()).ShouldContain("Verksamhetssystem (webbtest)");
    }

    [BrowserFact]
    public async Task SystemAdministrator_DisablesALogin_ItCannotLogIn_UntilEnabledAgain()
    {
        await using var admin = await OpenBrowser();
        var start = await (await LoginPage.Open(admin)).LoginAs("systemforvaltare");
        var users = await (await start.GoToAdministration()).OpenUsers();
        var staffing = await users.OpenUser("bemanning");

        await staffing.DisableLogin();
        (await staffing.LoginStatus()).ShouldContain("avstängd");
        (await (await staffing.BackToUsers()).StatusOf("bemanning")).ShouldBe("Avstängd");
        try
        {
            await using var other = await OpenBrowser(Viewport.Phone);
            var refused = await (await LoginPage.Open(other)).TryLogin("bemanning", Nyckelfri.Demo.DemoLogins.Password);
            (await refused.ErrorMessage()).ShouldContain("Inloggningen misslyckades. Kontrollera användarnamn och lösenord.");
        }
        finally
        {
            users = await (await users.GoToAdministration()).OpenUsers();
            staffing = await users.OpenUser("bemanning");
            await staffing.EnableLogin();
        }
        (await staffing.LoginStatus()).ShouldContain("aktiv");
        await using var again = await OpenBrowser();
        (await (await (await LoginPage.Open(again)).LoginAs("bemanning")).Heading()).ShouldContain("Fatima Ali");
    }

    [BrowserFact]
    public async Task SystemAdministrator_OnAPhone_ListsIssuerKeysAndStartsARotation()
    {
        await using var browser = await OpenBrowser(Viewport.Phone);
        var start = await (await LoginPage.Open(browser)).LoginAs("systemforvaltare");
        var keys = await (await start.GoToAdministration()).OpenIssuerKeys();
        (await keys.Statuses()).ShouldContain("Signerar");
        var before = await keys.KeyIds();
        (await browser.DocumentScrollWidth()).ShouldBeLessThanOrEqualTo(376, "issuer keys page");

        await keys.Rotate(48);

        (await keys.Message()).ShouldContain("Ny nyckel");
        var after = await keys.KeyIds();
        after.Count.ShouldBe(before.Count + 1);
        (await keys.Statuses()).ShouldContain("Kommande");
    }

    [BrowserFact]
    public async Task SystemAdministrator_OnAPhone_SeesARevealedDoorCodeInTheSecurityLog()
    {
        var client = await Fixture.Query(db => db.Clients.Where(c => c.DoorCode != null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        await using var browser = await OpenBrowser(Viewport.Phone);
        var start = await (await LoginPage.Open(browser)).LoginAs("systemforvaltare");
        await (await ClientPage.Open(browser, client)).RevealDoorCode();

        var log = await (await (await start.GoToAdministration()).OpenSecurityLog()).FilterByKind("Portkod visad");

        (await log.Rows()).ShouldContain($"Portkod visad | systemforvaltare | {client}");
        (await browser.DocumentScrollWidth()).ShouldBeLessThanOrEqualTo(376, "security log page");
    }
}
