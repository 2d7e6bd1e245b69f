using System.Net;
using System.Net.Http.Json;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>The device pages and the install form through real cookie logins, on both databases.</summary>
public sealed class DevicePagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [DatabaseTheory, DatabaseProviders]
    public async Task InstallForm_TypedSerial_InstallsAndTheClientPageShowsTheLock(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Installer));
        var id = await app.NewDevice();
        var serial = (await app.DeviceRow(id)).SerialNumber;
        var household = await app.HouseholdOf(app.World.InternalClient);
        var keyNumber = DeviceArrange.Unique("K");

        var response = await session.PostFormAsync($"/Hushall/{household}/Installera", new()
        {
            ["Input.SerialNumber"] = " " + serial.ToLowerInvariant(), ["Input.KeyNumber"] = keyNumber,
            ["Input.InstalledOn"] = app.Clock.Today().ToString("yyyy-MM-dd"),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/Hushall/{household}");
        var device = await app.DeviceRow(id);
        (device.Status, device.HouseholdId, device.KeyNumber).ShouldBe((DeviceStatus.Installed, household, keyNumber));
        var clientPage = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Brukare/{app.World.InternalClient}"));
        clientPage.ShouldContain($"href=\"/Utrustning/{id}\"");
        clientPage.ShouldContain(keyNumber);
        clientPage.ShouldContain("Installerad");
        clientPage.ShouldContain($"href=\"/Hushall/{household}/Installera\"");

        // The device's history names the household by its address and the model by its name, not by ids.
        var devicePage = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Utrustning/{id}"));
        var history = devicePage[devicePage.IndexOf("id=\"history-heading\"", StringComparison.Ordinal)..];
        history.ShouldContain("Hushåll: – → Storgatan 1");
        history.ShouldNotContain(household.ToString());
        history.ShouldNotContain(device.DeviceModelId.ToString());
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task InstallForm_RegistersTheLocksOwnKey_RefusesOneOffTheCurveInSwedish_AndTheLockPageShowsIt(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Installer));
        var id = await app.NewDevice();
        var household = await app.NewHousehold();
        var offCurve = new byte[65];
        offCurve[0] = 0x04;
        offCurve[64] = 7;
        using var lockKey = Nyckelfri.LockProtocol.P256.CreateKey();
        var publicKey = Nyckelfri.LockProtocol.P256.ExportPublicKey(lockKey);
        Dictionary<string, string> Form(string key) => new()
        {
            ["Input.DeviceId"] = id.ToString(), ["Input.KeyNumber"] = DeviceArrange.Unique("K"), ["Input.LockPublicKey"] = key,
        };

        var wrongLength = await session.PostFormAsync($"/Hushall/{household}/Installera", Form("AAAA"));
        var notAPoint = await session.PostFormAsync($"/Hushall/{household}/Installera", Form(Convert.ToBase64String(offCurve)));

        WebUtility.HtmlDecode(await wrongLength.Content.ReadAsStringAsync()).ShouldContain("Låsets publika nyckel ska vara 65 byte i base64");
        WebUtility.HtmlDecode(await notAPoint.Content.ReadAsStringAsync()).ShouldContain("Låsets publika nyckel är ingen punkt på kurvan P-256.");
        (await app.DeviceRow(id)).Status.ShouldBe(DeviceStatus.InStock);

        var mounted = await session.PostFormAsync($"/Hushall/{household}/Installera", Form(Convert.ToBase64String(publicKey)));

        mounted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var device = await app.DeviceRow(id);
        device.Status.ShouldBe(DeviceStatus.Installed);
        device.LockPublicKey.ShouldBe(publicKey);
        var devicePage = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Utrustning/{id}"));
        devicePage.ShouldContain("Låsets publika nyckel är registrerad (fingeravtryck");
        devicePage.ShouldContain($">{Nyckelfri.Access.GetLockUploads.Fingerprint(publicKey)}</span>");
        devicePage.ShouldContain("Inga händelser från låset ännu.");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task InstallForm_UnknownSerialOrNothingChosen_ShowsSwedishErrorsAndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Installer));
        var household = await app.NewHousehold();
        var fingerprint = await app.FingerprintAsync();

        var unknown = await session.PostFormAsync($"/Hushall/{household}/Installera", new() { ["Input.SerialNumber"] = "XX-404" });
        var nothing = await session.PostFormAsync($"/Hushall/{household}/Installera", new() { ["Input.KeyNumber"] = "K-1" }, handler: "Reserve");

        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()).ShouldContain("Det finns ingen enhet med serienumret XX-404.");
        nothing.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await nothing.Content.ReadAsStringAsync()).ShouldContain("Välj en enhet i listan eller skriv dess serienummer.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task InstallForm_SecondLock_ShowsTheRuleAndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Installer));
        var household = await app.NewHousehold();
        var (first, second) = (await app.NewDevice(keyNumber: DeviceArrange.Unique("K")), await app.NewDevice(keyNumber: DeviceArrange.Unique("K")));
        (await session.PostFormAsync($"/Hushall/{household}/Installera", new() { ["Input.DeviceId"] = first.ToString() }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var fingerprint = await app.FingerprintAsync();

        var response = await session.PostFormAsync($"/Hushall/{household}/Installera", new() { ["Input.DeviceId"] = second.ToString() });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("Hushållet har redan en monterad låsenhet");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task DetailsPage_OffersOnlyTheActionsTheStatusAllows_AndOnlyToWriters(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var installer = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Installer));
        using var auditor = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Auditor));
        var inStock = await app.NewDevice();
        var mounted = await app.NewDevice();
        var api = await app.ApiAs(Roles.Installer);
        (await api.PostAsJsonAsync($"/api/v1/devices/{mounted}/install",
            new { version = 0, householdId = await app.NewHousehold(), keyNumber = DeviceArrange.Unique("K") })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stockPage = await installer.Client.GetStringAsync($"/Utrustning/{inStock}");
        var mountedPage = await installer.Client.GetStringAsync($"/Utrustning/{mounted}");
        var readOnly = await auditor.Client.GetStringAsync($"/Utrustning/{mounted}");

        stockPage.ShouldContain("handler=ReportFault");
        stockPage.ShouldContain("handler=Scrap");
        stockPage.ShouldNotContain("handler=Uninstall");
        mountedPage.ShouldContain("handler=Uninstall");
        mountedPage.ShouldContain("handler=ReportFault");
        mountedPage.ShouldNotContain("handler=Scrap");
        readOnly.ShouldNotContain("handler=");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task DetailsPage_ReportFaultWithoutDescription_ShowsTheErrorInThatFormAndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Installer));
        var id = await app.NewDevice();
        var fingerprint = await app.FingerprintAsync();

        var refused = await session.PostFormAsync($"/Utrustning/{id}", new() { ["Input.Version"] = "0", ["Input.Description"] = "" }, handler: "ReportFault");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.ShouldContain("id=\"reportfault-description-error\" class=\"text-danger\">Felbeskrivning måste anges.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);

        var reported = await session.PostFormAsync($"/Utrustning/{id}", new() { ["Input.Version"] = "0", ["Input.Description"] = "Batteriluckan lossnar" }, handler: "ReportFault");

        reported.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var device = await app.DeviceRow(id);
        (device.Status, device.FaultDescription).ShouldBe((DeviceStatus.Faulty, "Batteriluckan lossnar"));
        var page = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Utrustning/{id}"));
        page.ShouldContain("Felet är anmält.");
        page.ShouldContain(DeviceHistory.FaultReported);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ListPage_FindsADeviceByPartOfItsKeyNumberInAnyCase(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.Locksmith));
        var keyNumber = DeviceArrange.Unique("K");
        var id = await app.NewDevice(keyNumber: keyNumber);

        var html = await session.Client.GetStringAsync($"/Utrustning?q={keyNumber[2..].ToLowerInvariant()}&kind=LockUnit&status=InStock");

        html.ShouldContain($"href=\"/Utrustning/{id}\"");
        html.ShouldContain("1 träffar");
    }
}
