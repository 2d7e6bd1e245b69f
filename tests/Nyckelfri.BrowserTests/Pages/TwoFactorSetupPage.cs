using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>/Konto/Tvafaktor: turn on two-factor login with an authenticator app (key, QR code, first code).</summary>
public sealed class TwoFactorSetupPage(BrowserSession session) : PageObject(session)
{
    /// <summary>The key the user would type into the app instead of scanning the QR code.</summary>
    public Task<string> SharedKey() => Page.Locator("main ol .secret").InnerTextAsync();

    public Task<bool> ShowsQrCode() => Page.GetByRole(Microsoft.Playwright.AriaRole.Img, new() { Name = "QR-kod", Exact = false }).IsVisibleAsync();

    /// <summary>Turns two-factor login on: the app's code and, to show it is the user, the password again.</summary>
    public async Task<TwoFactorSetupPage> Activate(string code, string password)
    {
        await Field("Kod från appen").FillAsync(code);
        await Field("Lösenord").FillAsync(password);
        await ClickAndArrive(Button("Aktivera"), "tvafaktor-aktiverad");
        return this;
    }

    public async Task<IReadOnlyList<string>> RecoveryCodes() =>
        await Page.Locator("main .alert-info li").AllInnerTextsAsync();

    public Task<string> Status() => Page.Locator("main > p").First.InnerTextAsync();
}
