using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// A cheap summary of everything stored: row counts, summed versions (raised on every update) and the
/// last history line. Equal fingerprints mean nothing was added, changed or removed.
/// </summary>
public static class DatabaseFingerprint
{
    public static async Task<string> TakeAsync(NyckelfriDbContext db)
    {
        var parts = new List<string>
        {
            await Of(db.Municipalities), await Of(db.Providers), await Of(db.Units), await Of(db.Employees),
            await Of(db.PropertyOwners), await Of(db.Addresses), await Of(db.Entrances), await Of(db.Households),
            await Of(db.Clients), await Of(db.CareServices), await Of(db.ApiKeys),
            await Of(db.Devices), await Of(db.DeviceModels), await Of(db.StockLocations), await Of(db.ReorderLevels),
            await Of(db.PurchaseOrders), await Of(db.PurchaseOrderLines), await Of(db.PendingTasks),
            await Of(db.OriginalLockParts), await Of(db.KeySets), await Of(db.KeyReceipts), await Of(db.PhysicalKeyUses),
            $"battery:{await db.BatteryReadings.IgnoreQueryFilters().CountAsync()}",
            $"notifications:{await db.Notifications.IgnoreQueryFilters().CountAsync()}",
            await Of(db.WorkOrders), await Of(db.RoutineStepOwners),
            $"answers:{await db.CheckpointAnswers.IgnoreQueryFilters().CountAsync()}",
            $"comments:{await db.WorkOrderComments.IgnoreQueryFilters().CountAsync()}",
            await Of(db.DigitalKeys), await Of(db.TwoFactorDevices), await Of(db.DigitalKeyReceipts), await Of(db.AccessGrants),
            await Of(db.BreakGlasses), await Of(db.NfcTags),
            $"access:{await db.AccessEvents.IgnoreQueryFilters().CountAsync()}",
            $"locksync:{await db.LockSyncs.IgnoreQueryFilters().SumAsync(s => (long)s.Version)}",
            $"revocation:{await db.RevocationLists.IgnoreQueryFilters().CountAsync()}",
            $"issuer:{await db.IssuerKeys.IgnoreQueryFilters().CountAsync()}",
            $"visits:{await db.Visits.IgnoreQueryFilters().CountAsync()}:{await db.Visits.IgnoreQueryFilters().CountAsync(v => v.EndedAt != null)}",
            $"webhook:{await db.WebhookDeliveries.IgnoreQueryFilters().CountAsync()}",
            $"audit:{await db.AuditEntries.IgnoreQueryFilters().CountAsync()}",
            $"users:{await db.Users.CountAsync()}:{string.Join(",", await db.Users.OrderBy(u => u.Id).Select(u => u.ConcurrencyStamp).ToListAsync())}",
            $"roles:{await db.UserRoles.CountAsync()}",
        };
        return string.Join(" | ", parts);
    }

    private static async Task<string> Of<T>(IQueryable<T> set) where T : Common.Entity
    {
        var rows = set.IgnoreQueryFilters();
        return $"{typeof(T).Name}:{await rows.CountAsync()}:{await rows.SumAsync(e => (long)e.Version)}";
    }
}
