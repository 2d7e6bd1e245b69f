using Nyckelfri.Common;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Notifications;
using Nyckelfri.Services;

namespace Nyckelfri.Routines;

/// <summary>
/// Runs <see cref="ServiceRules"/> against the database: after a service change (in the same
/// transaction as the change), from a step's answers (an entrance lock is needed …), for a low
/// battery, and in the daily sweep that catches what no change announced (a removal cancelled while
/// the lock is still unneeded, an end date that passed). Opens orders; saves nothing itself.
/// </summary>
public sealed class RoutineRules(NyckelfriDbContext db) : IHandler
{
    /// <summary>After a service was added or edited (and saved): opens or proposes what the rules say.</summary>
    public async Task<IReadOnlyList<WorkOrder>> Follow(Guid householdId, ServiceChange change, CancellationToken ct)
    {
        var facts = await HouseholdFactsLoader.Load(db, householdId, ct);
        return await Open(facts, ServiceRules.Evaluate(facts, change, db.Scope.Today), ct);
    }

    /// <summary>The daily sweep: every household with a mounted lock; opens the removals that are missing.</summary>
    public async Task<int> Sweep(Guid municipalityId, CancellationToken ct)
    {
        var households = await db.Devices.WithoutScopeFilter()
            .Where(d => d.MunicipalityId == municipalityId && d.Kind == DeviceKind.LockUnit && d.HouseholdId != null
                        && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty))
            .Select(d => d.HouseholdId!.Value).Distinct().ToListAsync(ct);
        var opened = 0;
        foreach (var chunk in households.Chunk(200))
            foreach (var facts in await HouseholdFactsLoader.Load(db, chunk, ct))
                opened += (await Open(facts, ServiceRules.Evaluate(facts, new ServiceChange.None(), db.Scope.Today), ct)).Count;
        return opened;
    }

    /// <summary>A completed step's answer proposes another routine for the same client, household or entrance.</summary>
    public async Task<WorkOrder?> ProposeFrom(WorkOrder source, RoutineKind kind, CancellationToken ct)
    {
        var entranceId = source.EntranceId ?? (source.HouseholdId is { } h
            ? await db.Households.WithoutScopeFilter().Where(x => x.Id == h).Select(x => x.EntranceId).FirstOrDefaultAsync(ct)
            : null);
        var subject = kind is RoutineKind.EntranceLockInstall or RoutineKind.EntranceLockRemoval
            ? new WorkOrderSubject(null, null, entranceId, null) { UnitId = source.UnitId }
            : new WorkOrderSubject(source.ClientId, source.HouseholdId, null, null) { UnitId = source.UnitId };
        if (kind is RoutineKind.EntranceLockInstall or RoutineKind.EntranceLockRemoval && entranceId is null) return null;
        if (await AlreadyOpen(kind, subject, ct)) return null;
        return await Propose(kind, subject, $"Föreslaget av ärende {source.Reference}.", null, ct);
    }

    /// <summary>A battery went below the threshold (issue 3's battery task): a battery change opens for the unit serving the home.</summary>
    public async Task<WorkOrder?> BatteryLow(Device device, Guid? unitId, CancellationToken ct)
    {
        if (await db.WorkOrders.WithoutScopeFilter().AnyAsync(w => w.DeviceId == device.Id && w.Kind == RoutineKind.BatteryChange
                && (w.State == WorkOrderState.Proposed || w.State == WorkOrderState.Open), ct)
            || db.WorkOrders.Local.Any(w => w.DeviceId == device.Id && w.Kind == RoutineKind.BatteryChange && !w.IsClosed))
            return null;
        var subject = new WorkOrderSubject(null, device.HouseholdId, device.EntranceId, device.Id) { UnitId = unitId };
        return await Start(RoutineKind.BatteryChange, subject, null, device.MunicipalityId, ct);
    }

    /// <summary>The battery's level is back (a new battery, reported) or the task was marked done: the battery change closes.</summary>
    public async Task CloseBatteryChanges(Guid deviceId, string reason, CancellationToken ct)
    {
        var orders = await db.WorkOrders.WithoutScopeFilter().Where(w => w.DeviceId == deviceId && w.Kind == RoutineKind.BatteryChange
            && (w.State == WorkOrderState.Proposed || w.State == WorkOrderState.Open)).ToListAsync(ct);
        foreach (var order in orders)
        {
            order.CloseAsDone(reason, db.Clock.UtcNow());
            db.Record(order, WorkOrderHistory.ClosedElsewhere, reason);
        }
    }

    private async Task<IReadOnlyList<WorkOrder>> Open(HouseholdFacts facts, IReadOnlyList<RuleAction> actions, CancellationToken ct)
    {
        var opened = new List<WorkOrder>();
        foreach (var action in actions)
        {
            if (action.SetsDueOfOpenOrder)
            {
                await SetDue(facts.HouseholdId, action, ct);
                continue;
            }
            var subject = new WorkOrderSubject(action.ClientId, facts.HouseholdId, null, null) { UnitId = action.UnitId };
            opened.Add(action.Proposed
                ? await Propose(action.Kind, subject, action.Reason, action.DueOn, ct)
                : await Start(action.Kind, subject, action.DueOn, null, ct, action.Reason));
        }
        return opened;
    }

    /// <summary>The household's open orders of the action's kind get its due date (a removal whose last service end moved).</summary>
    private async Task SetDue(Guid householdId, RuleAction action, CancellationToken ct)
    {
        if (action.DueOn is not { } due) return;
        var stored = await db.WorkOrders.WithoutScopeFilter().Where(w => w.HouseholdId == householdId && w.Kind == action.Kind
            && (w.State == WorkOrderState.Proposed || w.State == WorkOrderState.Open)).ToListAsync(ct);
        foreach (var order in stored.Union(db.WorkOrders.Local.Where(w => w.HouseholdId == householdId && w.Kind == action.Kind && !w.IsClosed))
                     .Where(o => o.DueOn != due))
        {
            order.SetDue(due);
            db.Record(order, WorkOrderHistory.DueChanged, action.Reason);
        }
    }

    private async Task<WorkOrder> Propose(RoutineKind kind, WorkOrderSubject subject, string reason, DateOnly? due, CancellationToken ct)
    {
        var municipalityId = db.Scope.MunicipalityId;
        var owners = await RoutineOwners.Load(db, municipalityId, ct);
        var order = WorkOrder.Propose(municipalityId, await db.NextWorkOrderNumber(municipalityId, ct), kind, subject, db.Clock.UtcNow(), reason,
            owners.For(subject.UnitId, await RoutineOwners.NightSupervisionUnit(db, subject.ClientId, ct)));
        if (due is { } d) order.SetDue(d);
        db.WorkOrders.Add(order);
        db.Notify(order, NotificationTemplate.Proposed);
        db.Record(order, WorkOrderHistory.Proposed, reason);
        return order;
    }

    private async Task<WorkOrder> Start(RoutineKind kind, WorkOrderSubject subject, DateOnly? due, Guid? municipality, CancellationToken ct,
        string? reason = null)
    {
        var municipalityId = municipality ?? db.Scope.MunicipalityId;
        var owners = await RoutineOwners.Load(db, municipalityId, ct);
        var order = WorkOrder.Start(municipalityId, await db.NextWorkOrderNumber(municipalityId, ct), kind, subject, db.Clock.UtcNow(),
            owners.For(subject.UnitId, await RoutineOwners.NightSupervisionUnit(db, subject.ClientId, ct)));
        if (due is { } d) order.SetDue(d);
        db.WorkOrders.Add(order);
        db.Notify(order, NotificationTemplate.StepHandedOver);
        db.Record(order, WorkOrderHistory.Opened, reason ?? "Öppnat av regel.");
        return order;
    }

    /// <summary>
    /// An order of the kind is open for the same household (or entrance). The two install kinds count as one: a household
    /// has at most one open install of either kind (the filtered unique index would refuse a second one).
    /// </summary>
    private async Task<bool> AlreadyOpen(RoutineKind kind, WorkOrderSubject subject, CancellationToken ct)
    {
        RoutineKind[] kinds = kind is RoutineKind.InstallAssessed or RoutineKind.InstallAlarmOnly
            ? [RoutineKind.InstallAssessed, RoutineKind.InstallAlarmOnly]
            : [kind];
        return db.WorkOrders.Local.Any(w => kinds.Contains(w.Kind) && !w.IsClosed && Same(w, subject))
            || await db.WorkOrders.WithoutScopeFilter().AnyAsync(w => kinds.Contains(w.Kind)
            && (w.State == WorkOrderState.Proposed || w.State == WorkOrderState.Open)
            && (subject.EntranceId != null && subject.HouseholdId == null ? w.EntranceId == subject.EntranceId : w.HouseholdId == subject.HouseholdId), ct);
    }

    private static bool Same(WorkOrder w, WorkOrderSubject s) =>
        s.EntranceId != null && s.HouseholdId == null ? w.EntranceId == s.EntranceId : w.HouseholdId == s.HouseholdId;

    /// <summary>The service as the rules see it (its unit's provider loaded or looked up).</summary>
    internal static async Task<ServiceFact> Fact(NyckelfriDbContext db, CareService s, CancellationToken ct)
    {
        var provider = s.Unit?.ProviderId ?? await db.Units.WithoutScopeFilter().Where(u => u.Id == s.UnitId).Select(u => u.ProviderId).FirstAsync(ct);
        return new ServiceFact(s.ClientId, s.Kind, s.Assessed, s.UnitId, provider, s.StartDate, s.EndDate);
    }
}
