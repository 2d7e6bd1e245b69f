using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.Routines;
using Nyckelfri.Services;
using Xunit.Abstractions;

namespace Nyckelfri.IntegrationTests.Demo;

/// <summary>The demo's work orders (issue 4): every kind and state, consistent with the registry, the rules and the preset.</summary>
[Collection(GeneratedDemosCollection.Name)]
public sealed class DemoWorkOrdersTests(GeneratedDemos demos, ITestOutputHelper output)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task Generate_WorkOrders_EveryKindEveryStateAndSomeOverdue(DatabaseProvider provider)
    {
        var (database, _) = await demos.GetAsync(provider);
        await using var scope = database.Scope();
        var orders = await Db(scope).WorkOrders.Include(o => o.Answers).Include(o => o.Comments).ToListAsync();
        var today = database.Today;
        var now = FixedClock.Default.GetUtcNow().UtcDateTime;

        foreach (var group in orders.GroupBy(o => o.Kind).OrderBy(g => g.Key))
            output.WriteLine($"{group.Key,-24} {string.Join(", ", group.GroupBy(o => o.State).Select(s => $"{s.Key} {s.Count()}"))}");
        orders.Select(o => o.Kind).Distinct().Order().ShouldBe(Enum.GetValues<RoutineKind>());
        orders.Select(o => o.State).Distinct().Order().ShouldBe(Enum.GetValues<WorkOrderState>());
        orders.Where(o => o.Kind == RoutineKind.InstallAssessed).Select(o => o.State).Distinct().Count().ShouldBe(6);
        orders.Count(o => o.Kind == RoutineKind.InstallAssessed && o.IsOverdueOn(today)).ShouldBeGreaterThanOrEqualTo(2);
        orders.Count(o => o.Kind == RoutineKind.Removal && o.IsOverdueOn(today)).ShouldBeGreaterThanOrEqualTo(2);
        orders.Where(o => o.State == WorkOrderState.Stopped).ShouldAllBe(o => o.OutcomeCode != null && o.ClosingReason != null);
        orders.Where(o => o.State is WorkOrderState.Cancelled or WorkOrderState.Dismissed).ShouldAllBe(o => o.ClosingReason != null);
        orders.Where(o => o.IsClosed).ShouldAllBe(o => o.ClosedAt >= o.CreatedAt && o.CurrentStepCode == null);
        orders.Select(o => o.Number).Order().ShouldBe(Enumerable.Range(1, orders.Count));
        orders.ShouldAllBe(o => o.CreatedAt <= now && (o.ClosedAt == null || o.ClosedAt <= now));
        orders.ShouldAllBe(o => o.Answers.All(a => a.AnsweredAt >= o.CreatedAt && a.AnsweredAt <= now)
                                && o.Comments.All(c => c.At >= o.CreatedAt && c.At <= now));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Generate_Installs_OpenOnlyWhereNoLockHangs_DoneWhereOneDoes_NeverTwoOpenInAHome(DatabaseProvider provider)
    {
        var (database, _) = await demos.GetAsync(provider);
        await using var scope = database.Scope();
        var db = Db(scope);
        var mounted = await MountedLocksByHousehold(db);
        var installs = await db.WorkOrders.Where(o => o.Kind == RoutineKind.InstallAssessed || o.Kind == RoutineKind.InstallAlarmOnly).ToListAsync();

        var open = installs.Where(o => !o.IsClosed).ToList();
        open.Count.ShouldBeGreaterThanOrEqualTo(10);
        open.ShouldAllBe(o => o.HouseholdId != null && !mounted.ContainsKey(o.HouseholdId.Value));
        open.GroupBy(o => o.HouseholdId).ShouldAllBe(g => g.Count() == 1);
        var done = installs.Where(o => o.State == WorkOrderState.Done && o.OutcomeCode == null).ToList();
        done.Count.ShouldBeGreaterThanOrEqualTo(5);
        done.ShouldAllBe(o => mounted.ContainsKey(o.HouseholdId!.Value) && o.DeviceId == mounted[o.HouseholdId.Value].Id);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Generate_LocksNobodyNeeds_EachHasOneOpenRemovalDueFourteenDaysAfterTheLastEnd(DatabaseProvider provider)
    {
        var (database, _) = await demos.GetAsync(provider);
        await using var scope = database.Scope();
        var db = Db(scope);
        var today = database.Today;
        var mounted = await MountedLocksByHousehold(db);
        var homeOf = await db.Clients.ToDictionaryAsync(c => c.Id, c => c.HouseholdId);
        var needing = (await db.CareServices.ToListAsync())
            .Where(s => ServiceRules.NeedsLock(s.Kind)).GroupBy(s => homeOf[s.ClientId]).ToDictionary(g => g.Key, g => g.ToList());
        var removals = (await db.WorkOrders.Where(o => o.Kind == RoutineKind.Removal && (o.State == WorkOrderState.Proposed || o.State == WorkOrderState.Open)).ToListAsync())
            .ToLookup(o => o.HouseholdId);

        var unneeded = mounted.Keys.Where(h => needing[h].All(s => s.EndDate < today)).ToList();
        output.WriteLine($"{unneeded.Count} locks where every service has ended");
        unneeded.Count.ShouldBeGreaterThan(3);
        foreach (var household in unneeded)
            removals[household].ShouldHaveSingleItem().DueOn.ShouldBe(needing[household].Max(s => s.EndDate)!.Value.AddDays(14));
        removals.SelectMany(r => r).ShouldAllBe(o => mounted.ContainsKey(o.HouseholdId!.Value));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Generate_DailySweep_FindsNoRemovalMissing(DatabaseProvider provider)
    {
        var (database, _) = await demos.GetAsync(provider);
        Guid municipalityId;
        await using (var read = database.Scope()) municipalityId = await Db(read).Municipalities.Select(m => m.Id).SingleAsync();
        await using var scope = database.SystemScope(municipalityId);

        (await new RoutineRules(Db(scope)).Sweep(municipalityId, CancellationToken.None)).ShouldBe(0);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Generate_BatteryTasksAndFaults_EachOpenTaskAndFaultyDeviceHasItsOpenOrder(DatabaseProvider provider)
    {
        var (database, _) = await demos.GetAsync(provider);
        await using var scope = database.Scope();
        var db = Db(scope);
        var orders = await db.WorkOrders.ToListAsync();
        var openTasks = await db.PendingTasks.Where(t => t.Kind == PendingTaskKind.BatteryChange && t.Status == PendingTaskStatus.Open).ToListAsync();
        var openBattery = orders.Where(o => o.Kind == RoutineKind.BatteryChange && !o.IsClosed).ToList();

        openTasks.Count.ShouldBeGreaterThan(5);
        openBattery.Select(o => o.DeviceId).Order().ShouldBe(openTasks.Select(t => (Guid?)t.DeviceId).Order());
        openBattery.ShouldAllBe(o => o.OwnerRole == Roles.Coordinator && o.OwnerUnitId == openTasks.Single(t => t.DeviceId == o.DeviceId).UnitId);
        orders.Count(o => o.Kind == RoutineKind.BatteryChange && o.State == WorkOrderState.Done)
            .ShouldBe(await db.PendingTasks.CountAsync(t => t.Kind == PendingTaskKind.BatteryChange && t.Status == PendingTaskStatus.Done));

        var faulty = await db.Devices.Where(d => d.Status == DeviceStatus.Faulty).ToListAsync();
        var openFaults = orders.Where(o => o.Kind == RoutineKind.FaultReport && !o.IsClosed).ToList();
        faulty.Where(d => d.IsMounted).ShouldAllBe(d => openFaults.Count(o => o.DeviceId == d.Id) == 1);
        var entranceFault = openFaults.Where(o => faulty.Any(d => d.Id == o.DeviceId && d.Kind == DeviceKind.EntranceUnit)).ShouldHaveSingleItem();
        entranceFault.CurrentStepCode.ShouldBe("fault.book");
        entranceFault.OwnerRole.ShouldBe(Roles.Locksmith);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Generate_WorkOrders_OwnedAsTheirPresetSaysAndNothingInTheOutbox(DatabaseProvider provider)
    {
        var (database, _) = await demos.GetAsync(provider);
        foreach (var (code, preset) in new[] { ("demo", RoutinePreset.Salem), ("demo-botkyrka", RoutinePreset.Botkyrka) })
        {
            await using var scope = database.Scope(code);
            var db = Db(scope);
            var orders = await db.WorkOrders.Include(o => o.Answers).ToListAsync();
            var units = await db.Units.Select(u => u.Id).ToListAsync();

            orders.ShouldNotBeEmpty(code);
            foreach (var order in orders.Where(o => !o.IsClosed))
            {
                var step = order.CurrentStep ?? order.Definition.Steps[0];
                var route = step.RoutedBy is { } routing ? order.LatestAnswer(routing) ?? RoutineCatalog.FaultRoutes.HouseholdLock : null;
                order.OwnerRole.ShouldBe(RoutinePresets.Owner(preset, step.Code, route), $"{code} {order.Reference} {step.Code}");
                if (Roles.ProviderScoped.Contains(order.OwnerRole!) && order.UnitId is not null)
                    units.ShouldContain(order.OwnerUnitId!.Value);
            }
            orders.SelectMany(o => o.Answers.Select(a => (o.Kind, a.StepCode))).ShouldAllBe(a => RoutineCatalog.RoutineOf(a.StepCode).Kind == a.Kind);
            orders.SelectMany(o => o.Answers).ShouldAllBe(a => a.AnsweredBy != "" && a.AnsweredBy != "system");
            (await db.Notifications.CountAsync()).ShouldBe(0, code);
        }

        await using var botkyrka = database.Scope("demo-botkyrka");
        var second = await Db(botkyrka).WorkOrders.ToListAsync();
        second.ShouldContain(o => o.State == WorkOrderState.Done && o.Kind == RoutineKind.InstallAssessed);
        second.ShouldContain(o => o.Kind == RoutineKind.Removal && !o.IsClosed && o.OwnerRole == Roles.Installer,
            "Botkyrka's alarm group checks the services (removal.check: IN)");
        second.ShouldContain(o => o.Kind == RoutineKind.InstallAssessed && o.CurrentStepCode == "install.order" && o.OwnerRole == Roles.CaseOfficer);
    }

    private static NyckelfriDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>();

    private static async Task<Dictionary<Guid, Device>> MountedLocksByHousehold(NyckelfriDbContext db) =>
        (await db.Devices.Where(d => d.Kind == DeviceKind.LockUnit && d.HouseholdId != null).ToListAsync())
        .Where(d => d.IsMounted).ToDictionary(d => d.HouseholdId!.Value);
}
