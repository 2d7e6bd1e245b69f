using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Batteries;

/// <summary>
/// Battery changes, open or done, newest first; until the work-order inbox (issue 4) shows them,
/// this is where the provider finds them. A provider's user sees those of its own clients' devices.
/// </summary>
public sealed class ListBatteryTasks(NyckelfriDbContext db) : IHandler
{
    /// <param name="UnitId">Tasks for this unit.</param>
    public sealed record Query(PendingTaskStatus? Status = null, Guid? UnitId = null, int? Page = null, int? PageSize = null);

    public sealed record Item(Guid Id, int Version, PendingTaskStatus Status, Guid DeviceId, string SerialNumber, DeviceKind DeviceKind,
        string Address, string? Apartment, string? EntranceName, Guid? UnitId, string? UnitName, int Level, int? CurrentLevel,
        DateTime OpenedAt, DateTime? DoneAt, string? DoneBy, string? Note);

    public async Task<Page<Item>> Handle(Query query, CancellationToken ct)
    {
        var tasks = db.PendingTasks.AsNoTracking().Where(t => t.Kind == PendingTaskKind.BatteryChange);
        if (query.Status is { } status) tasks = tasks.Where(t => t.Status == status);
        if (query.UnitId is { } unitId) tasks = tasks.Where(t => t.UnitId == unitId);
        return await tasks
            .OrderByDescending(t => t.OpenedAt).ThenBy(t => t.Id)
            .Select(ToItem())
            .ToPageAsync(query.Page, query.PageSize, ct);
    }

    /// <summary>One battery change; not found when the caller may not see its device.</summary>
    public async Task<Item> Get(Guid id, CancellationToken ct) =>
        await db.PendingTasks.AsNoTracking()
            .Where(t => t.Id == id && t.Kind == PendingTaskKind.BatteryChange)
            .Select(ToItem())
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Uppgiften");

    private Expression<Func<PendingTask, Item>> ToItem() => t => new Item(
        t.Id, t.Version, t.Status, t.DeviceId, t.Device!.SerialNumber, t.Device.Kind,
        t.Device.HouseholdId != null
            ? t.Device.Household!.Address!.Street + ", " + t.Device.Household.Address.City
            : t.Device.EntranceId != null ? t.Device.Entrance!.Address!.Street + ", " + t.Device.Entrance.Address.City : "Inte monterad",
        t.Device.Household!.Apartment, t.Device.Entrance!.Name, t.UnitId,
        db.Units.Where(u => u.Id == t.UnitId).Select(u => u.Provider!.Name + " – " + u.Name).FirstOrDefault(),
        t.Level, t.Device.BatteryLevel, t.OpenedAt, t.DoneAt, t.DoneBy, t.Note);
}
