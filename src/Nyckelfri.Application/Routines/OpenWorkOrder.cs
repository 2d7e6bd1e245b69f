using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Identity;
using Nyckelfri.Notifications;
using Nyckelfri.Services;

namespace Nyckelfri.Routines;

/// <summary>
/// A person opens a work order: its first step is current at once and its owner is told. The subject
/// depends on the kind: a client (and so the household) for most; an entrance for entrance locks; a
/// mounted device for a battery change; nothing for a purchase. Anyone who works orders may report a
/// fault; any other kind is opened by the role owning its first step, or the system administrator.
/// </summary>
public sealed class OpenWorkOrder(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public RoutineKind? Kind { get; set; }
        public Guid? ClientId { get; set; }
        public Guid? EntranceId { get; set; }
        public Guid? DeviceId { get; set; }

        /// <summary>Change of provider: the unit the client moves to.</summary>
        public Guid? UnitId { get; set; }
        public string? Comment { get; set; }
    }

    public static bool NeedsClient(RoutineKind kind) => kind is not (RoutineKind.EntranceLockInstall or RoutineKind.EntranceLockRemoval
        or RoutineKind.BatteryChange or RoutineKind.Purchase or RoutineKind.FaultReport);

    public static bool NeedsEntrance(RoutineKind kind) => kind is RoutineKind.EntranceLockInstall or RoutineKind.EntranceLockRemoval;

    public async Task<Guid> Handle(Command command, CancellationToken ct)
    {
        var v = new Validator();
        var comment = v.Comment(command.Comment);
        if (command.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            v.Add(nameof(Command.Kind), "Välj vilket slags ärende som ska öppnas.");
            v.ThrowIfInvalid();
            return Guid.Empty;
        }
        var subject = await Subject(kind, command, v, ct);
        v.ThrowIfInvalid();

        var owners = await RoutineOwners.Load(db, db.Scope.MunicipalityId, ct);
        var first = RoutineCatalog.For(kind).Steps[0];
        var firstRole = owners.RoleFor(first, null);
        if (!db.Scope.IsSystem && kind != RoutineKind.FaultReport && !db.Scope.IsInRole(Roles.SystemAdministrator) && !db.Scope.IsInRole(firstRole))
            throw new RuleViolationException("work-order-not-your-step",
                $"Ett ärende av det här slaget öppnas av rollen {Roles.SwedishName(firstRole)}.");
        await RequireNoOpenInstall(kind, subject.HouseholdId, ct);

        var now = db.Clock.UtcNow();
        var number = await db.NextWorkOrderNumber(db.Scope.MunicipalityId, ct);
        var night = await RoutineOwners.NightSupervisionUnit(db, subject.ClientId, ct);
        var order = WorkOrder.Start(db.Scope.MunicipalityId, number, kind, subject, now, owners.For(subject.UnitId, night));
        if (kind == RoutineKind.Removal && subject.HouseholdId is { } h
            && ServiceRules.RemovalDueOn(await HouseholdFactsLoader.Load(db, h, ct), db.Scope.Today) is { } due)
            order.SetDue(due);
        if (comment is not null) order.AddComment(comment, db.Scope.UserName, now);
        db.WorkOrders.Add(order);
        db.Notify(order, NotificationTemplate.StepHandedOver);
        await db.SaveWorkOrder(order, WorkOrderHistory.Opened, comment, ct);
        return order.Id;
    }

    private async Task<WorkOrderSubject> Subject(RoutineKind kind, Command command, Validator v, CancellationToken ct)
    {
        Guid? clientId = null, householdId = null, entranceId = null, deviceId = null, unitId = null;
        if (command.ClientId is { } c)
        {
            var client = await db.Clients.AsNoTracking().Where(x => x.Id == c)
                .Select(x => new { x.Id, x.HouseholdId, EntranceId = x.Household!.EntranceId }).FirstOrDefaultAsync(ct);
            if (client is null) v.Add(nameof(Command.ClientId), "Brukaren finns inte.");
            else
            {
                (clientId, householdId) = (client.Id, client.HouseholdId);
                if (kind == RoutineKind.FaultReport) entranceId = client.EntranceId;
                // A move starts while the client still lives at the old address: the lock to move is the one on that door.
                if (kind == RoutineKind.Move) deviceId = await MountedLockId(client.HouseholdId, ct);
                unitId = await ClientUnit(client.Id, ct);
            }
        }
        else if (NeedsClient(kind)) v.Add(nameof(Command.ClientId), "Välj brukaren som ärendet gäller.");

        if (command.EntranceId is { } e && (NeedsEntrance(kind) || kind == RoutineKind.FaultReport))
        {
            if (!await db.Entrances.AnyAsync(x => x.Id == e, ct)) v.Add(nameof(Command.EntranceId), "Porten finns inte.");
            else entranceId = e;
        }
        else if (NeedsEntrance(kind)) v.Add(nameof(Command.EntranceId), "Välj porten som ärendet gäller.");

        if (kind == RoutineKind.FaultReport && clientId is null && entranceId is null)
            v.Add(nameof(Command.ClientId), "Välj brukaren eller porten där låset inte fungerar.");

        if (kind == RoutineKind.BatteryChange)
        {
            var device = command.DeviceId is { } d ? await db.Devices.AsNoTracking().FirstOrDefaultAsync(x => x.Id == d, ct) : null;
            if (device is null) v.Add(nameof(Command.DeviceId), "Välj enheten vars batteri ska bytas.");
            else if (!device.IsMounted) v.Add(nameof(Command.DeviceId), "Enheten sitter inte monterad på någon dörr.");
            else (deviceId, householdId, entranceId) = (device.Id, device.HouseholdId, device.EntranceId);
        }

        if (kind == RoutineKind.ChangeOfProvider)
        {
            var unit = command.UnitId is { } u ? await db.Units.WithoutScopeFilter().AsNoTracking()
                .FirstOrDefaultAsync(x => x.Id == u && x.MunicipalityId == db.Scope.MunicipalityId, ct) : null;
            if (unit is null) v.Add(nameof(Command.UnitId), "Välj enheten hos den nya utföraren.");
            else unitId = unit.Id;
        }
        return new WorkOrderSubject(clientId, householdId, entranceId, deviceId) { UnitId = unitId };
    }

    /// <summary>The unit serving the client: home care first, then any other ongoing service (every provider's).</summary>
    internal static Task<Guid?> ClientUnit(NyckelfriDbContext db, Guid clientId, CancellationToken ct)
    {
        var today = db.Scope.Today;
        return db.CareServices.WithoutScopeFilter()
            .Where(s => s.ClientId == clientId)
            .OrderBy(s => s.EndDate == null || s.EndDate >= today ? 0 : 1)
            .ThenBy(s => s.Kind == CareServiceKind.HomeCare ? 0 : 1)
            .ThenByDescending(s => s.EndDate ?? DateOnly.MaxValue)
            .Select(s => (Guid?)s.UnitId).FirstOrDefaultAsync(ct);
    }

    private Task<Guid?> ClientUnit(Guid clientId, CancellationToken ct) => ClientUnit(db, clientId, ct);

    private Task<Guid?> MountedLockId(Guid householdId, CancellationToken ct) =>
        db.Devices.WithoutScopeFilter().Where(d => d.Kind == DeviceKind.LockUnit && d.HouseholdId == householdId
                && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty))
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);

    private async Task RequireNoOpenInstall(RoutineKind kind, Guid? householdId, CancellationToken ct)
    {
        if (kind is not (RoutineKind.InstallAssessed or RoutineKind.InstallAlarmOnly) || householdId is null) return;
        var open = await db.WorkOrders.WithoutScopeFilter().Where(w => w.HouseholdId == householdId
                && (w.Kind == RoutineKind.InstallAssessed || w.Kind == RoutineKind.InstallAlarmOnly)
                && (w.State == WorkOrderState.Proposed || w.State == WorkOrderState.Open))
            .Select(w => (int?)w.Number).FirstOrDefaultAsync(ct);
        if (open is { } number)
            throw new RuleViolationException("duplicate", $"Hushållet har redan ett öppet installationsärende ({WorkOrder.FormatNumber(number)}).");
    }
}
