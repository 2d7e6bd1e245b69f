using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Identity;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using static Nyckelfri.IntegrationTests.Visits.VisitsTestData;

namespace Nyckelfri.IntegrationTests.Visits;

/// <summary>
/// NFC tags where no lock exists (seed 003 §5) and the visit lists: register a tag, an employee's two scans
/// make a visit, the refusals (not an employee, unknown or inactive tag, a lock is mounted), and the lists
/// per client and per unit with provider scoping; with real logins, on SQLite and PostgreSQL.
/// </summary>
[Collection(AppCollections.Access)]
public sealed class NfcApiTests(AppFixture fixture)
{
    private sealed record Scene(TestClient Client, Guid Employee, HttpClient Staff, string TagId);

    /// <summary>A client of the external provider's unit Norr with a registered tag, and a home-care employee of Norr logged in.</summary>
    private static async Task<Scene> Arrange(NyckelfriApp app, string tag)
    {
        var client = await AddClient(app, app.World.ExternalUnit, "Sonja", "Taggström" + tag);
        var employee = await AddEmployee(app, app.World.ExternalUnit, "Nils", "Skanner" + tag);
        var staff = await app.ApiAsUser(await AddLogin(app, $"a-employee-nils-{tag}-{app.Database.Provider}", Roles.Employee, app.World.ExternalProvider, employee));
        var tagId = $"04:a2:1b:7c:5d:{tag}0";
        var coordinator = await app.ApiAs(Roles.Coordinator); // at the external provider
        var created = await (await coordinator.PostAsJsonAsync($"/api/v1/clients/{client.Id}/nfc-tags", new { tagId, placement = "innanför ytterdörren" }))
            .ShouldBeCreatedAt("/api/v1/nfc-tags");
        created.Text("tagId").ShouldBe(tagId.ToUpperInvariant());
        created.GetProperty("active").GetBoolean().ShouldBeTrue();
        return new Scene(client, employee, staff, tagId.ToUpperInvariant());
    }

    private static async Task<JsonElement> Scan(HttpClient staff, string tagId, DateTime at) =>
        await (await staff.PostAsJsonAsync("/api/v1/nfc-scans", new { tagId, scannedAt = at })).ShouldBeOk();

    [DatabaseTheory, DatabaseProviders]
    public async Task Scan_ArrivalAndDeparture_MakeOneVisitListedForTheClientAndTheUnit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var s = await Arrange(app, "a");
        var now = app.Clock.UtcNow();
        var arrival = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddMinutes(-50);

        var first = await Scan(s.Staff, s.TagId.ToLowerInvariant(), arrival);
        var again = await Scan(s.Staff, s.TagId, arrival); // the phone resends: stored once
        var second = await Scan(s.Staff, s.TagId, arrival.AddMinutes(42));

