using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Routines;

/// <summary>
/// Reads what <see cref="ServiceRules"/> needs about households: every client in them with their
/// services (whichever provider's: the rules concern the door, not the caller), whether a lock is
/// mounted, and the work orders still proposed or open.
/// </summary>
internal static class HouseholdFactsLoader
{
    public static async Task<IReadOnlyList<HouseholdFacts>> Load(NyckelfriDbContext db, IReadOnlyCollection<Guid> householdIds, CancellationToken ct)
    {
        if (householdIds.Count == 0) return [];
        var clients = await db.Clients.WithoutScopeFilter().AsNoTracking()
            .Where(c => householdIds.Contains(c.HouseholdId))
            .Select(c => new
            {
                c.Id, c.HouseholdId, RulesOut = c.HasCodeLock || c.OpensDoorThemself || c.AgreedNoInstall,
                Services = c.Services.Select(s => new ServiceFact(s.ClientId, s.Kind, s.Assessed, s.UnitId, s.Unit!.ProviderId, s.StartDate, s.EndDate)).ToList(),
            })
            .ToListAsync(ct);
        var mounted = await db.Devices.WithoutScopeFilter().AsNoTracking()
            .Where(d => d.Kind == DeviceKind.LockUnit && d.HouseholdId != null && householdIds.Contains(d.HouseholdId.Value)
                        && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty))
            .Select(d => d.HouseholdId!.Value).ToListAsync(ct);
        var open = await db.WorkOrders.WithoutScopeFilter().AsNoTracking()
            .Where(w => w.HouseholdId != null && householdIds.Contains(w.HouseholdId.Value)
                        && (w.State == WorkOrderState.Proposed || w.State == WorkOrderState.Open))
            .Select(w => new { HouseholdId = w.HouseholdId!.Value, w.Kind, w.ClientId, w.DueOn })
            .ToListAsync(ct);
        // Orders added in this unit of work count too (two services changed in one request).
        var added = db.WorkOrders.Local.Where(w => w.HouseholdId is { } h && householdIds.Contains(h) && !w.IsClosed)
            .Select(w => new { HouseholdId = w.HouseholdId!.Value, w.Kind, w.ClientId, w.DueOn });

        return householdIds.Select(h => new HouseholdFacts(h,
                clients.Where(c => c.HouseholdId == h).Select(c => new ClientFact(c.Id, c.RulesOut, c.Services)).ToList(),
                mounted.Contains(h),
                open.Concat(added).Where(o => o.HouseholdId == h).Select(o => new OpenOrderFact(o.Kind, o.ClientId, o.DueOn)).Distinct().ToList()))
            .ToList();
    }

    public static async Task<HouseholdFacts> Load(NyckelfriDbContext db, Guid householdId, CancellationToken ct) =>
        (await Load(db, [householdId], ct))[0];
}
