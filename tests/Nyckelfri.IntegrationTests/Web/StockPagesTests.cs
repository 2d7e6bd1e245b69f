using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>The stock pages through real cookie logins and forms, on both databases.</summary>
[Collection(AppCollections.DevicesAndKeys)]
public sealed class StockPagesTests(AppFixture fixture)
{
    private static Dictionary<string, string> DeliveryForm(Guid model, Guid location, string serials) => new()
    {
        ["Input.PurchaseOrderId"] = "", ["Input.DeviceModelId"] = model.ToString(), ["Input.StockLocationId"] = location.ToString(),
        ["Input.Firmware"] = "", ["Input.SerialNumbers"] = serials,
    };

    [DatabaseTheory, DatabaseProviders]
    public async Task DeliveryForm_ScannedSerials_CreatesDevicesAndLinksToEach(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (model, location) = await StockTestData.ModelAndLocation(await app.ApiAs(Roles.SystemAdministrator), "Sida");
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Installer));

        var response = await session.PostFormAsync("/Lager/Leverans", DeliveryForm(model, location, "sida-1\r\nSIDA-2\tK-SIDA-2\r\n"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("2 st Sida modell mottagna i Sida lager");
        await using var db = app.SystemContext();
        var devices = await db.Devices.Where(d => d.DeviceModelId == model).OrderBy(d => d.SerialNumber).ToListAsync();
        devices.Select(d => d.SerialNumber).ShouldBe(["SIDA-1", "SIDA-2"]);
        foreach (var device in devices) html.ShouldContain($"<a href=\"/Utrustning/{device.Id}\">{device.SerialNumber}</a>");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task DeliveryForm_DuplicateAndMalformedSerials_ShowsEveryProblemAndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (model, location) = await StockTestData.ModelAndLocation(await app.ApiAs(Roles.SystemAdministrator), "Sidfel");
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Installer));
        var fingerprint = await app.FingerprintAsync();

        var response = await session.PostFormAsync("/Lager/Leverans", DeliveryForm(model, location, "SIDF-1\r\nSIDF-1\r\nSIDF_3\r\n"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Serienumret SIDF-1 står på flera rader i leveransen (rad 1 och 2).");
        html.ShouldContain("Rad 3: serienumret \"SIDF_3\" är ogiltigt.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ClientPage_ReturnFormOfAStoredPart_ReturnsItAndComesBack(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Installer));
        var client = app.World.InternalClient;
        var part = app.World.StoredLockPart;
        var page = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Brukare/{client}"));
        page.ShouldContain("Ordinarie låsdelar");
        page.ShouldContain($"action=\"/Lager/Originaldelar/{part}?handler=Return\"");

        var response = await session.PostFormAsync($"/Lager/Originaldelar/{part}", new()
        {
            ["Return.Version"] = "0", ["Return.ReturnedOn"] = app.Clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Return.Note"] = "Tillbaka på dörren", ["returnUrl"] = $"/Brukare/{client}",
        }, handler: "Return");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/Brukare/{client}");
        await using var db = app.SystemContext();
        (await db.OriginalLockParts.SingleAsync(p => p.Id == part)).ReturnNote.ShouldBe("Tillbaka på dörren");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task StockPages_ForAnAdministrator_AllRender(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.SystemAdministrator));
        var w = app.World;
        string[] paths =
        [
            "/Lager", "/Lager/Modeller", "/Lager/Modeller/Ny", $"/Lager/Modeller/{w.EntranceUnitModel}/Andra", "/Lager/Platser",
            "/Lager/Platser/Ny", $"/Lager/Platser/{w.AlarmCentreStore}/Andra", "/Lager/Bestallningsniva",
            $"/Lager/Bestallningsniva?locationId={w.AlarmCentreStore}&modelId={w.EntranceUnitModel}", "/Lager/Bestallningar",
            "/Lager/Bestallningar?status=Open", "/Lager/Bestallningar/Ny", $"/Lager/Bestallningar/{w.OpenPurchaseOrder}",
            "/Lager/Leverans", $"/Lager/Leverans?orderId={w.OpenPurchaseOrder}", "/Lager/Originaldelar", "/Lager/Originaldelar?visa=alla",
            $"/Lager/Originaldelar/{w.StoredLockPart}", $"/Brukare/{w.InternalClient}/Originaldelar/Ny",
        ];

        foreach (var path in paths)
        {
            using var response = await session.Client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
    }
}
