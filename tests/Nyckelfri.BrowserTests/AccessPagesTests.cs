using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.BrowserTests.Infrastructure;
using Nyckelfri.BrowserTests.Pages;
using Nyckelfri.Devices;
using Xunit.Abstractions;

namespace Nyckelfri.BrowserTests;

/// <summary>
/// The digital-access pages as their users reach them, each checked by axe: keys and devices (alarm
/// centre), permissions (who may open a lock, what an employee may open), the break-glass review,
/// visits and the lock's revocation-list lag (unit manager, system administrator).
/// </summary>
public sealed class AccessPagesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [BrowserFact]
    public async Task AccessPages_RenderForTheirRoles_WithoutAccessibilityViolations()
    {
        var ids = await Fixture.Query(async db => new
        {
            Key = await db.DigitalKeys.Where(k => k.Status == DigitalKeyStatus.Blocked).Select(k => k.Id).FirstAsync(),
            Device = await db.TwoFactorDevices.Select(d => d.Id).FirstAsync(),
            Employee = await db.DigitalKeys.Where(k => k.Status == DigitalKeyStatus.Blocked).Select(k => k.EmployeeId!.Value).FirstAsync(),
            Lock = await db.BreakGlasses.Select(g => g.LockId).FirstAsync(),
            Client = await db.BreakGlasses.Select(g => g.ClientId!.Value).FirstAsync(),
        });

        await using var support = await OpenBrowser(test: "Access-larmcentral");
        await (await LoginPage.Open(support)).LoginAs("larmcentral-support");
        var keys = await AccessAreaPage.Open(support, "/Nycklar/Digitala", "digitala-nycklar");
        (await keys.VisibleText()).ShouldContain("Spärrad");
        (await (await AccessAreaPage.Open(support, $"/Nycklar/Digitala/{ids.Key}", "digital-nyckel")).VisibleText()).ShouldContain("lämna ut en ny nyckel");
        await AccessAreaPage.Open(support, "/Nycklar/Dosor", "dosor");
        await AccessAreaPage.Open(support, $"/Nycklar/Dosor/{ids.Device}", "dosa");

        await using var manager = await OpenBrowser(Viewport.Phone, "Access-enhetschef");
        await (await LoginPage.Open(manager)).LoginAs("enhetschef");
        var review = await AccessAreaPage.Open(manager, "/Nodoppningar", "nodoppningar");
        (await review.VisibleText()).ShouldContain("Trygghetslarm utan svar");
        var permissions = await AccessAreaPage.Open(manager, $"/Personal/{ids.Employee}/Behorighet", "behorighet");
        (await permissions.VisibleText()).ShouldContain("Omsorgshuset Centrum");
        await AccessAreaPage.Open(manager, $"/Brukare/{ids.Client}/Besok", "besok-brukare");
        await AccessAreaPage.Open(manager, "/Besok", "besok");

        await using var admin = await OpenBrowser(test: "Access-systemforvaltare");
        await (await LoginPage.Open(admin)).LoginAs("systemforvaltare");
        var lockPage = await AccessAreaPage.Open(admin, $"/Utrustning/{ids.Lock}", "las");
        var text = await lockPage.VisibleText();
        text.ShouldContain("Spärrlista och låshändelser");
        text.ShouldContain("Vem får öppna låset nu");
        await AccessAreaPage.Open(admin, "/Logg", "logg");
    }
}
