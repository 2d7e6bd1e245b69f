using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Households;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Properties;
using Nyckelfri.Routines;
using Nyckelfri.Services;
using static Nyckelfri.IntegrationTests.Routines.RoutineWalk;

namespace Nyckelfri.IntegrationTests.Routines;

/// <summary>
/// Move (ROUTINES.md 6) through the API in the Salem preset: the order is about the lock on the old
/// door; the lock is moved only once the client's new household is registered, and then it hangs on
/// the new door and no longer on the old one.
/// </summary>
[Collection(AppCollections.Routines)]
public sealed class MoveApiTests(AppFixture fixture)
{
    /// <summary>
    /// The registry has no endpoint that moves a client to another household (households are created with
    /// their first client, or joined by registering a new cohabitant), so the move is registered here with
    /// the domain's own <see cref="Household.AddCohabitant"/>, straight in the database.
    /// </summary>
    private static async Task<Guid> MoveClientToNewHousehold(NyckelfriApp app, Guid clientId)
    {
        await using var db = app.SystemContext();
        var client = await db.Clients.Include(c => c.Household).ThenInclude(h => h!.Clients).SingleAsync(c => c.Id == clientId);
        var address = new Address(client.MunicipalityId, $"Flyttgränd {Random.Shared.Next(1, 999)}", "543 21", "Teststad");
        var household = new Household(address, "1201");
        household.AddCohabitant(client);
        db.AddRange(address, household);
        await db.SaveChangesAsync();
        return household.Id;
    }

    private static async Task<bool> HasMountedLock(NyckelfriApp app, Guid householdId)
    {
        await using var db = app.SystemContext();
        return await db.Devices.AnyAsync(d => d.Kind == DeviceKind.LockUnit && d.HouseholdId == householdId
            && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Move_WaitsForTheNewAddress_ThenMovesTheLockToTheNewHousehold(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await UsePreset(app, RoutinePreset.Salem);
        var home = await NewHome(app, withLock: true, (CareServiceKind.HomeCare, app.World.ExternalUnit));
        var lockId = home.LockId!.Value;
        var keyNumber = (await app.DeviceRow(lockId)).KeyNumber;
        var officer = await app.ApiAs(Roles.CaseOfficer);
        var installer = await app.ApiAs(Roles.Installer);

        var order = await Open(officer, new { kind = "Move", clientId = home.ClientId });

        order.Text("kind").ShouldBe("Move");
        order.Text("currentStepCode").ShouldBe("move.notify");
        order.GetProperty("about").GetProperty("deviceId").GetGuid().ShouldBe(lockId, "the lock on the old door is the one to move");
        order.GetProperty("about").GetProperty("householdId").GetGuid().ShouldBe(home.HouseholdId);

        order = await Finish(officer, order);
        order.Text("currentStepCode").ShouldBe("move.order");
        order = await Finish(await app.ApiAs(Roles.FeeOfficer), order);
        order.Text("currentStepCode").ShouldBe("move.book");
        order = await Finish(installer, await Book(installer, order, app.Clock.Today().AddDays(1)));
        order.Text("currentStepCode").ShouldBe("move.move");
        order.ShouldBeOwnedBy(Roles.Installer, null);
        order = await AnswerToGoOn(installer, order);

        var early = await Complete(installer, order, stockLocationId: app.World.StockLocationA);

        var text = await early.Content.ReadAsStringAsync();
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
        JsonDocument.Parse(text).RootElement.Text("type").ShouldBe("https://nyckelfri.se/problem/move-no-new-address");
        var untouched = await app.DeviceRow(lockId);
        untouched.Status.ShouldBe(DeviceStatus.Installed);
        untouched.HouseholdId.ShouldBe(home.HouseholdId, "the lock stays on the old door until the new address is registered");
        var unchanged = await Get(installer, order.Id());
        unchanged.Text("currentStepCode").ShouldBe("move.move", "nothing of the step was saved");
        unchanged.Version().ShouldBe(order.Version());

        var newHousehold = await MoveClientToNewHousehold(app, home.ClientId);
        order = await (await Complete(installer, order, stockLocationId: app.World.StockLocationA)).ShouldBeOk();

        order.Text("currentStepCode").ShouldBe("move.link");
        order.GetProperty("about").GetProperty("deviceId").GetGuid().ShouldBe(lockId);
        var moved = await app.DeviceRow(lockId);
        moved.Status.ShouldBe(DeviceStatus.Installed);
        moved.HouseholdId.ShouldBe(newHousehold);
        moved.KeyNumber.ShouldBe(keyNumber, "the lock keeps its label");
        (await HasMountedLock(app, home.HouseholdId)).ShouldBeFalse("the old door has no lock any more");
        (await HasMountedLock(app, newHousehold)).ShouldBeTrue();

        order = await Finish(await app.ApiAs(Roles.SystemAdministrator), order);
        order.Text("currentStepCode").ShouldBe("move.entrance");
        order = await Finish(await app.ApiAs(Roles.FeeOfficer), order, new Dictionary<string, string>
        {
            ["move.entrance.old-address"] = "no-unit", ["move.entrance.new-address"] = "not-needed",
        });

        order.Text("state").ShouldBe("Done");
        (await OrdersOf(officer, home.ClientId)).Select(o => o.Text("kind")).ShouldBe(["Move"], "no entrance routine was proposed");
        await using (var db = app.SystemContext())
        {
            var history = await db.AuditEntries.Where(a => a.EntityId == order.Id()).Select(a => a.Action).ToListAsync();
            history.Count(a => a.StartsWith(WorkOrderHistory.StepCompleted, StringComparison.Ordinal)).ShouldBe(6);
            var lockHistory = await db.AuditEntries.Where(a => a.EntityId == lockId).Select(a => new { a.Action, a.Reason }).ToListAsync();
            lockHistory.ShouldContain(a => a.Action == DeviceHistory.Uninstalled && a.Reason!.Contains(order.Text("reference")!));
            lockHistory.ShouldContain(a => a.Action == DeviceHistory.Installed && a.Reason!.Contains(order.Text("reference")!),
                "the device's history names the order that moved it");
        }
        await NotificationsHaveNoPersonalData(app, home.ClientId);
    }
}
