using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>/: the welcome page with a card per area the user may work in.</summary>
public sealed class StartPage(BrowserSession session) : PageObject(session)
{
    /// <summary>The page a successful login lands on (already checked by the navigation that reached it).</summary>
    internal static async Task<StartPage> Reached(BrowserSession session)
    {
        var page = new StartPage(session);
        (await page.Heading()).ShouldStartWith("Välkommen");
        return page;
    }

    /// <summary>Opens the user's own account page (their name in the menu): two-factor login settings.</summary>
    public async Task<TwoFactorSetupPage> GoToTwoFactorSetup()
    {
        await Menu.Follow(Menu.AccountLink, "tvafaktor");
        return new TwoFactorSetupPage(Session);
    }
}
