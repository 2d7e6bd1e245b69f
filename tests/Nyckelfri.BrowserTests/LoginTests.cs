using Nyckelfri.BrowserTests.Infrastructure;
using Nyckelfri.BrowserTests.Pages;
using Xunit.Abstractions;

namespace Nyckelfri.BrowserTests;

public sealed class LoginTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string WrongPassword = "Fel användarnamn eller lösenord.";
    private const string LockedOut = "Kontot är spärrat efter för många misslyckade försök. Försök igen om 15 minuter.";

    [BrowserFact]
    public async Task Login_FiveWrongPasswords_AccountIsLockedWithSwedishMessage()
    {
        await using var browser = await OpenBrowser();
        var login = await LoginPage.Open(browser);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await login.TryLogin("granskare", $"fel-losenord-{attempt}");
            (await login.ErrorMessage()).ShouldBe(WrongPassword);
        }

        await login.TryLogin("granskare", "fel-losenord-5");
        (await login.ErrorMessage()).ShouldBe(LockedOut);

        await login.TryLogin("granskare", Nyckelfri.Demo.DemoLogins.Password);
        (await login.ErrorMessage()).ShouldBe(LockedOut, "the right password does not open a locked account");
    }
}
