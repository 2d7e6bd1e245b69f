using Nyckelfri.BrowserTests.Infrastructure;
using Nyckelfri.Demo;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>/Konto/Logga-in.</summary>
public sealed class LoginPage(BrowserSession session) : PageObject(session)
{
    public static async Task<LoginPage> Open(BrowserSession session)
    {
        await Visit(session, "/Konto/Logga-in");
        return new LoginPage(session);
    }

    /// <summary>
    /// Logs in with the demo password. A user with two-factor login on answers the code question with
    /// the authenticator this run gave them.
    /// </summary>
    public async Task<StartPage> LoginAs(string userName)
    {
        await Submit(userName, DemoLogins.Password);
        if (!IsAt(TwoFactorLoginPage.Path)) return await StartPage.Reached(Session);
        if (!Session.Authenticators.TryGetValue(userName, out var key))
            throw new InvalidOperationException($"{userName} is asked for a two-factor code, but no test set up their authenticator.");
        return await new TwoFactorLoginPage(Session).EnterCode(await Totp.NextUnused(key));
    }

    /// <summary>
    /// The first login of someone whose password an administrator set: the app asks for a new password
    /// before anything else.
    /// </summary>
    public async Task<ChangePasswordPage> LoginAsFirstTime(string userName, string password)
    {
        await Submit(userName, password);
        IsAt(ChangePasswordPage.Path).ShouldBeTrue($"expected the password change, got {Page.Url}");
        return new ChangePasswordPage(Session);
    }

    /// <summary>Logs in with a password of the user's own (not the demo's); lands on the start page.</summary>
    public async Task<StartPage> LoginWith(string userName, string password)
    {
        await Submit(userName, password);
        return await StartPage.Reached(Session);
    }

    /// <summary>Logs in as a user with two-factor login on: the app asks for the code.</summary>
    public async Task<TwoFactorLoginPage> LoginAsExpectingCodeQuestion(string userName)
    {
        await Submit(userName, DemoLogins.Password);
        IsAt(TwoFactorLoginPage.Path).ShouldBeTrue($"expected the two-factor question, got {Page.Url}");
        return new TwoFactorLoginPage(Session);
    }

    /// <summary>Tries a password that may be wrong; the login page is shown again with its message.</summary>
    public async Task<LoginPage> TryLogin(string userName, string password)
    {
        await Submit(userName, password);
        IsAt("/Konto/Logga-in").ShouldBeTrue($"expected to stay on the login page, got {Page.Url}");
        return this;
    }

    /// <summary>"Logga in med {provider}": the browser goes to the municipality's identity provider.</summary>
    public async Task<ProviderLoginPage> LoginWithProvider(string displayName)
    {
        await ClickAndArrive(Button("Logga in med " + displayName), "identitetsleverantorens-inloggning");
        new Uri(Page.Url).AbsolutePath.ShouldBe("/login", "the provider's own login form");
        return new ProviderLoginPage(Session);
    }

    /// <summary>The message above the form (the same for a wrong password, an unknown user and a locked account).</summary>
    public Task<string> ErrorMessage() => Page.Locator("main form .alert-danger").InnerTextAsync();

    private async Task Submit(string userName, string password)
    {
        await Field("Användarnamn").FillAsync(userName);
        await Field("Lösenord").FillAsync(password);
        await ClickAndArrive(Button("Logga in"), pageName: null);
    }

    private bool IsAt(string path) => new Uri(Page.Url).AbsolutePath.Equals(path, StringComparison.OrdinalIgnoreCase);
}
