using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>/Brukare: search by name, filter by unit, one row per client with the personnummer masked.</summary>
public sealed class ClientListPage(BrowserSession session) : PageObject(session)
{
    /// <summary>A row as shown: the name link's target is the client's page.</summary>
    public sealed record Row(string Name, string PersonalIdentityNumber, string Address, IReadOnlyList<string> Units, string Href);

    public async Task<RegisterClientPage> RegisterClient()
    {
        await ClickAndArrive(Link("Registrera brukare"), "registrera-brukare");
        return new RegisterClientPage(Session);
    }

    public async Task<ClientListPage> Search(string name)
    {
        await Field("Namn").FillAsync(name);
        await ClickAndArrive(Button("Sök"), "brukare-sok");
        return this;
    }

    /// <summary>Shows only clients served by a unit, picked by its label ("Provider – Unit").</summary>
    public async Task<ClientListPage> FilterByUnit(string unitLabel)
    {
        await Field("Enhet").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = unitLabel });
        await ClickAndArrive(Button("Sök"), "brukare-enhet");
        return this;
    }

    public async Task<IReadOnlyList<Row>> Rows()
    {
        var cells = await Page.Locator("main table tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [...r.cells].map(c => c.innerText.trim()).concat(r.querySelector('a').getAttribute('href')))");
        return cells.Select(c => new Row(c[0], c[1], c[2],
            c[3].Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), c[4])).ToList();
    }

    public Task<bool> HasNextPage() => Page.Locator("nav[aria-label='Sidor'] .page-item:not(.disabled) a[aria-label='Nästa sida']").IsVisibleAsync();

    public async Task<ClientListPage> NextPage()
    {
        await ClickAndArrive(Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Nästa sida", Exact = true }), "brukare-nasta-sida");
        return this;
    }

    public async Task<ClientPage> OpenClient(Row row)
    {
        await ClickAndArrive(Page.Locator($"main table a[href='{row.Href}']"), "brukare-detalj");
        return new ClientPage(Session);
    }
}
