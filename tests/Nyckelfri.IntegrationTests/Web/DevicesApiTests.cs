using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>The device register and its transitions through the API, with real logins, on SQLite and PostgreSQL.</summary>
[Collection(AppCollections.DevicesAndKeys)]
public sealed class DevicesApiTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task ReserveThenInstall_ShowsTheDeviceAtTheHouseholdWithTheTransitionsInItsHistory(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.Installer);
        var id = await app.NewDevice();
        var household = await app.NewHousehold();
        var device = await api.GetFromJsonAsync<JsonElement>($"/api/v1/devices/{id}");
        var keyNumber = DeviceArrange.Unique("K");

        var reserved = await (await api.PostAsJsonAsync($"/api/v1/devices/{id}/reserve", new { version = device.Version(), householdId = household }))
            .ShouldBeOk();
        var installed = await (await api.PostAsJsonAsync($"/api/v1/devices/{id}/install",
            new { version = reserved.Version(), householdId = household, keyNumber = keyNumber.ToLowerInvariant() })).ShouldBeOk();

        reserved.Text("status").ShouldBe("Reserved");
        installed.Text("status").ShouldBe("Installed");
        installed.Text("keyNumber").ShouldBe(keyNumber);
        installed.Text("installedOn").ShouldBe(app.Clock.Today().ToString("yyyy-MM-dd"));
        installed.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Uninstall", "ReportFault"]);
        var now = await api.GetFromJsonAsync<JsonElement>($"/api/v1/devices/{id}");
        now.GetProperty("household").Id().ShouldBe(household);
        now.Text("location")!.ShouldStartWith("Storgatan 1, lgh ");
        var serial = now.Text("serialNumber")!;
        (await api.IdsOf($"/api/v1/devices?search={serial[3..].ToLowerInvariant()}&status=Installed")).ShouldBe([id]);
        var history = await api.HistoryOf($"/api/v1/devices/{id}/history");
        history.Select(h => h.Action).Where(a => a is DeviceHistory.Reserved or DeviceHistory.Installed)
            .ShouldBe([DeviceHistory.Reserved, DeviceHistory.Installed]);
        history.ShouldContain(h => h.Changes.Any(c => c.Field == "Status" && c.Before == "Reserved" && c.After == "Installed"));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task TwoPeopleInstallTheSameLockUnitAtOnce_ExactlyOneSucceeds(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var id = await app.NewDevice();
        var (first, second) = (await app.NewHousehold(), await app.NewHousehold());
        var version = (await app.DeviceRow(id)).Version;
        var installer = await app.ApiAs(Roles.Installer);
        var locksmith = await app.ApiAs(Roles.Locksmith);

        var responses = await Task.WhenAll(
            installer.PostAsJsonAsync($"/api/v1/devices/{id}/install", new { version, householdId = first, keyNumber = DeviceArrange.Unique("K") }),
            locksmith.PostAsJsonAsync($"/api/v1/devices/{id}/install", new { version, householdId = second, keyNumber = DeviceArrange.Unique("K") }));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        loser.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var device = await app.DeviceRow(id);
        device.Status.ShouldBe(DeviceStatus.Installed);
        device.HouseholdId.ShouldBeOneOf(first, second);
        await using var db = app.SystemContext();
        (await db.AuditEntries.CountAsync(a => a.EntityId == id && a.Action == DeviceHistory.Installed)).ShouldBe(1);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task TwoLockUnitsInstalledAtOneHouseholdAtOnce_ExactlyOneSucceeds(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (a, b) = (await app.NewDevice(), await app.NewDevice());
        var household = await app.NewHousehold();
        var installer = await app.ApiAs(Roles.Installer);
        var locksmith = await app.ApiAs(Roles.Locksmith);

        var responses = await Task.WhenAll(
            installer.PostAsJsonAsync($"/api/v1/devices/{a}/install", new { version = 0, householdId = household, keyNumber = DeviceArrange.Unique("K") }),
            locksmith.PostAsJsonAsync($"/api/v1/devices/{b}/install", new { version = 0, householdId = household, keyNumber = DeviceArrange.Unique("K") }));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        await using var db = app.SystemContext();
        (await db.Devices.CountAsync(d => d.HouseholdId == household && d.Status == DeviceStatus.Installed)).ShouldBe(1);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task MountedLockUnitIndex_RefusesASecondLockThatSlippedPastTheCheck_AsADuplicate(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (a, b) = (await app.NewDevice(), await app.NewDevice());
        var household = await app.NewHousehold();
        var api = await app.ApiAs(Roles.Installer);
        (await api.PostAsJsonAsync($"/api/v1/devices/{a}/install", new { version = 0, householdId = household, keyNumber = DeviceArrange.Unique("K") }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        // As if a second installer's check ran before the first save: the domain is told no lock is mounted.
        await using var db = app.SystemContext();
        var second = await db.Devices.SingleAsync(d => d.Id == b);
        second.Install(await db.Households.SingleAsync(h => h.Id == household), mountedLock: null, app.Clock.Today(), DeviceArrange.Unique("K"));
        var refused = await Should.ThrowAsync<RuleViolationException>(() => db.SaveChangesAsync());

        refused.Code.ShouldBe("duplicate");
        (await app.DeviceRow(b)).Status.ShouldBe(DeviceStatus.InStock);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task SecondLockForAHousehold_Returns409WithTheSwedishRuleAndLeavesTheDeviceInStock(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (a, b) = (await app.NewDevice(), await app.NewDevice(keyNumber: DeviceArrange.Unique("K")));
        var household = await app.NewHousehold();
        var api = await app.ApiAs(Roles.Installer);
        (await api.PostAsJsonAsync($"/api/v1/devices/{a}/install", new { version = 0, householdId = household, keyNumber = DeviceArrange.Unique("K") }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/devices/{b}/install", new { version = 0, householdId = household });

        var problem = await Problem(response, HttpStatusCode.Conflict);
        problem.Text("detail")!.ShouldContain("Hushållet har redan en monterad låsenhet");
        problem.Text("type")!.ShouldEndWith("/household-has-lock");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task EntranceUnitAtAHousehold_AndLockUnitAtAnEntrance_AreRefused(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var entranceUnit = await app.NewDevice(DeviceKind.EntranceUnit, DeviceArrange.Unique("K"));
        var lockUnit = await app.NewDevice(keyNumber: DeviceArrange.Unique("K"));
        var (household, entrance) = (await app.NewHousehold(), await app.NewEntrance());
        var api = await app.ApiAs(Roles.Installer);
        var fingerprint = await app.FingerprintAsync();

        var atHousehold = await api.PostAsJsonAsync($"/api/v1/devices/{entranceUnit}/install", new { version = 0, householdId = household });
        var atEntrance = await api.PostAsJsonAsync($"/api/v1/devices/{lockUnit}/install", new { version = 0, entranceId = entrance });
        var reservedAtEntrance = await api.PostAsJsonAsync($"/api/v1/devices/{lockUnit}/reserve", new { version = 0, entranceId = entrance });

        (await Problem(atHousehold, HttpStatusCode.Conflict)).Text("detail").ShouldBe("En portenhet monteras på en port, inte i ett hushåll.");
        (await Problem(atEntrance, HttpStatusCode.Conflict)).Text("detail").ShouldBe("En låsenhet monteras i ett hushåll, inte på en port.");
        await Problem(reservedAtEntrance, HttpStatusCode.Conflict);
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ScrapAnInstalledDevice_Returns409AndChangesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var id = await app.NewDevice();
        var api = await app.ApiAs(Roles.Installer);
        var installed = await (await api.PostAsJsonAsync($"/api/v1/devices/{id}/install",
            new { version = 0, householdId = await app.NewHousehold(), keyNumber = DeviceArrange.Unique("K") })).ShouldBeOk();
        var fingerprint = await app.FingerprintAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/devices/{id}/scrap", new { version = installed.Version(), reason = "Trasig" });

        var problem = await Problem(response, HttpStatusCode.Conflict);
        problem.Text("type")!.ShouldEndWith("/device-illegal-transition");
        problem.Text("detail")!.ShouldContain("kan inte skrotas");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task FaultRepairReturnAndScrap_MoveTheDeviceThroughItsLife(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var id = await app.NewDevice();
        var household = await app.NewHousehold();
        var api = await app.ApiAs(Roles.Installer);
        var device = await (await api.PostAsJsonAsync($"/api/v1/devices/{id}/install",
            new { version = 0, householdId = household, keyNumber = DeviceArrange.Unique("K") })).ShouldBeOk();

        await (await api.PostAsJsonAsync($"/api/v1/devices/{id}/report-fault", new { version = device.Version(), description = " " }))
            .ShouldBeFieldError("description", "Felbeskrivning måste anges.");
        device = await (await api.PostAsJsonAsync($"/api/v1/devices/{id}/report-fault", new { version = device.Version(), description = "Låser inte" })).ShouldBeOk();
        device.Text("status").ShouldBe("Faulty");
        device.GetProperty("household").Id().ShouldBe(household);
        device = await (await api.PostAsJsonAsync($"/api/v1/devices/{id}/send-for-repair", new { version = device.Version() })).ShouldBeOk();
        device.Text("status").ShouldBe("InRepair");
        device.GetProperty("household").ValueKind.ShouldBe(JsonValueKind.Null);
        device = await (await api.PostAsJsonAsync($"/api/v1/devices/{id}/return-from-repair",
            new { version = device.Version(), stockLocationId = app.World.StockLocationA })).ShouldBeOk();
        device.Text("status").ShouldBe("InStock");
        device.Text("stockLocationName").ShouldBe("Vaktmästeriet");
        device = await (await api.PostAsJsonAsync($"/api/v1/devices/{id}/scrap", new { version = device.Version(), reason = "Uttjänt" })).ShouldBeOk();
        device.Text("status").ShouldBe("Scrapped");
        device.GetProperty("allowedActions").GetArrayLength().ShouldBe(0);

        var history = await api.HistoryOf($"/api/v1/devices/{id}/history");
        history.Select(h => h.Action).Where(a => a != Nyckelfri.History.AuditActions.Updated && a != Nyckelfri.History.AuditActions.Created).ShouldBe(
            [DeviceHistory.Installed, DeviceHistory.FaultReported, DeviceHistory.SentForRepair, DeviceHistory.ReturnedFromRepair, DeviceHistory.Scrapped]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Edit_TakenKeyNumber_Returns400AndAStaleVersion409(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var taken = DeviceArrange.Unique("K");
        await app.NewDevice(keyNumber: taken);
        var id = await app.NewDevice();
        var api = await app.ApiAs(Roles.Installer);

        var duplicate = await api.PutAsJsonAsync($"/api/v1/devices/{id}", new { version = 0, keyNumber = taken.ToLowerInvariant(), firmware = "2.0" });
        var edited = await (await api.PutAsJsonAsync($"/api/v1/devices/{id}", new { version = 0, firmware = "2.1", note = "Hyllan längst in" })).ShouldBeOk();
        var stale = await api.PutAsJsonAsync($"/api/v1/devices/{id}", new { version = 0, firmware = "2.2" });

        await duplicate.ShouldBeFieldError("keyNumber", $"Nyckelnumret {taken} används redan av en annan enhet i kommunen.");
        edited.Text("firmware").ShouldBe("2.1");
        await stale.ShouldBeStaleVersionConflict();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task UnknownDevice_Returns404(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.Installer);
        var unknown = Guid.NewGuid();

        (await api.GetAsync($"/api/v1/devices/{unknown}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/devices/{unknown}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await Problem(await api.PostAsJsonAsync($"/api/v1/devices/{unknown}/install", new { version = 0, householdId = await app.NewHousehold() }),
            HttpStatusCode.NotFound);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ProviderUser_SeesTheDeviceAtItsOwnClientsHomeOnly(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var installer = await app.ApiAs(Roles.Installer);
        var (own, others) = (await app.NewDevice(), await app.NewDevice());
        var onShelf = app.World.InStockLockUnits[1];
        foreach (var (device, client) in new[] { (own, app.World.ExternalClient), (others, app.World.InternalClient) })
            (await installer.PostAsJsonAsync($"/api/v1/devices/{device}/install",
                new { version = 0, householdId = await app.HouseholdOf(client), keyNumber = DeviceArrange.Unique("K") })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var coordinator = await app.ApiAs(Roles.Coordinator);

        var seen = await (await coordinator.GetAsync($"/api/v1/devices/{own}")).ShouldBeOk();
        var list = await coordinator.IdsOf("/api/v1/devices?pageSize=200");

        seen.GetProperty("household").GetProperty("clients").EnumerateArray().Select(c => c.Id()).ShouldBe([app.World.ExternalClient]);
        (await coordinator.GetAsync($"/api/v1/devices/{others}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/api/v1/devices/{onShelf}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/api/v1/devices/{others}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        list.ShouldContain(own);
        list.ShouldNotContain(others);
        list.ShouldNotContain(onShelf);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
