using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Keys;
using Nyckelfri.Routines;
using Nyckelfri.Services;
using static Nyckelfri.IntegrationTests.Routines.RoutineWalk;

namespace Nyckelfri.IntegrationTests.Routines;

/// <summary>
/// Removal (ROUTINES.md 5) through the API in the Salem preset: the lock comes down only when no one in
/// the household needs it, the physical keys go back with a receipt before the lock is unlinked, and
/// the lock unit goes back to store.
/// </summary>
[Collection(AppCollections.Routines)]
public sealed class RemovalApiTests(AppFixture fixture)
{
    /// <summary>Walks the removal from its order to the step that takes the lock down (removal.remove), as each step's owner.</summary>
    private static async Task<JsonElement> WalkToRemove(NyckelfriApp app, JsonElement order)
    {
        order = await Finish(await app.ApiAs(Roles.CaseOfficer), order);
        order.Text("currentStepCode").ShouldBe("removal.check");
        order = await Finish(await app.ApiAs(Roles.FeeOfficer), order);
        order.Text("currentStepCode").ShouldBe("removal.book");
        var installer = await app.ApiAs(Roles.Installer);
        order = await Finish(installer, await Book(installer, order, app.Clock.Today().AddDays(1)));
        order.Text("currentStepCode").ShouldBe("removal.remove");
        return order;
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Removal_WhileAHomeCareServiceIsActive_CannotUnlinkTheLock(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await UsePreset(app, RoutinePreset.Salem);
        var home = await NewHome(app, withLock: true, (CareServiceKind.HomeCare, app.World.ExternalUnit));
        var order = await Open(await app.ApiAs(Roles.CaseOfficer), new { kind = "Removal", clientId = home.ClientId });
        order = await WalkToRemove(app, order);
        order = await Finish(await app.ApiAs(Roles.Installer), order);
        order.Text("currentStepCode").ShouldBe("removal.unlink");
        var administrator = await app.ApiAs(Roles.SystemAdministrator);

        var response = await Complete(administrator, await AnswerToGoOn(administrator, order), stockLocationId: app.World.StockLocationA);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
        text.ShouldContain("https://nyckelfri.se/problem/removal-lock-still-needed");
        (await app.DeviceRow(home.LockId!.Value)).Status.ShouldBe(DeviceStatus.Installed);
        (await Get(administrator, order.Id())).Text("currentStepCode").ShouldBe("removal.unlink", "nothing of the step was saved");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Removal_AfterTheLastServiceEnded_WaitsForTheKeysToBeReturned_ThenUnlinksTheLock(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await UsePreset(app, RoutinePreset.Salem);
        var home = await NewHome(app, withLock: true, (CareServiceKind.HomeCare, app.World.ExternalUnit));
        var administrator = await app.ApiAs(Roles.SystemAdministrator);
        var keySet = await KeysTestData.HandOutSet(administrator, home.ClientId, app.World.ExternalUnit, DeviceArrange.Unique("R"));
        var officer = await app.ApiAs(Roles.CaseOfficer);
        var service = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/services/{home.ServiceIds[0]}");
        await (await officer.PutAsJsonAsync($"/api/v1/services/{home.ServiceIds[0]}", new
        {
            version = service.Version(), kind = "HomeCare", assessed = true, unitId = app.World.ExternalUnit,
            startDate = service.Text("startDate"), endDate = KeysTestData.Day(app.Clock.Today().AddDays(-1)),
        })).ShouldBeOk();
        var order = await Get(officer, (await OrdersOf(officer, home.ClientId, "Removal")).Single().Id());
        order = await WalkToRemove(app, order);
        var installer = await app.ApiAs(Roles.Installer);
        order = await AnswerToGoOn(installer, order);

        var waiting = await Complete(installer, order);
        var returned = await (await installer.PostAsJsonAsync($"/api/v1/key-sets/{keySet.Id()}/return", new
        {
            version = keySet.Version(), giverName = "Nils Norr", receiverName = "Greta Rutinsson", signedByReceiver = true,
        })).ShouldBeOk();
        var unlink = await (await Complete(installer, order)).ShouldBeOk();

        (await waiting.Content.ReadAsStringAsync()).ShouldContain("finns fortfarande hos Norr");
        await waiting.ShouldBeFieldError("keySets",
            $"Nyckeluppsättning {keySet.Text("keyNumber")} finns fortfarande hos Norr. Registrera återlämningen med nyckelkvittens under Fysiska nycklar och slutför sedan steget.");
        returned.Text("status").ShouldBe(nameof(KeySetStatus.ReturnedToClient));
        unlink.Text("currentStepCode").ShouldBe("removal.unlink");
        (await app.DeviceRow(home.LockId!.Value)).Status.ShouldBe(DeviceStatus.Installed, "the lock is taken down, but unlinked in the next step");

        order = await Finish(administrator, unlink, stockLocationId: app.World.StockLocationA);
        var unlinked = await app.DeviceRow(home.LockId!.Value);
        unlinked.HouseholdId.ShouldBeNull();
        unlinked.StockLocationId.ShouldBe(app.World.StockLocationA);
        order.Text("currentStepCode").ShouldBe("removal.entrance");

        order = await Finish(administrator, order, new Dictionary<string, string> { ["removal.entrance.still-needed"] = "no-unit" });
        order.Text("state").ShouldBe("Done");
        await using var db = app.SystemContext();
        var history = await db.AuditEntries.Where(a => a.EntityId == order.Id()).Select(a => a.Action).ToListAsync();
        history.Count(a => a.StartsWith(WorkOrderHistory.StepCompleted, StringComparison.Ordinal)).ShouldBe(6);
        await NotificationsHaveNoPersonalData(app, home.ClientId);
    }
}
