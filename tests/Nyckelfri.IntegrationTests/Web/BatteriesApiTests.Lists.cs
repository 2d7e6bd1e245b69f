using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using static Nyckelfri.IntegrationTests.Web.BatteryHomes;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>The low-battery list, its forecast and the page /Batterier.</summary>
public sealed partial class BatteriesApiTests
{
    private const string Low = "/api/v1/batteries/low?pageSize=200";

    private static async Task<List<JsonElement>> LowRows(HttpClient api, string query = "")
    {
        var page = await api.GetFromJsonAsync<JsonElement>(Low + query);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static List<Guid> DeviceIds(IEnumerable<JsonElement> rows) => rows.Select(r => r.GetProperty("deviceId").GetGuid()).ToList();

    [DatabaseTheory, DatabaseProviders]
    public async Task LowList_ProviderUser_SeesOnlyItsOwnClientsDevices(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var ours = await MountedAsync(app, app.World.ExternalUnit);
        var theirs = await MountedAsync(app, app.World.InternalUnit);
        var installer = await app.ApiAs(Roles.Installer);
        await (await installer.ReportAsync(Reading(ours.Serial, 10), Reading(theirs.Serial, 11))).ShouldBeOk();

        var coordinator = await app.ApiAs(Roles.Coordinator);
        var seen = await LowRows(coordinator);
        var text = await coordinator.GetStringAsync(Low);

        DeviceIds(seen).ShouldContain(ours.DeviceId);
        DeviceIds(seen).ShouldNotContain(theirs.DeviceId);
        text.ShouldNotContain(theirs.Serial);
        text.ShouldNotContain("personalIdentityNumber");
        var row = seen.Single(r => r.GetProperty("deviceId").GetGuid() == ours.DeviceId);
        row.GetProperty("level").GetInt32().ShouldBe(10);
        row.GetProperty("belowThreshold").GetBoolean().ShouldBeTrue();
        row.Text("address")!.ShouldStartWith("Storgatan 1");
        row.GetProperty("clientNames").EnumerateArray().Select(n => n.GetString()).ShouldBe([ours.ClientName]);
        row.GetProperty("task").GetProperty("unitId").GetGuid().ShouldBe(app.World.ExternalUnit);

        var all = DeviceIds(await LowRows(installer));
        all.ShouldContain(ours.DeviceId);
        all.ShouldContain(theirs.DeviceId);
        var internalUnit = DeviceIds(await LowRows(installer, $"&unitId={app.World.InternalUnit}"));
        internalUnit.ShouldContain(theirs.DeviceId);
        internalUnit.ShouldNotContain(ours.DeviceId);
        DeviceIds(await LowRows(installer, "&kind=KeySafe")).ShouldNotContain(ours.DeviceId);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task LowList_SteadyDrain_ShowsTheDaysLeftAndListsABatteryThatIsStillAboveTheThreshold(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var draining = await MountedAsync(app, app.World.InternalUnit);
        var steady = await MountedAsync(app, app.World.InternalUnit);
        var api = await app.ApiAs(Roles.Installer);
        var now = Now.AddMinutes(-1);
        // Two points a day: 60 % ten days ago down to 40 % now, so about 20 days left.
        var readings = Enumerable.Range(0, 6).Select(i => Reading(draining.Serial, 60 - 4 * i, now.AddDays(-10 + 2 * i)))
            .Append(Reading(steady.Serial, 45, now.AddDays(-5))).Append(Reading(steady.Serial, 45, now)).ToArray();
        await (await api.ReportAsync(readings)).ShouldBeOk();

        var rows = await LowRows(api);

        DeviceIds(rows).ShouldNotContain(steady.DeviceId);
        var row = rows.Single(r => r.GetProperty("deviceId").GetGuid() == draining.DeviceId);
        row.GetProperty("level").GetInt32().ShouldBe(40);
        row.GetProperty("belowThreshold").GetBoolean().ShouldBeFalse();
        row.GetProperty("daysLeft").GetInt32().ShouldBeInRange(19, 20);
        row.GetProperty("task").ValueKind.ShouldBe(JsonValueKind.Null);
        (await app.DeviceAsync(draining.DeviceId)).BatteryEmptyOn.ShouldNotBeNull();
        (await app.DeviceAsync(steady.DeviceId)).BatteryEmptyOn.ShouldBeNull();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Page_UnitManager_SeesTheLowBatteryAndMarksItChanged(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var home = await MountedAsync(app, app.World.ExternalUnit);
        await (await (await app.ApiAs(Roles.Installer)).ReportAsync(Reading(home.Serial, 7))).ShouldBeOk();
        var task = (await app.TasksAsync(home.DeviceId)).ShouldHaveSingleItem();
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.UnitManager));

        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Batterier?unitId={app.World.ExternalUnit}"));
        var posted = await session.PostFormAsync("/Batterier", new()
        {
            ["Input.TaskId"] = task.Id.ToString(), ["Input.Version"] = task.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Note"] = "Bytt i dag", ["unitId"] = app.World.ExternalUnit.ToString(),
        }, handler: "Complete");

        html.ShouldContain(home.Serial);
        html.ShouldContain("7 % – lågt");
        html.ShouldContain("Gräns: 20 %");
        html.ShouldContain("Markera batteriet som bytt");
        html.ShouldContain($"<option value=\"{app.World.ExternalUnit}\" selected=\"selected\"");
        html.ShouldNotContain($"<option value=\"{app.World.InternalUnit}\"");
        html.ShouldNotContain("ändra gränsen");
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().ShouldContain($"unitId={app.World.ExternalUnit}");
        var done = (await app.TasksAsync(home.DeviceId)).ShouldHaveSingleItem();
        (done.Status, done.DoneBy, done.Note).ShouldBe((PendingTaskStatus.Done, "Test UnitManager", "Bytt i dag"));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Page_CompletingADoneTask_ShowsTheReasonInSwedish(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var home = await MountedAsync(app, app.World.InternalUnit);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        await (await admin.ReportAsync(Reading(home.Serial, 4, Now.AddMinutes(-3)))).ShouldBeOk();
        var task = (await app.TasksAsync(home.DeviceId)).ShouldHaveSingleItem();
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.SystemAdministrator));
        var fields = new Dictionary<string, string> { ["Input.TaskId"] = task.Id.ToString(), ["Input.Version"] = "0" };

        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/Batterier"));
        await admin.ReportAsync(Reading(home.Serial, 90, Now.AddMinutes(-1)));
        var response = await session.PostFormAsync("/Batterier", fields, handler: "Complete");

        html.ShouldContain("ändra gränsen");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("Uppgiften är redan klar.");
    }
}
