using Microsoft.Playwright;
using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>"Mina brukare": the employee's clients for today, each with "Öppna".</summary>
public sealed class MyClientsPage(BrowserSession session) : PageObject(session)
{
    private ILocator Cards => Page.Locator("ul.my-clients > li");

    public Task<int> ClientCount() => Cards.CountAsync();

    public async Task<string> NoticeText() => await Page.Locator("main .alert-info").InnerTextAsync();

    /// <summary>The first client with a lock: its name and the path of its client page.</summary>
    public async Task<(string Name, string Path)> FirstClientWithLock()
    {
        var card = Cards.Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = "Öppna dörren hos", Exact = false }) }).First;
        var link = card.Locator("h3 a");
        return (await link.InnerTextAsync(), (await link.GetAttributeAsync("href"))!);
    }

    /// <summary>Presses "Öppna" for the client: the phone runs the protocol against the lock; the page reports the result.</summary>
    public async Task<string> Open(string clientName)
    {
        await ClickAndArrive(Page.GetByRole(AriaRole.Button, new() { Name = $"Öppna dörren hos {clientName}", Exact = true }), "mina-brukare-oppnad");
        return await Page.Locator("main .door-result").InnerTextAsync();
    }
}

/// <summary>The client's door on a phone: open, "Kom inte in", break-glass.</summary>
public sealed class DoorPage(BrowserSession session) : PageObject(session)
{
    public static async Task<DoorPage> Open(BrowserSession session, string clientPath)
    {
        await Visit(session, clientPath + "/Dorren", "dorren");
        return new DoorPage(session);
    }

    public async Task<string> PressOpen()
    {
        await ClickAndArrive(Button("Öppna"), "dorren-resultat");
        return await Page.Locator("main .door-result").InnerTextAsync();
    }
}
