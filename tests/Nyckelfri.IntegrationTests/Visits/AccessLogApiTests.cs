using System.Net;
using System.Net.Http.Json;
using System.Text;
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
/// The access-log report through the API: the filters (client, employee, lock, period of Swedish days,
/// kind), the CSV, a unit manager seeing only their own provider's lines, and a physical-key use turning
/// up in the log; with real logins, on SQLite and PostgreSQL.
/// </summary>
[Collection(AppCollections.Access)]
public sealed class AccessLogApiTests(AppFixture fixture)
{
    private sealed record Scene(TestClient Client, TestClient Other, Guid Anna, Guid Bo, Guid Lock, string Serial,
        AccessEvent Morning, AccessEvent EarlyOnTheDay, AccessEvent DayBefore, AccessEvent NextDay, AccessEvent Refused, AccessEvent OtherClientScan);

    /// <summary>
    /// At an internal-provider client with a lock: Anna opens on day D at 00:10 and 08:00 (Swedish time), Bo the evening
    /// before, Anna just after midnight after D, the lock refuses Anna ten days earlier; Anna scans an NFC tag at another client on D.
    /// </summary>
    private static async Task<Scene> Arrange(NyckelfriApp app, string tag)
    {
        var unit = app.World.InternalUnit;
        var client = await AddClient(app, unit, "Gunnel", "Loggström" + tag);
        var other = await AddClient(app, unit, "Harald", "Annanson" + tag);
        var anna = await AddEmployee(app, unit, "Anna", "Öppnare" + tag);
        var bo = await AddEmployee(app, unit, "Bo", "Kvällsson" + tag);
        var serial = "LOG-" + tag.ToUpperInvariant();
        var lockId = await MountLock(app, client.Id, serial);
        var morning = await AddEvent(app, AccessEventKind.Opened, AccessOutcome.Allowed, SwedishTimeAgo(app, 3, 8), client.Id, anna, lockId, unit);
        var early = await AddEvent(app, AccessEventKind.Opened, AccessOutcome.Allowed, SwedishTimeAgo(app, 3, 0, 10), client.Id, anna, lockId, unit);
        var dayBefore = await AddEvent(app, AccessEventKind.Opened, AccessOutcome.Allowed, SwedishTimeAgo(app, 4, 23, 50), client.Id, bo, lockId, unit);
        var nextDay = await AddEvent(app, AccessEventKind.Opened, AccessOutcome.Allowed, SwedishTimeAgo(app, 2, 0, 30), client.Id, anna, lockId, unit);
        var refused = await AddEvent(app, AccessEventKind.Refused, AccessOutcome.Denied, SwedishTimeAgo(app, 13, 9), client.Id, anna, lockId, unit,
            reasonCode: "WrongLock");
        var scan = await AddEvent(app, AccessEventKind.NfcScan, AccessOutcome.Reported, SwedishTimeAgo(app, 3, 10), other.Id, anna, null, unit,
            detail: "=HYPERLINK(\"http://x\")");
        return new Scene(client, other, anna, bo, lockId, serial, morning, early, dayBefore, nextDay, refused, scan);
    }

