using Nyckelfri.BrowserTests.Infrastructure;
using Nyckelfri.BrowserTests.Pages;
using Xunit.Abstractions;

namespace Nyckelfri.BrowserTests;

/// <summary>
/// Opening doors (issue 5) on a phone: a home-care employee opens a client's door from "Mina brukare"
/// (the whole protocol against the client's emulated lock); a substitute without a booking is refused
/// with the reason; the unit manager sees both in the access log.
/// </summary>
public sealed class DoorTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const int PhoneWidth = 375;

    [BrowserFact]
    public async Task Employee_OpensADoorFromThePhone_SubstituteIsRefused_UnitManagerSeesBothInTheLog()
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
        var door = await DoorPage.Open(substitutePhone, clientPath);
        var refusal = await door.PressOpen();
        refusal.ShouldBe("Nekad: Vikarien är inte bokad av bemanningsenheten på den enhet som ger insatsen i dag.");
        (await substitutePhone.DocumentScrollWidth()).ShouldBeLessThanOrEqualTo(PhoneWidth + 1, "door page");

        await using var manager = await OpenBrowser(Viewport.Desktop, "Door-enhetschef");
        await (await LoginPage.Open(manager)).LoginAs("enhetschef");
        var log = await AccessLogPage.ForClient(manager, Guid.Parse(clientPath.Split('/')[^1]));
        var rows = await log.Rows();
        Output.WriteLine(string.Join(Environment.NewLine, rows));
        rows.ShouldContain(r => r.StartsWith("Dörren öppnad | Tillåten | Sara Nilsson", StringComparison.Ordinal));
        rows.ShouldContain(r => r.StartsWith("Behörighet nekad | Nekad | Jonna Lind", StringComparison.Ordinal)
                                && r.Contains("inte bokad av bemanningsenheten", StringComparison.Ordinal));
    }
}
