using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>A page of the app as a user sees it. Methods that leave the page return the page reached.</summary>
public abstract class PageObject(BrowserSession session)
{
    protected BrowserSession Session { get; } = session;
    protected IPage Page => Session.Page;

    public MainMenu Menu => new(Session);

    public async Task<ClientListPage> GoToClients()
    {
        await Menu.Follow("Brukare", "brukare");
        return new ClientListPage(Session);
    }

    public async Task<WorkOrderInboxPage> GoToInbox()
    {
        await Menu.Follow("Min inkorg", "inkorg");
        return new WorkOrderInboxPage(Session);
    }

    public async Task<WorkOrderListPage> GoToWorkOrders()
    {
        await Menu.Follow("Ärenden", "arenden");
        return new WorkOrderListPage(Session);
    }

    public async Task<StockPage> GoToStock()
    {
        await Menu.Follow("Lager", "lager");
        return new StockPage(Session);
    }

    public async Task<MyClientsPage> GoToMyClients()
    {
        await Menu.Follow("Mina brukare", "mina-brukare");
        return new MyClientsPage(Session);
    }

    /// <summary>The user's own password change ("Byt lösenord" in the menu).</summary>
    public async Task<ChangePasswordPage> GoToChangePassword()
    {
        await Menu.Follow("Byt lösenord", "konto-byt-losenord");
        return new ChangePasswordPage(Session);
    }

    public async Task<AdminPage> GoToAdministration()
    {
        await Menu.Follow("Administration", "admin");
        return new AdminPage(Session);
    }

    public Task<string> Heading() => Page.Locator("main h1").InnerTextAsync();

    /// <summary>Everything the page shows as text (not hidden fields or attributes).</summary>
    public Task<string> VisibleText() => Page.Locator("body").InnerTextAsync();

    protected ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
    protected ILocator Link(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
    protected ILocator Field(string label) => Page.GetByLabel(label, new() { Exact = true });

    /// <summary>Opens a path directly, as if typed into the address bar, and returns the HTTP status.</summary>
    protected static async Task<int> Visit(BrowserSession session, string path, string? pageName = null)
    {
        var response = await session.Page.GotoAsync(path);
        await session.Arrived(pageName);
        return response?.Status ?? 0;
    }

    /// <summary>Clicks something that loads a new page (a link, or a form's submit button), then checks that page.</summary>
    protected Task ClickAndArrive(ILocator target, string? pageName) => Session.ClickAndArrive(target, pageName);
}

/// <summary>The navigation bar in the header; collapsed behind a toggler on a phone.</summary>
public sealed class MainMenu(BrowserSession session)
{
    private IPage Page => session.Page;
    private ILocator Toggler => Page.Locator("header .navbar-toggler");
    private ILocator Menu => Page.Locator("header #nav");

    public Task<bool> IsShown() => Menu.IsVisibleAsync();

    /// <summary>Whether the header (brand and menu) is shown at all; printing hides it.</summary>
    public Task<bool> HeaderIsShown() => Page.Locator("body > header").IsVisibleAsync();

    /// <summary>Taps the menu button (phone width) and waits for the menu to finish opening.</summary>
    public async Task Open()
    {
        await Toggler.ClickAsync();
        await Assertions.Expect(Toggler).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(Menu).ToHaveClassAsync(new Regex(@"(^|\s)show(\s|$)"));
    }

    public Task<bool> HasLink(string name) => MenuLink(name).IsVisibleAsync();

    /// <summary>Follows a menu link, opening the menu first when it is folded away (phone width).</summary>
    internal async Task Follow(ILocator link, string pageName)
    {
        if (!await Menu.IsVisibleAsync()) await Open();
        await session.ClickAndArrive(link, pageName);
    }

    internal Task Follow(string linkName, string pageName) => Follow(MenuLink(linkName), pageName);

    /// <summary>The link with the user's own name, to their account's two-factor settings.</summary>
    internal ILocator AccountLink => Menu.Locator("a[href='/Konto/Tvafaktor']");

    public async Task<LoginPage> LogOut()
    {
        if (!await Menu.IsVisibleAsync()) await Open();
        await session.ClickAndArrive(Menu.GetByRole(AriaRole.Button, new() { Name = "Logga ut", Exact = true }));
        return new LoginPage(session);
    }

    private ILocator MenuLink(string name) => Menu.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
