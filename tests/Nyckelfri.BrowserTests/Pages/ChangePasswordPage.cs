using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>/Konto/Byt-losenord: the user's own password change; where a first login is sent until it has chosen its own.</summary>
public sealed class ChangePasswordPage(BrowserSession session) : PageObject(session)
{
    public const string Path = "/Konto/Byt-losenord";

    /// <summary>The warning shown while the password someone else set must be replaced.</summary>
    public Task<bool> SaysPasswordMustBeChanged() => Page.GetByText("Ditt lösenord är satt av någon annan.").IsVisibleAsync();

    /// <summary>Fills in the form and submits it; the app answers on whatever page it leads to (checked by axe).</summary>
    public async Task Submit(string current, string next, string arrivedAs)
    {
        await Field("Nuvarande lösenord").FillAsync(current);
        await Field("Nytt lösenord").FillAsync(next);
        await ClickAndArrive(Button("Byt lösenord"), arrivedAs);
    }

    /// <summary>The first login's change: on success the app goes on to the start page.</summary>
    public async Task<StartPage> ChooseOwnPassword(string current, string next)
    {
        await Submit(current, next, "start-efter-losenordsbyte");
        return await StartPage.Reached(Session);
    }

    /// <summary>The message under the new-password field (e.g. a common password refused).</summary>
    public Task<string> NewPasswordError() => Page.Locator("#new-error").InnerTextAsync();

    public Task<string> Confirmation() => Page.Locator("main .alert-success").InnerTextAsync();
}
