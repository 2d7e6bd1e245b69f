using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>/Konto/Tvastegsinloggning: the second login step, asking for the authenticator's code.</summary>
public sealed class TwoFactorLoginPage(BrowserSession session) : PageObject(session)
{
    public const string Path = "/Konto/Tvastegsinloggning";

    public async Task<StartPage> EnterCode(string code)
    {
        await Field("Kod").FillAsync(code);
        await ClickAndArrive(Button("Logga in"), "start");
        return new StartPage(Session);
    }
}
