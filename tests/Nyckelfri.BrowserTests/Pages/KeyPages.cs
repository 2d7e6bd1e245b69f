using Microsoft.Playwright;
using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>/Brukare/{id}/Nycklar/Ny: a unit takes a set of the client's keys against a signed receipt.</summary>
public sealed class KeyHandOutPage(BrowserSession session) : PageObject(session)
{
    /// <param name="UnitName">The unit that takes the keys, by name; null: the first unit offered.</param>
    public sealed record HandOut(string KeyNumber, int Count, string ReceiverName, string? UnitName = null);

    /// <summary>Fills the form (the client gives the keys to the unit) and signs for both parties.</summary>
    public async Task<KeyReceiptPage> Register(HandOut handOut)
    {
        await Field("Nyckelnummer").FillAsync(handOut.KeyNumber);
        await Field("Antal nycklar").FillAsync(handOut.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var unit = Field("Lämnas till enhet");
        if (handOut.UnitName is { } name) await unit.SelectOptionAsync(new SelectOptionValue { Label = name });
        else await unit.SelectOptionAsync((await unit.Locator("option:not([value=''])").First.GetAttributeAsync("value"))!);
        await Field("Tas emot av (namn)").FillAsync(handOut.ReceiverName);
        await Field("Den som lämnar").CheckAsync();
        await Field("Den som tar emot").CheckAsync();
        await ClickAndArrive(Button("Registrera och visa kvittens"), "nyckelkvittens");
        return new KeyReceiptPage(Session);
    }

    public Task<string> GiverName() => Field("Lämnas av (namn)").InputValueAsync();
}

/// <summary>/Nycklar/Kvittens/{id}: the Swedish key receipt, made to be printed and signed on paper.</summary>
public sealed class KeyReceiptPage(BrowserSession session) : PageObject(session)
{
    public Task<string> KeyNumber() => Page.Locator(".key-receipt-number").InnerTextAsync();

    public Task<string> ReceiptText() => Page.Locator("article.key-receipt").InnerTextAsync();

    public Task<int> SignatureLines() => Page.Locator(".key-receipt-signature").CountAsync();

    public Task<bool> PrintButtonIsShown() => Button("Skriv ut").IsVisibleAsync();

    /// <summary>Shows the page as it prints (print media), as the browser's print preview does.</summary>
    public async Task<KeyReceiptPage> ViewAsPrinted()
    {
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Session.Check("nyckelkvittens-utskrift");
        return this;
    }
}
