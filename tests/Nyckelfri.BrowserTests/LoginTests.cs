using Nyckelfri.BrowserTests.Infrastructure;
using Nyckelfri.BrowserTests.Pages;
using Xunit.Abstractions;

namespace Nyckelfri.BrowserTests;

public sealed class LoginTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    // One answer for a wrong password, an unknown user and a locked account (issue 13): a lockout tells nothing.
    private const string Refused = Nyckelfri.Web.Security.PasswordLogin.FailureMessage;

    [BrowserFact]
    public async Task Login_FiveWrongPasswords_AccountIsLocked_SameSwedishMessageAsAnyFailure()
    {
        await using var browser = await OpenBrowser();
        var login = await LoginPage.Open(browser);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await login.TryLogin("granskare", $"fel-losenord-{attempt}");
            (await login.ErrorMessage()).ShouldBe(Refused);
        }

        await login.TryLogin("granskare", "fel-losenord-5");
        (await login.ErrorMessage()).ShouldBe(Refused);

        await login.TryLogin("granskare", Nyckelfri.Demo.DemoLogins.Password);
        (await login.ErrorMessage()).ShouldBe(Refused, "the right password does not open a locked account");
        await login.TryLogin("ingen-sadan-anvandare", "fel-losenord-6");
        (await login.ErrorMessage()).ShouldBe(Refused, "an unknown user gets the same answer");
    }
}
