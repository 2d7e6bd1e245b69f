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

    public async Task<IReadOnlyList<HistoryLine>> HistoryActions()
    {
        var lines = await Page.Locator("section[aria-labelledby='history-heading'] ol > li > div:first-child")
            .EvaluateAllAsync<string[][]>("divs => divs.map(d => [d.querySelector('strong').innerText, d.innerText])");
        // "<Action> – <date time> av <name>"
        return lines.Select(l => new HistoryLine(l[0].Trim(), l[1][(l[1].LastIndexOf(" av ", StringComparison.Ordinal) + 4)..].Trim())).ToList();
    }
}
