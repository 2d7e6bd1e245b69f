using Nyckelfri.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.Services;
using static Nyckelfri.IntegrationTests.Web.BatteryHomes;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>Battery reports, the battery changes they open and close, and the low-battery list, on both databases.</summary>
[Collection(AppCollections.DevicesAndKeys)]
public sealed partial class BatteriesApiTests(AppFixture fixture)
{
    private const string LevelOutOfRange = "Batterinivån ska vara mellan 0 och 100 %.";
    private static DateTimeOffset Now => RunClock.Now;

    [DatabaseTheory, DatabaseProviders]
    public async Task Report_Levels_UpdatesTheDeviceAndStoresEveryReading(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var home = await MountedAsync(app, app.World.InternalUnit);
        var api = await app.ApiAs(Roles.Installer);
        var latest = Now.AddMinutes(-10);

        var response = await api.ReportAsync(Reading(home.Serial.ToLowerInvariant(), 78, latest), Reading(home.Serial, 80, latest.AddHours(-1)));

        var result = await response.ShouldBeOk();
        result.GetProperty("accepted").GetInt32().ShouldBe(2);
        result.GetProperty("tasksOpened").GetInt32().ShouldBe(0);
        var device = await app.DeviceAsync(home.DeviceId);
        device.BatteryLevel.ShouldBe(78);
        device.BatteryReportedAt!.Value.ShouldBe(latest.UtcDateTime, TimeSpan.FromMilliseconds(1));
        (await app.ReadingCountAsync(home.DeviceId)).ShouldBe(2);
        (await app.TasksAsync(home.DeviceId)).ShouldBeEmpty();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Report_Levels_LeavesTheDeviceVersionAndHistoryAlone(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var home = await MountedAsync(app, app.World.InternalUnit);
        var before = await app.DeviceAsync(home.DeviceId);
        await using var db = app.SystemContext();
        var historyBefore = await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.EntityId == home.DeviceId);
        var api = await app.ApiAs(Roles.Installer);

        await (await api.ReportAsync(Reading(home.Serial, 64, Now.AddMinutes(-5)))).ShouldBeOk();

        var after = await app.DeviceAsync(home.DeviceId);
        after.BatteryLevel.ShouldBe(64);
        after.Version.ShouldBe(before.Version, "a report is telemetry, not an edit: an open edit form must still save");
        (await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.EntityId == home.DeviceId)).ShouldBe(historyBefore);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Report_SameBatchTwice_StoresTheReadingsOnce(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var home = await MountedAsync(app, app.World.InternalUnit);
        var api = await app.ApiAs(Roles.Installer);
        var batch = new[] { Reading(home.Serial, 70, Now.AddHours(-2)), Reading(home.Serial, 69, Now.AddHours(-1)) };

        await (await api.ReportAsync(batch)).ShouldBeOk();
        var again = await (await api.ReportAsync(batch)).ShouldBeOk();

        again.GetProperty("accepted").GetInt32().ShouldBe(0);
        again.GetProperty("alreadyStored").GetInt32().ShouldBe(2);
        (await app.ReadingCountAsync(home.DeviceId)).ShouldBe(2);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Report_BelowThreshold_OpensOneTaskForTheHomeCareUnit_EvenWhenReportedAgain(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        // An older safety alarm at the other provider: home care still decides who changes the battery.
        var home = await MountedAsync(app, app.World.InternalUnit, otherService: (app.World.ExternalUnit, CareServiceKind.SafetyAlarm));
        var api = await app.ApiAs(Roles.Installer);

        var first = await (await api.ReportAsync(Reading(home.Serial, 15, Now.AddMinutes(-20)))).ShouldBeOk();
        var second = await (await api.ReportAsync(Reading(home.Serial, 12, Now.AddMinutes(-10)))).ShouldBeOk();

        first.GetProperty("tasksOpened").GetInt32().ShouldBe(1);
        second.GetProperty("tasksOpened").GetInt32().ShouldBe(0);
        var task = (await app.TasksAsync(home.DeviceId)).ShouldHaveSingleItem();
        task.Status.ShouldBe(PendingTaskStatus.Open);
        task.Kind.ShouldBe(PendingTaskKind.BatteryChange);
        task.UnitId.ShouldBe(app.World.InternalUnit);
        task.Level.ShouldBe(15);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Report_AtTheThreshold_ClosesTheOpenTask(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var home = await MountedAsync(app, app.World.ExternalUnit);
        var api = await app.ApiAs(Roles.Employee);
        await (await api.ReportAsync(Reading(home.Serial, 9, Now.AddMinutes(-20)))).ShouldBeOk();

        var result = await (await api.ReportAsync(Reading(home.Serial, 20, Now.AddMinutes(-5)))).ShouldBeOk();

        result.GetProperty("tasksClosed").GetInt32().ShouldBe(1);
        var task = (await app.TasksAsync(home.DeviceId)).ShouldHaveSingleItem();
        task.Status.ShouldBe(PendingTaskStatus.Done);
        task.DoneBy.ShouldBe("Test Employee");
        task.Note.ShouldBe("Ny batterinivå rapporterad: 20 %");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Report_LevelOf140_Returns400AndSavesNothing_AlsoAfterAGoodReading(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var home = await MountedAsync(app, app.World.InternalUnit);
        var api = await app.ApiAs(Roles.Installer);
        var before = await app.FingerprintAsync();
        var deviceBefore = await app.DeviceAsync(home.DeviceId);

        var alone = await api.ReportAsync(Reading(home.Serial, 140));
        var afterGood = await api.ReportAsync(Reading(home.Serial, 10, Now.AddMinutes(-30)), Reading(home.Serial, 140, Now.AddMinutes(-20)));

        await alone.ShouldBeFieldError("readings[0].Level", LevelOutOfRange);
        await afterGood.ShouldBeFieldError("readings[1].Level", LevelOutOfRange);
        (await app.FingerprintAsync()).ShouldBe(before);
        var deviceAfter = await app.DeviceAsync(home.DeviceId);
        (deviceAfter.Version, deviceAfter.BatteryLevel).ShouldBe((deviceBefore.Version, deviceBefore.BatteryLevel));
        (await app.ReadingCountAsync(home.DeviceId)).ShouldBe(0);
        (await app.TasksAsync(home.DeviceId)).ShouldBeEmpty();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Report_UnknownSerial_Returns400AndSavesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var home = await MountedAsync(app, app.World.InternalUnit);
        var api = await app.ApiAs(Roles.Installer);
        var before = await app.FingerprintAsync();

        var response = await api.ReportAsync(Reading(home.Serial, 10, Now.AddMinutes(-5)), Reading("FINNS-INTE-1", 50));

        await response.ShouldBeFieldError("readings[1].SerialNumber", "Ingen enhet med serienummer FINNS-INTE-1 finns.");
        (await app.FingerprintAsync()).ShouldBe(before);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Report_SeveralMistakes_AreAllReportedTogether(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var home = await MountedAsync(app, app.World.InternalUnit);
        var api = await app.ApiAs(Roles.Installer);
        var at = Now.AddMinutes(-5);

        var response = await api.ReportAsync(Reading(home.Serial, 50, at), Reading("ej giltigt!", 50), Reading(home.Serial, -1),
            Reading(home.Serial, 49, at), Reading(home.Serial, 48, Now.AddHours(1)));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Order().ShouldBe(
            ["readings[1].SerialNumber", "readings[2].Level", "readings[3].ReportedAt", "readings[4].ReportedAt"]);
        errors.GetProperty("readings[3].ReportedAt")[0].GetString()!.ShouldContain("Readings[0]");
        (await app.ReadingCountAsync(home.DeviceId)).ShouldBe(0);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Report_EmptyOrTooLargeBatch_Returns400(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var home = await MountedAsync(app, app.World.InternalUnit);
        var api = await app.ApiAs(Roles.Installer);
        var start = Now.AddDays(-10);
        var tooMany = Enumerable.Range(0, 501).Select(i => Reading(home.Serial, 50, start.AddMinutes(i))).ToArray();

        await (await api.ReportAsync()).ShouldBeFieldError("readings", "Ange minst en batterinivå.");
        await (await api.ReportAsync(tooMany)).ShouldBeFieldError("readings", "Högst 500 batterinivåer per anrop.");
        (await app.ReadingCountAsync(home.DeviceId)).ShouldBe(0);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Report_WithTheIntegrationApiKey_IsAccepted(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var home = await MountedAsync(app, app.World.ExternalUnit);
        using var platform = app.WithApiKey();

        var result = await (await platform.ReportAsync(Reading(home.Serial, 5))).ShouldBeOk();

        result.GetProperty("accepted").GetInt32().ShouldBe(1);
        (await app.DeviceAsync(home.DeviceId)).BatteryLevel.ShouldBe(5);
        var task = (await app.TasksAsync(home.DeviceId)).ShouldHaveSingleItem();
        task.UnitId.ShouldBe(app.World.ExternalUnit);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Report_RaisedThreshold_OpensATaskAt25Percent(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var home = await MountedAsync(app, app.World.InternalUnit);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        await SetThreshold(admin, 30);
        try
        {
            var result = await (await admin.ReportAsync(Reading(home.Serial, 25))).ShouldBeOk();

            result.GetProperty("tasksOpened").GetInt32().ShouldBe(1);
            (await app.TasksAsync(home.DeviceId)).ShouldHaveSingleItem().Level.ShouldBe(25);
        }
        finally
        {
            await SetThreshold(admin, 20);
        }
    }

    private static async Task SetThreshold(HttpClient admin, int percent)
    {
        var settings = await admin.GetFromJsonAsync<JsonElement>("/api/v1/municipality");
        var response = await admin.PutAsJsonAsync("/api/v1/municipality", new
        {
            version = settings.Version(), name = settings.Text("name"), twoFactorRoles = settings.GetProperty("twoFactorRoles"),
            batteryThreshold = percent,
        });
        (await response.ShouldBeOk()).GetProperty("batteryThreshold").GetInt32().ShouldBe(percent);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task CompleteTask_Twice_Returns409AndRecordsTheChangeOnTheDevice(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var home = await MountedAsync(app, app.World.ExternalUnit);
        var employee = await app.ApiAs(Roles.Employee);
        await (await employee.ReportAsync(Reading(home.Serial, 8))).ShouldBeOk();
        var open = await employee.GetFromJsonAsync<JsonElement>($"/api/v1/battery-tasks?status=Open&unitId={app.World.ExternalUnit}&pageSize=200");
        var task = open.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("deviceId").GetGuid() == home.DeviceId);

        var done = await (await employee.PostAsJsonAsync($"/api/v1/battery-tasks/{task.Id()}/complete",
            new { version = task.Version(), note = "Bytt vid besöket" })).ShouldBeOk();
        var again = await employee.PostAsJsonAsync($"/api/v1/battery-tasks/{task.Id()}/complete", new { version = done.Version() });

        done.Text("status").ShouldBe("Done");
        done.Text("doneBy").ShouldBe("Test Employee");
        done.Text("note").ShouldBe("Bytt vid besöket");
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("Uppgiften är redan klar.");
        await using var db = app.SystemContext();
        (await db.AuditEntries.CountAsync(e => e.EntityId == home.DeviceId && e.Action == "Batteriet bytt")).ShouldBe(1);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task CompleteTask_OfAnotherProvidersClient_Returns404(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var home = await MountedAsync(app, app.World.InternalUnit);
        await (await (await app.ApiAs(Roles.Installer)).ReportAsync(Reading(home.Serial, 3))).ShouldBeOk();
        var task = (await app.TasksAsync(home.DeviceId)).ShouldHaveSingleItem();

        var response = await (await app.ApiAs(Roles.Employee)).PostAsJsonAsync($"/api/v1/battery-tasks/{task.Id}/complete", new { version = task.Version });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.TasksAsync(home.DeviceId)).ShouldHaveSingleItem().Status.ShouldBe(PendingTaskStatus.Open);
    }
}
