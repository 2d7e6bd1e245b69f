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
        return await BrowserHeldKey.Press(Session, card.GetByRole(AriaRole.Button, new() { Name = "Öppna dörren hos", Exact = false }),
            card.Locator(".door-result").First, "mina-brukare-oppnad");
    }
}

/// <summary>
/// "Öppna" with the key this browser holds (wwwroot/js/door-key.js): nothing navigates; the result appears
/// in the status region next to the button. When the login's web-app key was enrolled by another browser
/// (another test's context), the page asks for the password to move it here, and the user gives the demo
/// password: so no test depends on which test enrolled first.
/// </summary>
internal static class BrowserHeldKey
{
    public static async Task<string> Press(BrowserSession session, ILocator button, ILocator status, string pageName)
    {
        var page = session.Page;
        await button.ClickAsync();
        var password = page.Locator("form.door-password");
        for (var waited = 0; waited < 600; waited++)
        {
            if (await password.CountAsync() > 0 && await password.IsVisibleAsync())
            {
                await session.Check(pageName + "-losenord");
                await password.GetByLabel("Ditt lösenord", new() { Exact = true }).FillAsync(Nyckelfri.Demo.DemoLogins.Password);
                await password.GetByRole(AriaRole.Button, new() { Name = "Flytta nyckeln hit", Exact = true }).ClickAsync();
            }
            var text = (await status.InnerTextAsync()).Trim();
            if (text.Length > 0 && text != "Öppnar …" && await button.IsEnabledAsync())
            {
                await session.Check(pageName);
                return text;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No result next to the button after 60 s: {await status.InnerTextAsync()}");
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

    public Task<string> PressOpen() => BrowserHeldKey.Press(Session, Button("Öppna"), Page.Locator("#dorr-status"), "dorren-resultat");

    /// <summary>Nödöppning with a reason: the same key, a break-glass credential.</summary>
    public async Task<string> BreakGlass(string reason)
    {
        await Field("Anledning (krävs)").FillAsync(reason);
        return await BrowserHeldKey.Press(Session, Button("Nödöppna"), Page.Locator("#nodoppning-status"), "dorren-nodoppning");
    }

    /// <summary>The message next to the reason field, if any.</summary>
    public async Task<string> ReasonError() => (await Page.Locator("#BreakGlassReason-error").InnerTextAsync()).Trim();
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

/// <summary>"Registrera digital nyckel" (/Nycklar/Digitala/Ny): the alarm centre registers a phone-app key or fob with a proof of possession.</summary>
public sealed class RegisterDigitalKeyPage(BrowserSession session) : PageObject(session)
{
    public static async Task<RegisterDigitalKeyPage> Open(BrowserSession session)
    {
        await Visit(session, "/Nycklar/Digitala/Ny", "registrera-digital-nyckel");
        return new RegisterDigitalKeyPage(session);
    }

    /// <summary>The challenge the page shows and the id the new key will get: what the device signs.</summary>
    public async Task<(byte[] Challenge, Guid DigitalKeyId)> ChallengeToSign() =>
        (Convert.FromBase64String((await Page.Locator("[data-enrolment-challenge]").InnerTextAsync()).Trim()),
         Guid.Parse((await Page.Locator("[data-enrolment-key]").InnerTextAsync()).Trim()));

    /// <summary>Fills in the key and the device's proof and registers; returns the page reached (the key's page, or this one with errors).</summary>
    public async Task Register(string keyNumber, string publicKey, string proof)
    {
        await Field("Nyckelnummer").FillAsync(keyNumber);
        await Field("Publik nyckel (base64)").FillAsync(publicKey);
        await Field("Bevis (base64)").FillAsync(proof);
        await ClickAndArrive(Button("Registrera"), "registrera-digital-nyckel-skickad");
    }
}

/// <summary>
/// The alarm centre's two steps for a new employee's web-app key: "Registrera digital nyckel" with the kind
/// Webbapp (no public key: the employee's browser makes the pair), then "Lämna ut till medarbetare" on the
/// key's page with the signed receipt.
/// </summary>
public sealed class WebAppKeyHandOut(BrowserSession session) : PageObject(session)
{
    public static async Task<WebAppKeyHandOut> Register(BrowserSession session, string keyNumber)
    {
        await Visit(session, "/Nycklar/Digitala/Ny", "registrera-digital-nyckel");
        var page = new WebAppKeyHandOut(session);
        await page.Field("Nyckelnummer").FillAsync(keyNumber);
        await page.Field("Typ av nyckel").SelectOptionAsync(new SelectOptionValue { Label = "Webbapp" });
        await page.ClickAndArrive(page.Button("Registrera"), "digital-nyckel-webbapp");
        return page;
    }

    /// <summary>Hands the key out to the employee whose option ("Efternamn, Förnamn (Utförare)") contains <paramref name="employee"/>; the receipt signed by both.</summary>
    public async Task HandOutTo(string employee, string giver, string receiver)
    {
        await Page.Locator("summary", new() { HasTextString = "Lämna ut till medarbetare" }).ClickAsync();
        var select = Field("Medarbetare");
        var option = await select.Locator("option", new() { HasTextString = employee }).First.GetAttributeAsync("value");
        await select.SelectOptionAsync(option!);
        await Field("Förvaras (när den inte bärs)").FillAsync("I telefonen");
        await Field("Lämnas av (namn)").FillAsync(giver);
        await Field("Tas emot av (namn)").FillAsync(receiver);
        await Field("Den som lämnar").CheckAsync();
        await Field("Den som tar emot").CheckAsync();
        await ClickAndArrive(Button("Registrera utlämning"), "digital-nyckel-kvittens");
    }
}
