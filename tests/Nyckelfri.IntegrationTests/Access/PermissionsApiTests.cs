using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using static Nyckelfri.IntegrationTests.Access.DigitalKeysTestData;
using static Nyckelfri.IntegrationTests.Web.KeysTestData;

namespace Nyckelfri.IntegrationTests.Access;

/// <summary>
/// "What may this employee open now" and "who may open this lock now" through the API: a substitute
/// booking opens the lock for the booked days, a restriction closes it, a withdrawal reopens it; on
/// SQLite and PostgreSQL, with real logins.
/// </summary>
[Collection(AppCollections.Access)]
public sealed class PermissionsApiTests(AppFixture fixture)
{
    private static int _home = 500;

    /// <summary>A new client with home care from the external unit (Norr) and a lock mounted at their home.</summary>
    private static async Task<(Guid Client, Guid Lock, string Serial)> ClientWithLock(NyckelfriApp app)
    {
        var serial = Interlocked.Increment(ref _home).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var client = await RegisterClient(await app.ApiAs(Roles.CaseOfficer), serial);
        await AddService(await app.ApiAs(Roles.CaseOfficer), client, "HomeCare", app.World.ExternalUnit, app.Clock.Today());
        var lockSerial = "PL-" + serial;
        await MountLock(app, client, lockSerial);
        await using var db = app.SystemContext();
        var lockId = await db.Devices.Where(d => d.SerialNumber == lockSerial).Select(d => d.Id).SingleAsync();
        return (client, lockId, lockSerial);
    }

    private static object Grant(NyckelfriApp app, string kind, Guid unitId, int fromOffset = 0, int toOffset = 2) => new
    {
        kind, unitId, fromDate = Day(app.Clock.Today().AddDays(fromOffset)), toDate = Day(app.Clock.Today().AddDays(toOffset)), reason = "Sjukfrånvaro",
    };

    private static List<JsonElement> Locks(JsonElement permissions) => permissions.GetProperty("locks").EnumerateArray().ToList();