        first.GetProperty("visitEnded").GetBoolean().ShouldBeFalse();
        again.GetProperty("accessEventId").GetInt64().ShouldBe(first.GetProperty("accessEventId").GetInt64());
        second.GetProperty("visitEnded").GetBoolean().ShouldBeTrue();
        second.GetProperty("visitId").GetGuid().ShouldBe(first.GetProperty("visitId").GetGuid());
        var visits = await (await s.Staff.GetAsync($"/api/v1/visits?clientId={s.Client.Id}")).ShouldBeOk();
        var visit = visits.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        visit.Text("source").ShouldBe("NfcTag");
        visit.GetProperty("durationSeconds").GetInt64().ShouldBe(42 * 60);
        visit.Text("durationText").ShouldBe("42 min");
        visit.Text("employeeName").ShouldBe("Nils Skannera");
        visit.GetProperty("unitId").GetGuid().ShouldBe(app.World.ExternalUnit);
        var manager = await app.ApiAs(Roles.UnitManager); // at the external provider
        (await manager.IdsOf($"/api/v1/visits?unitId={app.World.ExternalUnit}")).ShouldContain(visit.Id());
        await using var db = app.SystemContext();
        var lines = await db.AccessEvents.Where(e => e.ClientId == s.Client.Id).ToListAsync();
        lines.Count.ShouldBe(2);
        lines.ShouldAllBe(e => e.Kind == AccessEventKind.NfcScan && e.Outcome == AccessOutcome.Reported && e.EmployeeId == s.Employee
                               && e.UnitId == app.World.ExternalUnit && e.Detail == "NFC-tagg skannad (innanför ytterdörren)");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Visits_AnotherProvidersUser_DoesNotSeeTheClientsVisits(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var s = await Arrange(app, "b");
        await Scan(s.Staff, s.TagId, app.Clock.UtcNow().AddMinutes(-5));
        var other = await app.ApiAsUser(TestWorld.InternalCoordinator);

        (await other.GetAsync($"/api/v1/visits?clientId={s.Client.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var all = await (await other.GetAsync("/api/v1/visits?pageSize=200")).ShouldBeOk();
        all.GetProperty("items").EnumerateArray().ShouldNotContain(v => v.GetProperty("clientId").GetGuid() == s.Client.Id);
        (await other.GetAsync($"/api/v1/clients/{s.Client.Id}/nfc-tags")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Scan_LoginNotTiedToAnEmployee_Returns409(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var s = await Arrange(app, "c");
        var fingerprint = await app.FingerprintAsync();

        var response = await (await app.ApiAs(Roles.Employee)).PostAsJsonAsync("/api/v1/nfc-scans", new { tagId = s.TagId });

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
        text.ShouldContain("inte kopplad till någon medarbetare");
        (await app.FingerprintAsync()).ShouldBe(fingerprint);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Scan_UnknownOrDeactivatedTag_Returns404(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var s = await Arrange(app, "d");
        var coordinator = await app.ApiAs(Roles.Coordinator);
        var tag = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{s.Client.Id}/nfc-tags")).EnumerateArray().Single();

        (await s.Staff.PostAsJsonAsync("/api/v1/nfc-scans", new { tagId = "FF:FF:FF" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.DeleteAsync($"/api/v1/nfc-tags/{tag.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await s.Staff.PostAsJsonAsync("/api/v1/nfc-scans", new { tagId = s.TagId })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.DeleteAsync($"/api/v1/nfc-tags/{tag.Id()}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await coordinator.GetAsync($"/api/v1/nfc-tags/{tag.Id()}")).ShouldBeOk()).GetProperty("active").GetBoolean().ShouldBeFalse();

        // Put up again at the same client it works again; at another client the tag id is taken.
        await (await coordinator.PostAsJsonAsync($"/api/v1/clients/{s.Client.Id}/nfc-tags", new { tagId = s.TagId })).ShouldBeCreatedAt("/api/v1/nfc-tags");
        await Scan(s.Staff, s.TagId, app.Clock.UtcNow());
        var elsewhere = await AddClient(app, app.World.ExternalUnit, "Rut", "Grannsson");
        (await coordinator.PostAsJsonAsync($"/api/v1/clients/{elsewhere.Id}/nfc-tags", new { tagId = s.TagId })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ScanAndRegister_ClientHasAMountedLock_Return409UseTheLock(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var s = await Arrange(app, "e");
        await MountLock(app, s.Client.Id, "NFC-LOCK-" + provider);
        var coordinator = await app.ApiAs(Roles.Coordinator);

        var scan = await s.Staff.PostAsJsonAsync("/api/v1/nfc-scans", new { tagId = s.TagId });
        var register = await coordinator.PostAsJsonAsync($"/api/v1/clients/{s.Client.Id}/nfc-tags", new { tagId = "AA:BB:CC:E1" });

        scan.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await scan.Content.ReadAsStringAsync()).ShouldContain("använd låset");
        register.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Register_BadTagIdOrScanTime_Returns400(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var s = await Arrange(app, "f");
        var coordinator = await app.ApiAs(Roles.Coordinator);

        await (await coordinator.PostAsJsonAsync($"/api/v1/clients/{s.Client.Id}/nfc-tags", new { tagId = "04 A2; DROP" }))
            .ShouldBeFieldError("tagId", "Taggens id får bara innehålla bokstäver a–z, siffror, kolon och bindestreck.");
        await (await s.Staff.PostAsJsonAsync("/api/v1/nfc-scans", new { tagId = s.TagId, scannedAt = app.Clock.UtcNow().AddHours(1) }))
            .ShouldBeFieldError("scannedAt", "Tidpunkten kan inte ligga i framtiden.");
        await (await s.Staff.PostAsJsonAsync("/api/v1/nfc-scans", new { tagId = s.TagId, scannedAt = app.Clock.UtcNow().AddDays(-8) }))
            .ShouldBeFieldError("scannedAt", "Skanningen är för gammal: den får vara högst 7 dygn.");
    }
}