    private static async Task<List<long>> Ids(HttpClient api, string query)
    {
        var page = await (await api.GetAsync("/api/v1/access-log?" + query)).ShouldBeOk();
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task List_FilterByClientEmployeeLockAndPeriod_ReturnsThoseLinesNewestFirst(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var s = await Arrange(app, "a");
        var api = await app.ApiAs(Roles.AlarmCentreSupport);
        var day = KeysTestData.Day(app.Clock.Today().AddDays(-3));

        (await Ids(api, $"clientId={s.Client.Id}")).ShouldBe([s.NextDay.Id, s.Morning.Id, s.EarlyOnTheDay.Id, s.DayBefore.Id, s.Refused.Id]);
        (await Ids(api, $"employeeId={s.Anna}")).ShouldBe([s.NextDay.Id, s.OtherClientScan.Id, s.Morning.Id, s.EarlyOnTheDay.Id, s.Refused.Id]);
        (await Ids(api, $"lockId={s.Lock}")).ShouldBe([s.NextDay.Id, s.Morning.Id, s.EarlyOnTheDay.Id, s.DayBefore.Id, s.Refused.Id]);
        (await Ids(api, $"lockSerial={s.Serial.ToLowerInvariant()}")).ShouldBe(await Ids(api, $"lockId={s.Lock}"));
        // The Swedish day D: from its midnight to the next, whatever the UTC offset.
        (await Ids(api, $"clientId={s.Client.Id}&from={day}&to={day}")).ShouldBe([s.Morning.Id, s.EarlyOnTheDay.Id]);
        (await Ids(api, $"employeeId={s.Anna}&from={day}&to={day}")).ShouldBe([s.OtherClientScan.Id, s.Morning.Id, s.EarlyOnTheDay.Id]);
        (await Ids(api, $"clientId={s.Client.Id}&employeeId={s.Bo}")).ShouldBe([s.DayBefore.Id]);
        (await Ids(api, $"clientName=loggströma&employeeName=anna")).ShouldBe([s.NextDay.Id, s.Morning.Id, s.EarlyOnTheDay.Id, s.Refused.Id]);
        (await Ids(api, $"clientId={s.Client.Id}&kind=Refused&outcome=Denied")).ShouldBe([s.Refused.Id]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task List_Line_CarriesNamesLockUnitAndTheReasonInSwedish(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var s = await Arrange(app, "b");
        var api = await app.ApiAs(Roles.Auditor);

        var page = await (await api.GetAsync($"/api/v1/access-log?clientId={s.Client.Id}&kind=Refused")).ShouldBeOk();

        var line = page.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        line.Text("kind").ShouldBe("Refused");
        line.Text("kindName").ShouldBe("Låset nekade");
        line.Text("outcomeName").ShouldBe("Nekad");
        line.Text("employeeName").ShouldBe("Anna Öppnareb");
        line.Text("clientName").ShouldBe("Gunnel Loggströmb");
        line.Text("lockSerial").ShouldBe("LOG-B");
        line.Text("unitName").ShouldBe("Centrum");
        line.Text("reasonText").ShouldBe("Nyckeln gäller inte för det här låset.");
        line.GetProperty("occurredAt").GetDateTime().ShouldBe(s.Refused.OccurredAt, TimeSpan.FromMilliseconds(1));
        page.GetProperty("totalCount").GetInt32().ShouldBe(1);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task List_PeriodEndingBeforeItStarts_Returns400(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmCentreSupport);

        await (await api.GetAsync("/api/v1/access-log?from=2026-11-20&to=2026-11-19")).ShouldBeFieldError("to", "Slutdatum kan inte ligga före startdatum.");
        (await api.GetAsync("/api/v1/access-log?from=igår")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Export_Csv_HasHeaderAndRowsInSwedishTimeWithNamesButNoPersonnummerNorDoorCode(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var s = await Arrange(app, "c");
        var coded = await AddClient(app, app.World.InternalUnit, "Ingrid", "Portkodsson", doorCode: "8642");
        await AddEvent(app, AccessEventKind.Opened, AccessOutcome.Allowed, SwedishTimeAgo(app, 3, 9), coded.Id, s.Anna, null, app.World.InternalUnit);
        var api = await app.ApiAs(Roles.AlarmCentreSupport);

        var response = await api.GetAsync($"/api/v1/access-log/export?employeeId={s.Anna}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Tid;Händelse;Resultat;Medarbetare;Brukare;Lås;Enhet;Orsak;Detalj;Registrerad av");
        lines.Length.ShouldBe(1 + 6);
        var morning = Nyckelfri.Common.SwedishTime.ToLocal(s.Morning.OccurredAt).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        lines.ShouldContain($"{morning};Dörren öppnad;Tillåten;Anna Öppnarec;Gunnel Loggströmc;LOG-C;Centrum;;;");
        lines.ShouldContain(l => l.Contains(";Låset nekade;Nekad;", StringComparison.Ordinal) && l.Contains("Nyckeln gäller inte för det här låset.", StringComparison.Ordinal));
        // A formula in a cell is defused.
        lines.ShouldContain(l => l.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", StringComparison.Ordinal));
        var text = string.Join("\n", lines);
        foreach (var number in new[] { s.Client.PersonalIdentityNumber, s.Other.PersonalIdentityNumber, coded.PersonalIdentityNumber })
        {
            text.ShouldNotContain(number);
            text.ShouldNotContain(number[2..8] + "-" + number[8..]);
        }
        text.ShouldNotContain("8642");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task List_UnitManagerOfAnotherProvider_SeesNoneOfTheLines_AndTheOwnProvidersManagerSeesThem(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var s = await Arrange(app, "d");
        var outsider = await app.ApiAs(Roles.UnitManager); // at the external provider
        var ownManager = await app.ApiAsUser(await AddLogin(app, $"a-unitmanager-centrum-{provider}", Roles.UnitManager, app.World.InternalProvider));

        (await Ids(outsider, $"clientId={s.Client.Id}")).ShouldBeEmpty();
        (await Ids(outsider, $"employeeId={s.Anna}")).ShouldBeEmpty();
        (await Ids(outsider, $"lockId={s.Lock}")).ShouldBeEmpty();
        var csv = await outsider.GetStringAsync($"/api/v1/access-log/export?employeeId={s.Anna}");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
        (await Ids(ownManager, $"employeeId={s.Anna}")).Count.ShouldBe(5);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task RecordPhysicalKeyUse_AppendsAnAccessLogLineWithTheLockTheEmployeeAndTheReason(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var client = await AddClient(app, app.World.InternalUnit, "Elsa", "Nyckelbruk");
        var lockId = await MountLock(app, client.Id, "PKU-" + provider);
        var employee = await AddEmployee(app, app.World.InternalUnit, "Karin", "Nattsson");
        var staff = await app.ApiAsUser(await AddLogin(app, $"a-employee-karin-{provider}", Roles.Employee, app.World.InternalProvider, employee));

        var response = await staff.PostAsJsonAsync($"/api/v1/clients/{client.Id}/physical-key-uses", new { reason = "LockNotWorking", note = "Appen startade inte" });

        await response.ShouldBeCreatedAt("/api/v1/physical-key-uses");
        await using var db = app.SystemContext();
        var line = await db.AccessEvents.SingleAsync(e => e.ClientId == client.Id);
        line.Kind.ShouldBe(AccessEventKind.PhysicalKeyUsed);
        line.Outcome.ShouldBe(AccessOutcome.Reported);
        line.LockId.ShouldBe(lockId);
        line.EmployeeId.ShouldBe(employee);
        line.Detail.ShouldBe("Digitala låset fungerade inte");
        line.RecordedBy.ShouldBe($"Test a-employee-karin-{provider}");
        var log = await (await (await app.ApiAs(Roles.AlarmCentreSupport)).GetAsync($"/api/v1/access-log?clientId={client.Id}")).ShouldBeOk();
        log.GetProperty("items")[0].Text("kindName").ShouldBe("Fysisk nyckel använd");
    }
}
