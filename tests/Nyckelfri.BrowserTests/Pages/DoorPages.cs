using Microsoft.Playwright;
using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>"Mina brukare": the employee's clients for today, each with "Öppna".</summary>
public sealed class MyClientsPage(BrowserSession session) : PageObject(session)
{
    private ILocator Cards => Page.Locator("ul.my-clients > li");

    public Task<int> ClientCount() => Cards.CountAsync();

    /// <summary>The accessible names of every button and link on the cards.</summary>
    public async Task<IReadOnlyList<string>> ActionNames()
    {
        var names = new List<string>();
        foreach (var action in await Cards.Locator("button[aria-label], a[aria-label]").AllAsync())
            names.Add((await action.GetAttributeAsync("aria-label"))!);
        return names;
    }

    public async Task<string> NoticeText() => await Page.Locator("main .alert-info").InnerTextAsync();

    /// <summary>The first client with a lock: its name and the path of its client page.</summary>
    public async Task<(string Name, string Path)> FirstClientWithLock()
    {
        var card = Cards.Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = "Öppna dörren hos", Exact = false }) }).First;
        var link = card.Locator("h3 a");
        return (await link.InnerTextAsync(), (await link.GetAttributeAsync("href"))!);
    }

    /// <summary>
    /// Presses "Öppna" on the client's card (found by the client's page, since two clients can share a name):
    /// the phone runs the protocol against the lock; the page reports the result.
    /// </summary>
    public async Task<string> Open(string clientPath)
    {
        var card = Cards.Filter(new() { Has = Page.Locator($"h3 a[href='{clientPath}']") });
        await ClickAndArrive(card.GetByRole(AriaRole.Button, new() { Name = "Öppna dörren hos", Exact = false }), "mina-brukare-oppnad");
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

/// <summary>The access log report ("Åtkomstlogg") of a unit manager.</summary>
public sealed class AccessLogPage(BrowserSession session) : PageObject(session)
{
    /// <summary>The log for one client (the client filter, as a link from the client's page sets it).</summary>
    public static async Task<AccessLogPage> ForClient(BrowserSession session, Guid clientId)
    {
        await Visit(session, $"/Logg?clientId={clientId}", "logg");
        return new AccessLogPage(session);
    }

    /// <summary>Each row as "händelse | resultat | medarbetare | orsak".</summary>
    public async Task<IReadOnlyList<string>> Rows()
    {
        var rows = Page.Locator("main table tbody tr");
        var result = new List<string>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var cells = rows.Nth(i).Locator("td");
            result.Add($"{await cells.Nth(1).InnerTextAsync()} | {await cells.Nth(2).InnerTextAsync()} | {await cells.Nth(3).InnerTextAsync()} | {await cells.Nth(7).InnerTextAsync()}");
        }
        return result;
    }
}

/// <summary>Any page of the digital-access area, opened by its address (each visit is screenshotted and axe-checked).</summary>
public sealed class AccessAreaPage(BrowserSession session) : PageObject(session)
{
    public static async Task<AccessAreaPage> Open(BrowserSession session, string path, string name)
    {
        (await Visit(session, path, name)).ShouldBe(200, path);
        return new AccessAreaPage(session);
    }
}
