using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Staff;

namespace Nyckelfri.Access;

/// <summary>A mounted lock (a household's lock unit or an entrance unit) and the services of the clients behind it.</summary>
public sealed record LockFacts(Guid LockId, string SerialNumber, DeviceKind Kind, DeviceStatus Status, Guid? HouseholdId, Guid? EntranceId,
    IReadOnlyList<ServiceFacts> Services)
{
    /// <summary>The client the lock is for when it opens for a path (the path's client), or the household's first client.</summary>
    public Guid? ClientFor(PermissionDecision decision) => decision.Paths.Count > 0 ? decision.Paths[0].ClientId : Services.FirstOrDefault()?.ClientId;
}

/// <summary>
/// Loads what <see cref="AccessPolicy"/> decides from. The permission must not depend on who asks, so
/// the facts are read past the caller's provider scope (a substitute booked on another provider's
/// unit must see that unit's services), but never outside the caller's municipality. Callers show the
/// results only through pages and endpoints that are themselves scoped.
/// </summary>
public sealed class AccessFacts(NyckelfriDbContext db) : IHandler
{
    private Guid? _municipality;

    private Guid Municipality => _municipality ?? db.Scope.MunicipalityId;

    /// <summary>Facts of one named municipality, whoever saves (a system job's scope names none).</summary>
    internal static AccessFacts In(NyckelfriDbContext db, Guid municipalityId) => new(db) { _municipality = municipalityId };

    public async Task<EmployeeAccessFacts?> ForEmployeeAsync(Guid employeeId, DateOnly today, CancellationToken ct) =>
        (await ForEmployeesAsync([employeeId], today, ct)).GetValueOrDefault(employeeId);

    public async Task<Dictionary<Guid, EmployeeAccessFacts>> ForEmployeesAsync(IReadOnlyCollection<Guid> employeeIds, DateOnly today, CancellationToken ct)
    {
        var employees = await db.Employees.WithoutScopeFilter().AsNoTracking()
            .Where(e => employeeIds.Contains(e.Id) && e.MunicipalityId == Municipality)
            .Select(e => new
            {
                e.Id, e.FirstName, e.LastName, e.EmploymentType, e.StartDate, e.EndDate, e.LongLeaveFrom, e.LongLeaveTo,
            })
            .ToListAsync(ct);
        var units = await (from link in db.Set<EmployeeUnit>().WithoutScopeFilter()
                           join unit in db.Units.WithoutScopeFilter() on link.UnitId equals unit.Id
                           where employeeIds.Contains(link.EmployeeId) && unit.MunicipalityId == Municipality
                           select new { link.EmployeeId, unit.Id, unit.Name })
            .AsNoTracking().ToListAsync(ct);
        var grants = await (from grant in db.AccessGrants.WithoutScopeFilter()
                            join unit in db.Units.WithoutScopeFilter() on grant.UnitId equals unit.Id
                            where employeeIds.Contains(grant.EmployeeId) && grant.MunicipalityId == Municipality
                                  && grant.ToDate >= today && grant.WithdrawnAt == null
                            select new { grant.EmployeeId, grant.Id, grant.Kind, grant.UnitId, unit.Name, grant.FromDate, grant.ToDate })
            .AsNoTracking().ToListAsync(ct);
        return employees.ToDictionary(e => e.Id, e => new EmployeeAccessFacts(
            e.Id, $"{e.FirstName} {e.LastName}", e.EmploymentType, e.StartDate, e.EndDate, e.LongLeaveFrom, e.LongLeaveTo,
            units.Where(u => u.EmployeeId == e.Id).Select(u => new UnitRef(u.Id, u.Name)).ToList(),
            grants.Where(g => g.EmployeeId == e.Id)
                .Select(g => new GrantFacts(g.Id, g.Kind, g.UnitId, g.Name, g.FromDate, g.ToDate, Withdrawn: false)).ToList()));
    }

