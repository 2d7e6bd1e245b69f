using Microsoft.Playwright;
using Nyckelfri.BrowserTests.Infrastructure;

namespace Nyckelfri.BrowserTests.Pages;

/// <summary>What a case officer types to register a client (labels as on the form).</summary>
public sealed record NewClient(
    string FirstName, string LastName, string PersonalIdentityNumber, string Phone, string DoorCode,
    DateOnly InformedOn, string Decision, bool HasCodeLock, bool OpensDoorThemself, bool AgreedNoInstall,
    string Street, string PostalCode, string City, string Apartment);

/// <summary>/Brukare/Ny.</summary>
public sealed class RegisterClientPage(BrowserSession session) : PageObject(session)
{
    public async Task<RegisterClientPage> Fill(NewClient client)
    {
        await Field("Förnamn").FillAsync(client.FirstName);
        await Field("Efternamn").FillAsync(client.LastName);
        await EnterPersonalIdentityNumber(client.PersonalIdentityNumber);
        await Field("Telefon").FillAsync(client.Phone);
        await EnterDoorCode(client.DoorCode);
        await Field("Informerad om digitalt lås (datum)").FillAsync(client.InformedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Field("Brukarens svar").SelectOptionAsync(new SelectOptionValue { Label = client.Decision });
        await Page.GetByLabel("Har kodlås på ytterdörr").SetCheckedAsync(client.HasCodeLock);
        await Page.GetByLabel("Öppnar dörren själv").SetCheckedAsync(client.OpensDoorThemself);
        await Page.GetByLabel("Överenskommet med biståndshandläggare").SetCheckedAsync(client.AgreedNoInstall);
        await Field("Gatuadress").FillAsync(client.Street);
        await Field("Postnummer").FillAsync(client.PostalCode);
        await Field("Ort").FillAsync(client.City);
        await Field("Lägenhetsnummer").FillAsync(client.Apartment);
        return this;
    }

    public Task EnterPersonalIdentityNumber(string number) => Field("Personnummer").FillAsync(number);

    public Task EnterDoorCode(string code) => Field("Portkod").FillAsync(code);

    public Task<string> Value(string label) => Field(label).InputValueAsync();

    /// <summary>Presses Save on a form the app accepts: the new client's page opens.</summary>
    public async Task<ClientPage> Save()
    {
        await ClickAndArrive(Button("Spara"), "brukare-sparad");
        new Uri(Page.Url).AbsolutePath.ShouldMatch("^/Brukare/[0-9a-f-]{36}$", "the client should have been saved");
        return new ClientPage(Session);
    }

    /// <summary>Presses Save on a form the app rejects: the form comes back with its errors.</summary>
    public async Task<RegisterClientPage> SaveRejected()
    {
        await ClickAndArrive(Button("Spara"), "registrera-brukare-fel");
        new Uri(Page.Url).AbsolutePath.ShouldBe("/Brukare/Ny", "the form should have been shown again");
        return this;
    }

    /// <summary>
    /// The error shown next to a field: the message the field itself points to with aria-describedby,
    /// so a screen reader reads it with the field. Empty when there is none.
    /// </summary>
    public async Task<string> ErrorFor(string label)
    {
        var describedBy = await Field(label).GetAttributeAsync("aria-describedby") ?? "";
        var errorId = describedBy.Split(' ').SingleOrDefault(id => id.EndsWith("-error", StringComparison.Ordinal));
        errorId.ShouldNotBeNull($"the field '{label}' points to no error message");
        return (await Page.Locator($"[id='{errorId}']").InnerTextAsync()).Trim();
    }
}
