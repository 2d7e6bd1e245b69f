using Microsoft.Playwright;
using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>/Lager: stock per model and location, with the warnings of models under their reorder level.</summary>
public sealed class StockPage(BrowserSession session) : PageObject(session)
{
    public async Task<DeliveryPage> ReceiveDelivery()
    {
        await ClickAndArrive(Link("Ta emot leverans"), "lager-leverans");
        return new DeliveryPage(Session);
    }
}

/// <summary>/Lager/Leverans: the caretaker scans the serial numbers of a delivery from the supplier.</summary>
public sealed class DeliveryPage(BrowserSession session) : PageObject(session)
{
    /// <summary>Chooses the open purchase order whose reference ("B-0002") starts the option's text.</summary>
    public async Task<DeliveryPage> ForOrder(string reference)
    {
        var select = Field("Beställning");
        var options = await select.Locator("option").EvaluateAllAsync<string[][]>("os => os.map(o => [o.value, o.textContent.trim()])");
        var value = options.Single(o => o[1].StartsWith(reference + " ", StringComparison.Ordinal))[0];
        await select.SelectOptionAsync(value);
        return this;
    }

    public async Task<DeliveryPage> OfModel(string model)
    {
        await Field("Modell").SelectOptionAsync(new SelectOptionValue { Label = model });
        return this;
    }

    /// <summary>Types the serial numbers as a scanner would: one per line.</summary>
    public async Task<DeliveryPage> Scan(params string[] serialNumbers)
    {
        await Field("Serienummer").FillAsync(string.Join('\n', serialNumbers));
        return this;
    }

    public async Task<DeliveryPage> Receive()
    {
        await ClickAndArrive(Button("Ta emot"), "lager-leverans-mottagen");
        return this;
    }

    /// <summary>The serial numbers the receipt message lists as received.</summary>
    public Task<string[]> ReceivedSerials() =>
        Page.Locator("section[aria-labelledby='received-heading'] li a").AllInnerTextsAsync().ContinueWith(t => t.Result.ToArray());

    public Task<string> ReceivedHeading() => Page.Locator("#received-heading").InnerTextAsync();
}

/// <summary>/Hushall/{id}/Installera: the installer mounts a device at a household door.</summary>
public sealed class InstallPage(BrowserSession session) : PageObject(session)
{
    public async Task Mount(string serialNumber, string keyNumber)
    {
        await Field("eller skriv/skanna serienumret").FillAsync(serialNumber);
        await Field("Nyckelnummer").FillAsync(keyNumber);
        await ClickAndArrive(Button("Montera"), "monterad");
    }
}
