using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>/Brukare/{id}: the client's record, with secrets revealed only on request.</summary>
public sealed class ClientPage(BrowserSession session) : PageObject(session)
{
    /// <summary>A history entry: what was done ("Portkod visad") and by whom (display name).</summary>
    public sealed record HistoryLine(string Action, string By);

    public Task<string> PersonalIdentityNumber() => Page.Locator("#pnr").InnerTextAsync();

    public Task<string> DoorCode() => Page.Locator("#door-code").InnerTextAsync();

    public async Task<ClientPage> RevealDoorCode()
    {
        await ClickAndArrive(Button("Visa portkod"), "portkod-visad");
        return this;
    }

    /// <summary>Shows the page as it would print (print media), as the browser's print preview does.</summary>
    public async Task<ClientPage> ViewAsPrinted()
    {
        await Page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        await Session.Check("brukare-utskrift");
        return this;
    }

    /// <summary>Opens a client's page directly, as from a bookmark or a link in a work order.</summary>
    public static async Task<ClientPage> Open(BrowserSession session, Guid clientId)
    {
        await Visit(session, $"/Brukare/{clientId}", "brukare");
        return new ClientPage(session);
    }

    /// <summary>The serial numbers of the devices mounted or reserved in the client's household ("Digitalt lås").</summary>
    public async Task<IReadOnlyList<string>> HouseholdDevices() =>
        (await Page.Locator("section[aria-labelledby='lock-heading'] table td[data-label='Enhet']").AllInnerTextsAsync()).ToList();

    public async Task<InstallPage> InstallLock()
    {
        await ClickAndArrive(Link("Installera lås"), "installera");
        return new InstallPage(Session);
    }

    /// <summary>"Nytt ärende" in the client's "Ärenden" section.</summary>
    public async Task<NewWorkOrderPage> NewWorkOrder()
    {
        await ClickAndArrive(Link("Nytt ärende"), "arende-nytt");
        return new NewWorkOrderPage(Session);
    }

    /// <summary>The numbers of the client's work orders ("Ärenden").</summary>
    public async Task<IReadOnlyList<string>> WorkOrders() =>
        await Page.Locator("section[aria-labelledby='work-orders-heading'] td[data-label='Ärende'] a").AllInnerTextsAsync();

    public async Task<KeyHandOutPage> HandOutKeys()
    {
        await ClickAndArrive(Link("Lämna ut nycklar"), "nycklar-ny");
        return new KeyHandOutPage(Session);
    }

    public async Task<IReadOnlyList<HistoryLine>> HistoryActions()
    {
        var lines = await Page.Locator("section[aria-labelledby='history-heading'] ol > li > div:first-child")
            .EvaluateAllAsync<string[][]>("divs => divs.map(d => [d.querySelector('strong').innerText, d.innerText])");
        // "<Action> – <date time> av <name>"
        return lines.Select(l => new HistoryLine(l[0].Trim(), l[1][(l[1].LastIndexOf(" av ", StringComparison.Ordinal) + 4)..].Trim())).ToList();
    }
}
