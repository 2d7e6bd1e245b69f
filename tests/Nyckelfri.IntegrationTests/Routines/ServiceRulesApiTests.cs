using Nyckelfri.Testing;
using System.Net.Http.Json;
using System.Text.Json;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Routines;
using Nyckelfri.Services;
using static Nyckelfri.IntegrationTests.Routines.RoutineWalk;

namespace Nyckelfri.IntegrationTests.Routines;

/// <summary>
/// SPEC §5, last paragraph, through the care-service and battery APIs: service changes (and battery
/// levels) open the routines they call for, in the same request, owned as the preset says.
/// </summary>
[Collection(AppCollections.Routines)]
public sealed class ServiceRulesApiTests(AppFixture fixture)
{
    /// <summary>Changes a service through the API as the case officer: another unit, or an end date.</summary>
    private static async Task EditService(NyckelfriApp app, Guid serviceId, Guid? unitId = null, DateOnly? endDate = null)
    {
        var officer = await app.ApiAs(Roles.CaseOfficer);
        var service = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/services/{serviceId}");
        await (await officer.PutAsJsonAsync($"/api/v1/services/{serviceId}", new
        {
            version = service.Version(), kind = service.Text("kind"), assessed = service.GetProperty("assessed").GetBoolean(),
            unitId = unitId ?? service.GetProperty("unitId").GetGuid(), startDate = service.Text("startDate"),
            endDate = endDate is { } end ? KeysTestData.Day(end) : null,
        })).ShouldBeOk();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task EndingTheLastService_OfAHouseholdWithALock_OpensARemovalDue14DaysAfterTheEnd(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await UsePreset(app, RoutinePreset.Salem);
        var home = await NewHome(app, withLock: true, (CareServiceKind.HomeCare, app.World.ExternalUnit));
        var ended = app.Clock.Today().AddDays(-1);

        await EditService(app, home.ServiceIds[0], endDate: ended);

        var officer = await app.ApiAs(Roles.CaseOfficer);
        var removal = (await OrdersOf(officer, home.ClientId)).ShouldHaveSingleItem();
        removal.Text("kind").ShouldBe("Removal");
        removal.Text("state").ShouldBe("Open");
        removal.Text("dueOn").ShouldBe(KeysTestData.Day(ended.AddDays(14)));
        var order = await Get(officer, removal.Id());
        order.Text("currentStepCode").ShouldBe("removal.order");
        order.ShouldBeOwnedBy(Roles.CaseOfficer, null);
        (await officer.IdsOf("/api/v1/inbox?kind=Removal&pageSize=100")).ShouldContain(order.Id());
        await NotificationsHaveNoPersonalData(app, home.ClientId);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task EndingHomeCare_WhileTheSafetyAlarmStays_OpensHomeCareEndsAlarmStays_AndNoRemoval(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await UsePreset(app, RoutinePreset.Salem);
        var home = await NewHome(app, withLock: true,
            (CareServiceKind.HomeCare, app.World.ExternalUnit), (CareServiceKind.SafetyAlarm, app.World.InternalUnit));

        await EditService(app, home.ServiceIds[0], endDate: app.Clock.Today().AddDays(-1));

        var officer = await app.ApiAs(Roles.CaseOfficer);
        var item = (await OrdersOf(officer, home.ClientId)).ShouldHaveSingleItem("the lock stays: no removal");
        item.Text("kind").ShouldBe("HomeCareEndsAlarmStays");
        item.Text("state").ShouldBe("Open");
        var order = await Get(officer, item.Id());
        order.GetProperty("about").GetProperty("unitId").GetGuid().ShouldBe(app.World.ExternalUnit, "the unit whose home care ended");
        order.ShouldBeOwnedBy(RoutinePresets.Owner(RoutinePreset.Salem, "alarm-stays.notify"), null);

        var keys = await Finish(officer, order);
        keys.Text("currentStepCode").ShouldBe("alarm-stays.keys");
        keys.ShouldBeOwnedBy(Roles.Coordinator, app.World.ExternalUnit, "the home-care unit returns its keys");
        // The unit's service has ended, so its coordinator no longer sees the client; the step it owns it still sees and works.
        var coordinator = await app.ApiAs(Roles.Coordinator);
        (await coordinator.GetAsync($"/api/v1/clients/{home.ClientId}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await coordinator.IdsOf("/api/v1/inbox?pageSize=100")).ShouldContain(order.Id());
        var atCoordinator = await Get(coordinator, order.Id());
        atCoordinator.GetProperty("canAct").GetBoolean().ShouldBeTrue();
        (await Finish(coordinator, atCoordinator)).ShouldBeOwnedBy(RoutinePresets.Owner(RoutinePreset.Salem, "alarm-stays.unlink"), null);
        (await (await app.ApiAsUser(TestWorld.InternalCoordinator)).GetAsync($"{Orders}/{order.Id()}")).StatusCode
            .ShouldBe(System.Net.HttpStatusCode.OK, "the alarm's provider still serves the client");
        await NotificationsHaveNoPersonalData(app, home.ClientId);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task MovingAServiceToAnotherProvidersUnit_OpensAChangeOfProvider_OwnedByTheNewUnit(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await UsePreset(app, RoutinePreset.Salem);
        var home = await NewHome(app, withLock: true, (CareServiceKind.HomeCare, app.World.InternalUnit));

        await EditService(app, home.ServiceIds[0], unitId: app.World.ExternalUnit);

        var officer = await app.ApiAs(Roles.CaseOfficer);
        var item = (await OrdersOf(officer, home.ClientId)).ShouldHaveSingleItem();
        item.Text("kind").ShouldBe("ChangeOfProvider");
        var order = await Get(officer, item.Id());
        order.GetProperty("about").GetProperty("unitId").GetGuid().ShouldBe(app.World.ExternalUnit);
        order.ShouldBeOwnedBy(Roles.CaseOfficer, null);

        var keys = await Finish(officer, order);

        keys.Text("currentStepCode").ShouldBe("provider-change.keys");
        keys.ShouldBeOwnedBy(Roles.Coordinator, app.World.ExternalUnit, "the new provider receives the keys");
        (await (await app.ApiAs(Roles.Coordinator)).IdsOf("/api/v1/inbox?pageSize=100")).ShouldContain(order.Id());
        (await (await app.ApiAsUser(TestWorld.InternalCoordinator)).IdsOf("/api/v1/inbox?pageSize=100")).ShouldNotContain(order.Id());
        await NotificationsHaveNoPersonalData(app, home.ClientId);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task BatteryBelowTheThreshold_OpensABatteryChange_AndALevelBackAboveClosesIt(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await UsePreset(app, RoutinePreset.Salem);
        var home = await BatteryHomes.MountedAsync(app, app.World.ExternalUnit);
        var platform = await app.ApiAs(Roles.Installer);
        var coordinator = await app.ApiAs(Roles.Coordinator);

        await (await platform.ReportAsync(BatteryHomes.Reading(home.Serial, 8, RunClock.Now.AddMinutes(-30)))).ShouldBeOk();

        var item = (await OrdersOf(coordinator, home.ClientId, "BatteryChange")).ShouldHaveSingleItem();
        item.Text("state").ShouldBe("Open");
        var order = await Get(coordinator, item.Id());
        order.GetProperty("about").GetProperty("deviceId").GetGuid().ShouldBe(home.DeviceId);
        order.ShouldBeOwnedBy(RoutinePresets.Owner(RoutinePreset.Salem, "battery.change"), app.World.ExternalUnit);
        (await coordinator.IdsOf("/api/v1/inbox?kind=BatteryChange&pageSize=100")).ShouldContain(order.Id());

        await (await platform.ReportAsync(BatteryHomes.Reading(home.Serial, 97, RunClock.Now.AddMinutes(-5)))).ShouldBeOk();

        var closed = await Get(coordinator, order.Id());
        closed.Text("state").ShouldBe("Done");
        closed.GetProperty("ownerRole").ValueKind.ShouldBe(JsonValueKind.Null);
        (await coordinator.IdsOf("/api/v1/inbox?kind=BatteryChange&pageSize=100")).ShouldNotContain(order.Id());
        await NotificationsHaveNoPersonalData(app, home.ClientId);
    }
}
