using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using static Nyckelfri.IntegrationTests.Access.DigitalKeysTestData;
using static Nyckelfri.IntegrationTests.Web.KeysTestData;

namespace Nyckelfri.IntegrationTests.Access;

/// <summary>The digital-key and permission pages through real cookie logins and forms, on both databases.</summary>
[Collection(AppCollections.Access)]
public sealed class DigitalKeysPagesTests(AppFixture fixture)
{
    private static async Task<string> Html(PageSession session, string path)
    {
        var response = await session.Client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task KeyPages_AlarmCentre_SeesTheKeysTheirActionsAndTheReceipt(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.AlarmCentreSupport));
        Guid receiptId;
        await using (var db = app.SystemContext())
            receiptId = await db.DigitalKeyReceipts.Where(r => r.DigitalKeyId == app.World.IssuedKey).Select(r => r.Id).FirstAsync();

        (await Html(session, "/Nycklar/Digitala?q=dk-000")).ShouldContain("DK-0001");
        (await Html(session, "/Nycklar/Digitala?status=InStock")).ShouldContain("DK-0002");
        var key = await Html(session, $"/Nycklar/Digitala/{app.World.IssuedKey}");
        key.ShouldContain("<h1 class=\"mb-0\">Digital nyckel DK-0001</h1>");
        key.ShouldContain("Karin Centrum");
        key.ShouldContain("Spärra nyckeln nu");
        key.ShouldContain("?handler=Block");
        key.ShouldContain("Ta emot återlämning");
        var receipt = await Html(session, $"/Nycklar/Digitala/Kvittens/{receiptId}");
        receipt.ShouldContain("Kvittens – digital nyckel");
        receipt.ShouldContain("Underskrift");
        receipt.ShouldContain("Karin Centrum (Hemtjänsten A)");
        (await Html(session, "/Nycklar/Dosor")).ShouldContain("2F-0001");
        (await Html(session, $"/Nycklar/Dosor/{app.World.TwoFactorInStock}")).ShouldContain("Placera i en enhets nyckelskåp");
        (await Html(session, $"/Personal/{app.World.EmployeeCentrum}")).ShouldContain("Digitala nycklar och dosor");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task KeyPage_Auditor_ReadsButIsOfferedNoAction(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Auditor));

        var key = await Html(session, $"/Nycklar/Digitala/{app.World.IssuedKey}");

        key.ShouldContain("DK-0001");
        key.ShouldNotContain("Spärra nyckeln nu");
        key.ShouldNotContain("?handler="); // no action form (the layout's log-out form aside)
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task PermissionPages_ShowWhoMayOpenTheLockAndWhatTheEmployeeMayOpen_WithReasons(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var client = await RegisterClient(await app.ApiAs(Roles.CaseOfficer), "611");
        await AddService(await app.ApiAs(Roles.CaseOfficer), client, "HomeCare", app.World.InternalUnit, app.Clock.Today());
        await MountLock(app, client, "PP-611");
        Guid lockId;
        await using (var db = app.SystemContext()) lockId = await db.Devices.Where(d => d.SerialNumber == "PP-611").Select(d => d.Id).SingleAsync();
        using var support = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.AlarmCentreSupport));
        using var installer = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Installer));

        var device = await Html(support, $"/Utrustning/{lockId}");
        device.ShouldContain("Vem får öppna låset nu, och varför?");
        device.ShouldContain("Karin Centrum");
        device.ShouldContain("Ingrid Nyckeldotter har hemtjänst från Centrum; medarbetaren arbetar på Centrum tills vidare.");
        (await Html(installer, $"/Utrustning/{lockId}")).ShouldNotContain("Vem får öppna låset nu");

        var karin = await Html(support, $"/Personal/{app.World.EmployeeCentrum}/Behorighet");
        karin.ShouldContain("Vad får Karin Centrum öppna nu, och varför?");
        karin.ShouldContain("PP-611");
        karin.ShouldContain("DK-0001 (app i tjänstetelefon)");
        var sara = await Html(support, $"/Personal/{app.World.Substitute}/Behorighet");
        sara.ShouldContain("Får inte öppna något lås i dag.");
        sara.ShouldContain("Vikarien är inte bokad av bemanningsenheten på den enhet som ger insatsen i dag.");
        sara.ShouldContain("Ingen utlämnad digital nyckel");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task PermissionPage_UnitManagerOfAnotherProvider_Gets404(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var manager = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.UnitManager)); // at the external provider

        (await manager.Client.GetAsync($"/Personal/{app.World.EmployeeCentrum}/Behorighet")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.Client.GetAsync($"/Nycklar/Digitala/{app.World.IssuedKey}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Html(manager, $"/Personal/{app.World.EmployeeNorr}/Behorighet")).ShouldContain("Vad får Nils Norr öppna nu");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task BlockForm_Coordinator_BlocksTheirEmployeesKeyAtOnce(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var employee = await Employee(app, "Tappadsson", app.World.ExternalProvider, app.World.ExternalUnit);
        var key = await IssuedKey(app, employee);
        using var coordinator = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Coordinator)); // at the external provider
        var path = $"/Nycklar/Digitala/{key.Id()}";

        var empty = await coordinator.PostFormAsync(path, new() { ["BlockInput.Reason"] = "" }, "Block");
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()).ShouldContain("Anledning måste anges.");
        var response = await coordinator.PostFormAsync(path, new() { ["BlockInput.Reason"] = "Stulen ur bilen" }, "Block");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await Html(coordinator, path);
        page.ShouldContain("Nyckeln är spärrad");
        page.ShouldContain("lämna ut en ny nyckel");
        await using var db = app.SystemContext();
        (await db.DigitalKeys.SingleAsync(k => k.Id == key.Id())).Status.ShouldBe(Nyckelfri.Access.DigitalKeyStatus.Blocked);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task IssueForm_KeyWhereTheDeviceIsKept_ShowsTheSwedishErrorAndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmCentreSupport);
        var employee = await Employee(app, "Formsson", app.World.InternalProvider, app.World.InternalUnit);
        var device = await (await api.PostAsJsonAsync("/api/v1/two-factor-devices", new { serialNumber = Unique("2F") })).ShouldBeCreatedAt("/api/v1/two-factor-devices");
        await (await api.PostAsJsonAsync($"/api/v1/two-factor-devices/{device.Id()}/issue", Issue(device.Version(), employee, "Hallbyrån"))).ShouldBeOk();
        var key = await RegisterKey(api);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.AlarmCentreSupport));
        var fingerprint = await app.FingerprintAsync();

        var response = await session.PostFormAsync($"/Personal/{employee}", new()
        {
            ["IssueInput.KeyId"] = key.Id().ToString(), ["IssueInput.KeptAt"] = "hallbyrån", ["IssueInput.Date"] = Day(app.Clock.Today()),
            ["IssueInput.GiverName"] = "Lena Larmcentral", ["IssueInput.ReceiverName"] = "Test Formsson", ["IssueInput.SignedByReceiver"] = "true",
        }, "Issue");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("data-valmsg-for=\"IssueInput.KeptAt\"");
        html.ShouldContain("Nyckeln får inte förvaras tillsammans med 2-faktorsdosan");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }
}
