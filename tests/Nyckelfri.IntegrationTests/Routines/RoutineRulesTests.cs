using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Routines;
using Nyckelfri.Services;

namespace Nyckelfri.IntegrationTests.Routines;

/// <summary>What the randomized model test (unit tests, RoutineModelTests) found in RoutineRules, on both databases.</summary>
[Collection(AppCollections.Routines)]
public sealed class RoutineRulesTests(AppFixture fixture)
{
    private static NyckelfriDbContext Context(NyckelfriApp app) => app.Database.CreateContext(
        new AccessScope { IsSystem = true, MunicipalityId = app.World.MunicipalityA, UserName = "Test", Today = app.Clock.Today() }, app.Clock);

    private static async Task<WorkOrder> Start(NyckelfriDbContext db, NyckelfriApp app, RoutineKind kind, BatteryHomes.Home home)
    {
        var owners = (await RoutineOwners.Load(db, app.World.MunicipalityA, CancellationToken.None)).For(app.World.InternalUnit);
        var number = (await db.WorkOrders.Where(w => w.MunicipalityId == app.World.MunicipalityA).MaxAsync(w => (int?)w.Number) ?? 0) + 1;
        var order = WorkOrder.Start(app.World.MunicipalityA, number, kind,
            new WorkOrderSubject(home.ClientId, home.HouseholdId, null, null) { UnitId = app.World.InternalUnit }, app.Clock.UtcNow(), owners);
        db.WorkOrders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task CompleteStep_CohabitantHasNoLockWhileAnAlarmOnlyInstallIsOpen_StopsWithoutASecondInstall(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var home = await BatteryHomes.MountedAsync(app, app.World.InternalUnit);
        Guid cohabitant;
        int version;
        await using (var db = Context(app))
        {
            await Start(db, app, RoutineKind.InstallAlarmOnly, home);
            var order = await Start(db, app, RoutineKind.CohabitantJoins, home);
            order.Answer("cohabitant.order.service", "yes", null, "Test", app.Clock.UtcNow());
            order.Answer("cohabitant.order.lock", "no", null, "Test", app.Clock.UtcNow());
            await db.SaveChangesAsync();
            (cohabitant, version) = (order.Id, order.Version);
        }

        // Before the fix, the proposed install hit the one-open-install index and the step could not be completed at all.
        await using (var db = Context(app))
            await new CompleteStep(db, new RoutineRules(db)).Handle(cohabitant, new CompleteStep.Command { Version = version }, CancellationToken.None);

        await using var check = app.SystemContext();
        var orders = await check.WorkOrders.Where(w => w.HouseholdId == home.HouseholdId).ToListAsync();
        orders.Single(o => o.Id == cohabitant).OutcomeCode.ShouldBe(RoutineOutcomes.NoLockToJoin.Code);
        orders.Where(o => !o.IsClosed).Select(o => o.Kind).ShouldBe([RoutineKind.InstallAlarmOnly]);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Follow_LastServiceEndsWhileARemovalIsAlreadyOpen_TheRemovalIsDueFourteenDaysAfterTheEnd(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var home = await BatteryHomes.MountedAsync(app, app.World.InternalUnit);
        var today = app.Clock.Today();
        Guid removal;
        await using (var db = Context(app))
        {
            // Opened by hand while the home care still ran: no due date yet (OpenWorkOrder sets one only once the need has ended).
            var order = await Start(db, app, RoutineKind.Removal, home);
            order.DueOn.ShouldBeNull();
            removal = order.Id;
        }

        await using (var db = Context(app))
        {
            var service = await db.CareServices.Include(s => s.Unit).SingleAsync(s => s.ClientId == home.ClientId);
            var before = await RoutineRules.Fact(db, service, CancellationToken.None);
            service.ChangePeriod(service.StartDate, today.AddDays(-3));
            await db.SaveChangesAsync();
            (await new RoutineRules(db).Follow(home.HouseholdId, new ServiceChange.Edited(before, before with { End = today.AddDays(-3) }), CancellationToken.None))
                .ShouldBeEmpty("no second removal");
            await db.SaveChangesAsync();
        }

        await using var check = app.SystemContext();
        (await check.WorkOrders.SingleAsync(w => w.Id == removal)).DueOn.ShouldBe(today.AddDays(11));
        (await check.AuditEntries.CountAsync(a => a.EntityId == removal && a.Action == WorkOrderHistory.DueChanged)).ShouldBe(1);
    }
}
