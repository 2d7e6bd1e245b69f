using Microsoft.Playwright;
using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>/Inkorg: the steps the user's role owns now, overdue first.</summary>
public sealed class WorkOrderInboxPage(BrowserSession session) : PageObject(session)
{
    /// <summary>The work-order numbers listed, in order.</summary>
    public async Task<IReadOnlyList<string>> References() =>
        await Page.Locator("main table td[data-label='Ärende'] a").AllInnerTextsAsync();

    public async Task<WorkOrderPage> OpenOrder(string reference)
    {
        await ClickAndArrive(Page.Locator("main table").GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }), "arende");
        return new WorkOrderPage(Session);
    }
}

/// <summary>/Arenden: every work order the user may see, with filters.</summary>
public sealed class WorkOrderListPage(BrowserSession session) : PageObject(session)
{
    /// <summary>Looks an order up by its number, whatever its state.</summary>
    public async Task<WorkOrderListPage> SearchNumber(string reference)
    {
        await Field("Ärendenummer").FillAsync(reference);
        await Field("Status").SelectOptionAsync(new SelectOptionValue { Label = "Alla" });
        await ClickAndArrive(Button("Sök"), "arenden-sok");
        return this;
    }

    public async Task<IReadOnlyList<string>> References() =>
        await Page.Locator("main table td[data-label='Ärende'] a").AllInnerTextsAsync();

    public async Task<WorkOrderPage> OpenOrder(string reference)
    {
        await ClickAndArrive(Page.Locator("main table").GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }), "arende");
        return new WorkOrderPage(Session);
    }
}

/// <summary>/Arenden/Nytt: opens a work order about the client (entrance, device) the user came from.</summary>
public sealed class NewWorkOrderPage(BrowserSession session) : PageObject(session)
{
    /// <summary>The client the order will be about, as the form names them.</summary>
    public Task<string> ClientName() => Page.Locator("#subject-client").InnerTextAsync();

    /// <summary>Picks the kind by its Swedish name and opens the order; its page is shown.</summary>
    public async Task<WorkOrderPage> Open(string kindName, string? comment = null)
    {
        await Field("Vilket slags ärende?").SelectOptionAsync(new SelectOptionValue { Label = kindName });
        if (comment is not null) await Field("Kommentar (frivilligt)").FillAsync(comment);
        await ClickAndArrive(Button("Öppna ärendet"), "arende-oppnat");
        return new WorkOrderPage(Session);
    }
}
