using Nyckelfri.BrowserTests.Infrastructure;
using Nyckelfri.BrowserTests.Pages;
using Nyckelfri.Testing;
using Xunit.Abstractions;

namespace Nyckelfri.BrowserTests;

/// <summary>A case officer's day: register a client, find them again, open their door code.</summary>
public sealed class CaseOfficerTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string WrongCheckDigitMessage = "Personnumrets kontrollsiffra stämmer inte. Kontrollera att du skrivit rätt.";

    [BrowserFact]
    public async Task CaseOfficer_RegistersClient_FindsThemMaskedAndRevealsDoorCode()
    {
        await using var browser = await OpenBrowser();
        var client = NewClient();
        var number = FictitiousPersonalIdentityNumber.Next(client.Street, client.Apartment, client.Phone);

        var start = await (await LoginPage.Open(browser)).LoginAs("handlaggare");
        var form = await (await start.GoToClients()).RegisterClient();
        await form.Fill(client with { PersonalIdentityNumber = number.WithWrongCheckDigit });
        await form.SaveRejected();

        (await form.ErrorFor("Personnummer")).ShouldBe(WrongCheckDigitMessage);
        (await form.Value("Efternamn")).ShouldBe(client.LastName, "what was typed is kept");

        await form.EnterPersonalIdentityNumber(number.Valid);
        // A password field is never sent back to the browser, so the door code is typed again.
        await form.EnterDoorCode(client.DoorCode);
        var saved = await form.Save();
        (await saved.Heading()).ShouldBe($"{client.FirstName} {client.LastName}");

        var list = await (await saved.GoToClients()).Search($"{client.FirstName} {client.LastName}");
        var row = (await list.Rows()).ShouldHaveSingleItem("one client: the rejected attempt saved nothing");
        row.Name.ShouldBe($"{client.LastName}, {client.FirstName}");
        row.PersonalIdentityNumber.ShouldBe(number.Masked);
        (await list.VisibleText()).ShouldNotContain(number.LastFour);
        var html = await browser.Page.ContentAsync();
        html.ShouldNotContain(number.Valid);
        html.ShouldNotContain(number.Valid.Replace("-", "", StringComparison.Ordinal));

        var clientPage = await list.OpenClient(row);
        (await clientPage.PersonalIdentityNumber()).ShouldBe(number.Masked);
        (await clientPage.DoorCode()).ShouldNotContain(client.DoorCode);
        await clientPage.RevealDoorCode();
        (await clientPage.DoorCode()).ShouldBe(client.DoorCode);
        (await clientPage.HistoryActions()).ShouldContain(new ClientPage.HistoryLine("Portkod visad", "Eva Lundqvist"));
    }

    private static NewClient NewClient() => new(
        FirstName: "Gunvor",
        LastName: UniqueLastName(),
        PersonalIdentityNumber: "",
        Phone: "070-174 06 42",
        DoorCode: Random.Shared.Next(1000, 10_000).ToString(System.Globalization.CultureInfo.InvariantCulture) + "B",
        InformedOn: RunClock.Today.AddDays(-3),
        Decision: "Accepterar digitalt lås",
        HasCodeLock: false,
        OpensDoorThemself: false,
        AgreedNoInstall: false,
        Street: "Provgatan 3",
        PostalCode: "123 45",
        City: "Demostad",
        Apartment: "1102");

    /// <summary>A surname no demo client has, so that a name search finds exactly the client registered here.</summary>
    private static string UniqueLastName()
    {
        const string letters = "abdefghijklmnoprstuvy";
        var suffix = string.Concat(Enumerable.Range(0, 6).Select(_ => letters[Random.Shared.Next(letters.Length)]));
        return "Provström" + suffix;
    }
}