    /// <summary>The mounted lock with this id, or null (unknown, not a lock, not mounted, another municipality).</summary>
    public async Task<LockFacts?> ForLockAsync(Guid lockId, CancellationToken ct)
    {
        var device = await db.Devices.WithoutScopeFilter().AsNoTracking()
            .Where(d => d.Id == lockId && d.MunicipalityId == Municipality
                        && (d.Kind == DeviceKind.LockUnit || d.Kind == DeviceKind.EntranceUnit)
                        && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty)
                        && (d.HouseholdId != null || d.EntranceId != null))
            .Select(d => new { d.Id, d.SerialNumber, d.Kind, d.Status, d.HouseholdId, d.EntranceId })
            .FirstOrDefaultAsync(ct);
        if (device is null) return null;
        var services = await ServicesBehind(device.HouseholdId, device.EntranceId, ct);
        return new LockFacts(device.Id, device.SerialNumber, device.Kind, device.Status, device.HouseholdId, device.EntranceId, services);
    }

    /// <summary>
    /// Every mounted lock behind which one of <paramref name="unitIds"/> gives a service today, each with
    /// all the services behind it (other units' too: the rule looks at them all). Three queries, whatever
    /// the number of locks.
    /// </summary>
    public async Task<List<LockFacts>> LocksServedByAsync(IReadOnlyCollection<Guid> unitIds, DateOnly today, CancellationToken ct)
    {
        if (unitIds.Count == 0) return [];
        var homes = await (from service in db.CareServices.WithoutScopeFilter()
                           join client in db.Clients.WithoutScopeFilter() on service.ClientId equals client.Id
                           join household in db.Households.WithoutScopeFilter() on client.HouseholdId equals household.Id
                           where service.MunicipalityId == Municipality && unitIds.Contains(service.UnitId)
                                 && service.StartDate <= today && (service.EndDate == null || service.EndDate >= today)
                           select new { household.Id, household.EntranceId })
            .Distinct().AsNoTracking().ToListAsync(ct);
        var householdIds = homes.Select(h => h.Id).ToList();
        var entranceIds = homes.Where(h => h.EntranceId != null).Select(h => h.EntranceId!.Value).Distinct().ToList();
        var devices = await db.Devices.WithoutScopeFilter().AsNoTracking()
            .Where(d => d.MunicipalityId == Municipality
                        && (d.Kind == DeviceKind.LockUnit || d.Kind == DeviceKind.EntranceUnit)
                        && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty)
                        && ((d.HouseholdId != null && householdIds.Contains(d.HouseholdId.Value))
                            || (d.EntranceId != null && entranceIds.Contains(d.EntranceId.Value))))
            .Select(d => new { d.Id, d.SerialNumber, d.Kind, d.Status, d.HouseholdId, d.EntranceId })
            .ToListAsync(ct);
        if (devices.Count == 0) return [];
        var lockHouseholds = devices.Where(d => d.HouseholdId != null).Select(d => d.HouseholdId!.Value).Distinct().ToList();
        var lockEntrances = devices.Where(d => d.EntranceId != null).Select(d => d.EntranceId!.Value).Distinct().ToList();
        var services = await (from service in db.CareServices.WithoutScopeFilter()
                              join client in db.Clients.WithoutScopeFilter() on service.ClientId equals client.Id
                              join household in db.Households.WithoutScopeFilter() on client.HouseholdId equals household.Id
                              join unit in db.Units.WithoutScopeFilter() on service.UnitId equals unit.Id
                              where service.MunicipalityId == Municipality
                                    && (lockHouseholds.Contains(household.Id) || (household.EntranceId != null && lockEntrances.Contains(household.EntranceId.Value)))
                              select new
                              {
                                  HouseholdId = household.Id, household.EntranceId,
                                  Facts = new ServiceFacts(client.Id, client.FirstName + " " + client.LastName, service.Kind, unit.Id, unit.Name,
                                      service.StartDate, service.EndDate),
                              })
            .AsNoTracking().ToListAsync(ct);
        return devices.Select(d => new LockFacts(d.Id, d.SerialNumber, d.Kind, d.Status, d.HouseholdId, d.EntranceId,
                services.Where(s => (d.HouseholdId != null && s.HouseholdId == d.HouseholdId) || (d.EntranceId != null && s.EntranceId == d.EntranceId))
                    .Select(s => s.Facts).ToList()))
            .ToList();
    }

    /// <summary>
    /// The employees a decision about this lock concerns: those in a unit that serves behind it, and those
    /// with a grant on such a unit that has not ended; employments ended more than a month ago left out.
    /// </summary>
    public async Task<List<Guid>> EmployeesConcernedAsync(IReadOnlyCollection<Guid> unitIds, DateOnly today, CancellationToken ct)
    {
        if (unitIds.Count == 0) return [];
        var recent = today.AddMonths(-1);
        var members = db.Set<EmployeeUnit>().WithoutScopeFilter().Where(u => unitIds.Contains(u.UnitId)).Select(u => u.EmployeeId);
        var granted = db.AccessGrants.WithoutScopeFilter()
            .Where(g => g.MunicipalityId == Municipality && unitIds.Contains(g.UnitId) && g.WithdrawnAt == null && g.ToDate >= today)
            .Select(g => g.EmployeeId);
        return await db.Employees.WithoutScopeFilter()
            .Where(e => e.MunicipalityId == Municipality && (members.Contains(e.Id) || granted.Contains(e.Id)) && (e.EndDate == null || e.EndDate >= recent))
            .Select(e => e.Id)
            .ToListAsync(ct);
    }

    private async Task<List<ServiceFacts>> ServicesBehind(Guid? householdId, Guid? entranceId, CancellationToken ct) =>
        await (from service in db.CareServices.WithoutScopeFilter()
               join client in db.Clients.WithoutScopeFilter() on service.ClientId equals client.Id
               join household in db.Households.WithoutScopeFilter() on client.HouseholdId equals household.Id
               join unit in db.Units.WithoutScopeFilter() on service.UnitId equals unit.Id
               where service.MunicipalityId == Municipality
                     && ((householdId != null && household.Id == householdId) || (entranceId != null && household.EntranceId == entranceId))
               select new ServiceFacts(client.Id, client.FirstName + " " + client.LastName, service.Kind, unit.Id, unit.Name,
                   service.StartDate, service.EndDate))
            .AsNoTracking().ToListAsync(ct);
}