    [DatabaseTheory, DatabaseProviders]
    public async Task SubstituteBooking_ListsTheLockForTheBookedDays_WithTheReason(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (_, lockId, serial) = await ClientWithLock(app);
        var substitute = await Employee(app, "Bokadsson", app.World.InternalProvider, null, "Hourly");
        var staffing = await app.ApiAs(Roles.StaffingUnit);
        var url = $"/api/v1/employees/{substitute}/permissions";

        var before = await staffing.GetFromJsonAsync<JsonElement>(url);
        before.Text("denial").ShouldBe("SubstituteNotBooked");
        before.Text("explanation").ShouldBe("Vikarien är inte bokad av bemanningsenheten på den enhet som ger insatsen i dag.");
        before.Text("keyStatus").ShouldBe("Ingen utlämnad digital nyckel");
        Locks(before).ShouldBeEmpty();

        var grant = await (await staffing.PostAsJsonAsync($"/api/v1/employees/{substitute}/access-grants", Grant(app, "SubstituteBooking", app.World.ExternalUnit)))
            .ShouldBeCreatedAt("/api/v1/access-grants");
        grant.Text("kind").ShouldBe("SubstituteBooking");
        grant.GetProperty("activeToday").GetBoolean().ShouldBeTrue();

        var after = await staffing.GetFromJsonAsync<JsonElement>(url);
        after.GetProperty("denial").ValueKind.ShouldBe(JsonValueKind.Null);
        // Other tests' locks served by Norr are listed too: this test looks at its own.
        var theLock = Locks(after).Single(l => l.GetProperty("lockId").GetGuid() == lockId);
        theLock.Text("serialNumber").ShouldBe(serial);
        var path = theLock.GetProperty("paths").EnumerateArray().ShouldHaveSingleItem();
        path.Text("via").ShouldBe("Vikariebokning");
        path.Text("explanation").ShouldBe($"Ingrid Nyckeldotter har hemtjänst från Norr; medarbetaren är vikariebokad på Norr av bemanningsenheten t.o.m. {Day(app.Clock.Today().AddDays(2))}.");
        theLock.Text("lastDay").ShouldBe(Day(app.Clock.Today().AddDays(2)));

        var who = await staffing.GetFromJsonAsync<JsonElement>($"/api/v1/locks/{lockId}/permissions");
        who.GetProperty("may").EnumerateArray().ShouldContain(a => a.GetProperty("employeeId").GetGuid() == substitute);

        var withdrawn = await staffing.PostAsJsonAsync($"/api/v1/access-grants/{grant.Id()}/withdraw", new { reason = "Bokningen avbokad" });
        var ended = await withdrawn.ShouldBeOk();
        ended.Text("withdrawnBy").ShouldBe("Test " + Roles.StaffingUnit);
        ended.GetProperty("activeToday").GetBoolean().ShouldBeFalse();
        (await staffing.GetFromJsonAsync<JsonElement>($"/api/v1/employees/{substitute}/access-grants")).GetArrayLength().ShouldBe(0);
        (await staffing.GetFromJsonAsync<JsonElement>(url)).Text("denial").ShouldBe("SubstituteNotBooked");
        var history = await (await app.ApiAs(Roles.SystemAdministrator)).HistoryOf($"/api/v1/employees/{substitute}/history");
        history.ShouldContain(h => h.Action == "Tillfällig behörighet återkallad");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task RestrictedUnit_TheLockIsNotListed_AndTheLockPageGivesTheReason(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var (_, lockId, _) = await ClientWithLock(app);
        var employee = await Employee(app, "Begränsadsson", app.World.ExternalProvider, app.World.ExternalUnit);
        var manager = await app.ApiAs(Roles.UnitManager); // at the external provider: the employee is theirs
        var url = $"/api/v1/employees/{employee}/permissions";
        Locks(await manager.GetFromJsonAsync<JsonElement>(url)).ShouldContain(l => l.GetProperty("lockId").GetGuid() == lockId);

        await (await manager.PostAsJsonAsync($"/api/v1/employees/{employee}/access-grants", Grant(app, "RestrictUnit", app.World.ExternalUnit)))
            .ShouldBeCreatedAt("/api/v1/access-grants");

        var after = await manager.GetFromJsonAsync<JsonElement>(url);
        Locks(after).ShouldBeEmpty(); // their only unit is restricted: nothing at all
        after.Text("denial").ShouldBe("UnitRestricted");
        var who = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/locks/{lockId}/permissions");
        who.GetProperty("may").EnumerateArray().ShouldNotContain(a => a.GetProperty("employeeId").GetGuid() == employee);
        var refused = who.GetProperty("mayNot").EnumerateArray().Single(r => r.GetProperty("employeeId").GetGuid() == employee);
        refused.Text("denial").ShouldBe("UnitRestricted");
        refused.Text("reason")!.ShouldContain("begränsat");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Grants_WrongRoleOrBadDates_AreRefusedAndSaveNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var substitute = await Employee(app, "Felsson", app.World.ExternalProvider, null, "Hourly");
        var permanent = await Employee(app, "Fastsson", app.World.ExternalProvider, app.World.ExternalUnit);
        var manager = await app.ApiAs(Roles.UnitManager);
        var staffing = await app.ApiAs(Roles.StaffingUnit);
        var fingerprint = await app.FingerprintAsync();

        var managerBooks = await manager.PostAsJsonAsync($"/api/v1/employees/{substitute}/access-grants", Grant(app, "SubstituteBooking", app.World.ExternalUnit));
        var staffingRestricts = await staffing.PostAsJsonAsync($"/api/v1/employees/{permanent}/access-grants", Grant(app, "RestrictUnit", app.World.ExternalUnit));
        var staffingBooksPermanent = await staffing.PostAsJsonAsync($"/api/v1/employees/{permanent}/access-grants", Grant(app, "SubstituteBooking", app.World.InternalUnit));
        var backwards = await staffing.PostAsJsonAsync($"/api/v1/employees/{substitute}/access-grants", Grant(app, "SubstituteBooking", app.World.ExternalUnit, 3, 1));
        var past = await staffing.PostAsJsonAsync($"/api/v1/employees/{substitute}/access-grants", Grant(app, "SubstituteBooking", app.World.ExternalUnit, -5, -1));
        var restrictForeign = await manager.PostAsJsonAsync($"/api/v1/employees/{permanent}/access-grants", Grant(app, "RestrictUnit", app.World.InternalUnit));

        managerBooks.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        staffingRestricts.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        staffingBooksPermanent.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await backwards.ShouldBeFieldError("toDate", "Slutdatum kan inte ligga före startdatum.");
        await past.ShouldBeFieldError("toDate", "Perioden har redan passerat.");
        await restrictForeign.ShouldBeFieldError("unitId", "Bara en av medarbetarens egna enheter kan begränsas.");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task LockPermissions_NotAMountedLock_Returns404(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmCentreSupport);

        (await api.GetAsync($"/api/v1/locks/{app.World.InStockLockUnits[0]}/permissions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/locks/{Guid.NewGuid()}/permissions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
