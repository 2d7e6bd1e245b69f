using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Keys;

/// <summary>Whether a household has a digital lock on its door now.</summary>
internal static class HouseholdLock
{
    /// <summary>A lock unit mounted at the door: installed, or faulty but not yet taken down (still the household's lock).</summary>
    public static Task<bool> IsMountedAsync(NyckelfriDbContext db, Guid householdId, CancellationToken ct) =>
        Mounted(db, householdId).AnyAsync(ct);

    /// <summary>The mounted lock unit's id (the lock id of the protocol), or null when there is none.</summary>
    public static Task<Guid?> MountedLockIdAsync(NyckelfriDbContext db, Guid householdId, CancellationToken ct) =>
        Mounted(db, householdId).OrderBy(d => d.InstalledOn).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);

    private static IQueryable<Device> Mounted(NyckelfriDbContext db, Guid householdId) =>
        db.Devices.Where(d => d.Kind == DeviceKind.LockUnit && d.HouseholdId == householdId
                              && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty));
}
