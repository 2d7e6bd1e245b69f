using Nyckelfri.BrowserTests.Infrastructure;
using Nyckelfri.BrowserTests.Pages;
using Xunit.Abstractions;

namespace Nyckelfri.BrowserTests;

/// <summary>
/// Opening doors (issue 5) on a phone: a home-care employee opens a client's door from "Mina brukare"
/// (the whole protocol against the client's emulated lock); a substitute without a booking sees neither
/// the client nor its door (issue 13); the unit manager sees the opening in the access log.
/// </summary>
public sealed class DoorTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const int PhoneWidth = 375;

    [BrowserFact]
    public async Task Employee_OpensADoorFromThePhone_UnbookedSubstituteSeesNoDoor_UnitManagerSeesTheOpeningInTheLog()
    {
        await using var phone = await OpenBrowser(Viewport.Phone, "Door-medarbetare");
        var mine = await (await (await LoginPage.Open(phone)).LoginAs("medarbetare")).GoToMyClients();
        (await mine.ClientCount()).ShouldBeGreaterThan(0);
        (await phone.DocumentScrollWidth()).ShouldBeLessThanOrEqualTo(PhoneWidth + 1, "Mina brukare");
        (await mine.ActionNames()).ShouldBeUnique("two clients may share a name; each action must still say whose door");
        var (_, clientPath) = await mine.FirstClientWithLock();

        var result = await mine.Open(clientPath);

        result.ShouldBe("Dörren är upplåst.");
        (await phone.DocumentScrollWidth()).ShouldBeLessThanOrEqualTo(PhoneWidth + 1, "after opening");

        await using var substitutePhone = await OpenBrowser(Viewport.Phone, "Door-vikarie");
        var substituteDay = await (await (await LoginPage.Open(substitutePhone)).LoginAs("vikarie")).GoToMyClients();
        (await substituteDay.NoticeText()).ShouldContain("inte bokad");
        // Least privilege (issue 13): without a booking today she sees no client at all, not even the door page.
        var (_, status) = await NotFoundPage.Open(substitutePhone, clientPath + "/Dorren");
        status.ShouldBe(404);
        (await substitutePhone.DocumentScrollWidth()).ShouldBeLessThanOrEqualTo(PhoneWidth + 1, "not-found page");

        await using var manager = await OpenBrowser(Viewport.Desktop, "Door-enhetschef");
        await (await LoginPage.Open(manager)).LoginAs("enhetschef");
        var log = await AccessLogPage.ForClient(manager, Guid.Parse(clientPath.Split('/')[^1]));
        var rows = await log.Rows();
        Output.WriteLine(string.Join(Environment.NewLine, rows));
        rows.ShouldContain(r => r.StartsWith("Dörren öppnad | Tillåten | Sara Nilsson", StringComparison.Ordinal));
    }
}
