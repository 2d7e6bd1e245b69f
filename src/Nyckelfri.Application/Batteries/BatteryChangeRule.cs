using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Routines;
using Nyckelfri.Services;

namespace Nyckelfri.Batteries;

/// <summary>
/// Seed 002 §8: the provider keeps an eye on the batteries and changes them. A mounted device whose
/// battery is below the municipality's threshold gets one open battery change, for the unit that
/// serves the home; a level at or above the threshold closes it. The unique index on open tasks
/// backs the "one" up when two reports race (the later save gets a 409). The battery change is
/// also a work order (ROUTINES.md 10) in the owning role's inbox; it closes with the task.
/// </summary>
public sealed class BatteryChangeRule(NyckelfriDbContext db, RoutineRules routines) : IHandler
{
    /// <summary>Opens and closes battery changes for devices whose current level just changed. Saves nothing.</summary>
    public async Task<(int Opened, int Closed)> Follow(IReadOnlyCollection<Device> devices, DateTime now, CancellationToken ct)
    {
        if (devices.Count == 0) return (0, 0);
        var ids = devices.Select(d => d.Id).ToList();
        var municipalityIds = devices.Select(d => d.MunicipalityId).Distinct().ToList();
        var thresholds = await db.Municipalities.WithoutScopeFilter()
            .Where(m => municipalityIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.BatteryThreshold, ct);
        // The devices are visible to the caller; their tasks are read whoever the caller is.
        var tasks = await db.PendingTasks.WithoutScopeFilter()
            .Where(t => ids.Contains(t.DeviceId) && t.Kind == PendingTaskKind.BatteryChange)
            .ToListAsync(ct);
        var open = tasks.Where(t => t.Status == PendingTaskStatus.Open).ToDictionary(t => t.DeviceId);
        var lastDone = tasks.Where(t => t.Status == PendingTaskStatus.Done)
            .GroupBy(t => t.DeviceId).ToDictionary(g => g.Key, g => g.Max(t => t.DoneAt ?? t.OpenedAt));

        var closed = 0;
        var toOpen = new List<Device>();
        foreach (var device in devices)
        {
            var level = device.BatteryLevel!.Value;
            var low = level < thresholds.GetValueOrDefault(device.MunicipalityId, Tenancy.Municipality.DefaultBatteryThreshold);
            if (!low && open.TryGetValue(device.Id, out var task))
            {
                task.Complete(db.Scope.UserName, now, $"Ny batterinivå rapporterad: {level} %");
                await routines.CloseBatteryChanges(device.Id, $"Ny batterinivå rapporterad: {level} %", ct);
                closed++;
            }
            // A level measured before the last change was marked done describes the old battery.
            else if (low && device.IsMounted && !open.ContainsKey(device.Id)
                     && !(lastDone.TryGetValue(device.Id, out var done) && device.BatteryReportedAt <= done))
                toOpen.Add(device);
        }

        var units = await ResponsibleUnits(toOpen, ct);
        foreach (var device in toOpen)
        {
            db.PendingTasks.Add(new PendingTask(device, PendingTaskKind.BatteryChange, units.GetValueOrDefault(device.Id),
                device.BatteryLevel!.Value, now));
            await routines.BatteryLow(device, units.GetValueOrDefault(device.Id), ct);
        }
        return (toOpen.Count, closed);
    }

    /// <summary>
    /// The unit expected to change each device's battery: the home-care unit of a client of the
    /// household (for an entrance unit, of any household behind the entrance), else the unit of any
    /// other service of theirs active today. None when nobody there has a service today.
    /// </summary>
    private async Task<Dictionary<Guid, Guid?>> ResponsibleUnits(IReadOnlyList<Device> devices, CancellationToken ct)
    {
        if (devices.Count == 0) return [];
        var householdIds = devices.Where(d => d.HouseholdId is not null).Select(d => d.HouseholdId!.Value).ToList();
        var entranceIds = devices.Where(d => d.EntranceId is not null).Select(d => d.EntranceId!.Value).ToList();
        var municipalityIds = devices.Select(d => d.MunicipalityId).Distinct().ToList();
        var today = db.Scope.Today;
        // Every provider's services count here, not only the caller's: the task is for whoever serves the home.
        var services = await db.CareServices.WithoutScopeFilter()
            .Where(s => municipalityIds.Contains(s.MunicipalityId) && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today))
            .Where(s => householdIds.Contains(s.Client!.HouseholdId)
                        || (s.Client.Household!.EntranceId != null && entranceIds.Contains(s.Client.Household.EntranceId.Value)))
            .Select(s => new { s.UnitId, s.Kind, s.StartDate, s.Client!.HouseholdId, s.Client.Household!.EntranceId })
            .ToListAsync(ct);

        return devices.ToDictionary(d => d.Id, d => services
            .Where(s => d.HouseholdId is { } household ? s.HouseholdId == household : s.EntranceId == d.EntranceId)
            .OrderBy(s => s.Kind == CareServiceKind.HomeCare ? 0 : 1).ThenBy(s => s.StartDate).ThenBy(s => s.UnitId)
            .Select(s => (Guid?)s.UnitId)
            .FirstOrDefault());
    }
}
