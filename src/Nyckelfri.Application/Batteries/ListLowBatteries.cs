using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Batteries;

/// <summary>
/// "Låga batterier": the mounted devices whose battery is below the municipality's threshold or is
/// forecast to run out within <see cref="HorizonDays"/> days, lowest first, with where they are, who
/// lives there and the open battery change. A provider's user sees only its own clients' devices
/// (the query filters). No personnummer: the names tell the staff whose door it is.
/// </summary>
public sealed class ListLowBatteries(NyckelfriDbContext db) : IHandler
{
    public const int HorizonDays = 30;

    /// <param name="UnitId">Devices at the homes of clients with a service of this unit today, and the entrance units in front of them.</param>
    public sealed record Query(Guid? UnitId = null, DeviceKind? Kind = null, int? Page = null, int? PageSize = null);

    public sealed record OpenTask(Guid Id, int Version, Guid? UnitId, string? UnitName, int Level, DateTime OpenedAt);

    public sealed record Item(Guid DeviceId, string SerialNumber, DeviceKind Kind, DeviceStatus Status, int Level, DateTime ReportedAt,
        bool BelowThreshold, int? DaysLeft, DateOnly? EmptyOn, Guid? HouseholdId, Guid? EntranceId, string Address,
        string? Apartment, string? EntranceName, IReadOnlyList<string> ClientNames, OpenTask? Task);

    /// <summary>The caller's municipality's threshold, in percent.</summary>
    public async Task<int> Threshold(CancellationToken ct) =>
        await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == db.Scope.MunicipalityId)
            .Select(m => (int?)m.BatteryThreshold)
            .FirstOrDefaultAsync(ct) ?? Tenancy.Municipality.DefaultBatteryThreshold;

    public async Task<Page<Item>> Handle(Query query, CancellationToken ct)
    {
        var threshold = await Threshold(ct);
        var horizon = db.Scope.Today.AddDays(HorizonDays);
        var devices = db.Devices.AsNoTracking()
            .Where(d => d.Status == DeviceStatus.Installed || (d.Status == DeviceStatus.Faulty && (d.HouseholdId != null || d.EntranceId != null)))
            .Where(d => d.BatteryLevel != null && d.BatteryReportedAt != null)
            .Where(d => d.BatteryLevel < threshold || d.BatteryEmptyOn <= horizon);
        if (query.Kind is { } kind) devices = devices.Where(d => d.Kind == kind);
        if (query.UnitId is { } unitId) devices = ServedBy(devices, unitId);

        var page = await devices
            .OrderBy(d => d.BatteryLevel).ThenBy(d => d.SerialNumber)
            .Select(d => new Item(d.Id, d.SerialNumber, d.Kind, d.Status, d.BatteryLevel!.Value, d.BatteryReportedAt!.Value,
                d.BatteryLevel < threshold, null, d.BatteryEmptyOn, d.HouseholdId, d.EntranceId,
                d.HouseholdId != null
                    ? d.Household!.Address!.Street + ", " + d.Household.Address.City
                    : d.Entrance!.Address!.Street + ", " + d.Entrance.Address.City,
                d.Household!.Apartment, d.Entrance!.Name, Array.Empty<string>(), null))
            .ToPageAsync(query.Page, query.PageSize, ct);
        return page with { Items = await Complete(page.Items, ct) };
    }

    private IQueryable<Device> ServedBy(IQueryable<Device> devices, Guid unitId)
    {
        var today = db.Scope.Today;
        var households = db.Clients
            .Where(c => c.Services.Any(s => s.UnitId == unitId && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today)))
            .Select(c => c.HouseholdId);
        return devices.Where(d => (d.HouseholdId != null && households.Contains(d.HouseholdId.Value))
                                  || (d.EntranceId != null && db.Households.Any(h => h.EntranceId == d.EntranceId && households.Contains(h.Id))));
    }

    /// <summary>Names, open tasks and forecasts for the rows of one page, in one query each (SQLite has no APPLY).</summary>
    private async Task<IReadOnlyList<Item>> Complete(IReadOnlyList<Item> items, CancellationToken ct)
    {
        if (items.Count == 0) return items;
        var ids = items.Select(i => i.DeviceId).ToList();
        var householdIds = items.Where(i => i.HouseholdId is not null).Select(i => i.HouseholdId!.Value).ToList();
        var entranceIds = items.Where(i => i.EntranceId is not null).Select(i => i.EntranceId!.Value).ToList();

        var clients = await db.Clients.AsNoTracking()
            .Where(c => householdIds.Contains(c.HouseholdId)
                        || (c.Household!.EntranceId != null && entranceIds.Contains(c.Household.EntranceId.Value)))
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName)
            .Select(c => new { c.HouseholdId, c.Household!.EntranceId, Name = c.FirstName + " " + c.LastName })
            .ToListAsync(ct);
        var tasks = await db.PendingTasks.AsNoTracking()
            .Where(t => ids.Contains(t.DeviceId) && t.Kind == PendingTaskKind.BatteryChange && t.Status == PendingTaskStatus.Open)
            .Select(t => new
            {
                t.DeviceId,
                Task = new OpenTask(t.Id, t.Version, t.UnitId,
                    db.Units.Where(u => u.Id == t.UnitId).Select(u => u.Provider!.Name + " – " + u.Name).FirstOrDefault(),
                    t.Level, t.OpenedAt),
            })
            .ToDictionaryAsync(t => t.DeviceId, t => t.Task, ct);
        var now = db.Clock.UtcNow();
        var readings = await RecentReadings(ids, now, ct);

        return items.Select(i =>
        {
            var forecast = BatteryForecast.From(readings[i.DeviceId], now);
            var names = clients.Where(c => i.HouseholdId is { } h ? c.HouseholdId == h : c.EntranceId == i.EntranceId)
                .Select(c => c.Name).Distinct().ToList();
            return i with { DaysLeft = forecast.DaysLeft, EmptyOn = forecast.EmptyOn, ClientNames = names, Task = tasks.GetValueOrDefault(i.DeviceId) };
        }).ToList();
    }

    private async Task<ILookup<Guid, (DateTime At, int Level)>> RecentReadings(List<Guid> ids, DateTime now, CancellationToken ct)
    {
        var since = now - BatteryForecast.Window;
        var rows = await db.BatteryReadings.AsNoTracking()
            .Where(r => ids.Contains(r.DeviceId) && r.At >= since)
            .Select(r => new { r.DeviceId, r.At, r.Level })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.DeviceId, r => (r.At, r.Level));
    }
}
