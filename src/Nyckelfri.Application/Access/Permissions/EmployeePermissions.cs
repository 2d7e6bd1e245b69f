using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Staff;

namespace Nyckelfri.Access;

/// <summary>
/// "What may this employee open now, and why" (issue 5): every mounted lock they may open today, with the
/// client, the lock's serial number and each reason; or why they may open nothing. Also their keys, since
/// without an issued key the permission cannot be used. Decided by <see cref="AccessPolicy"/> on facts
/// loaded once per kind, not once per lock.
/// </summary>
public sealed class EmployeePermissions(NyckelfriDbContext db, AccessFacts facts) : IHandler
{
    public sealed record Result(Guid EmployeeId, string EmployeeName, EmploymentType EmploymentType, DateOnly Today,
        IReadOnlyList<UnitToday> Units, IReadOnlyList<LockItem> Locks, PermissionDenial? Denial, string? Explanation,
        IReadOnlyList<KeyItem> Keys)
    {
        /// <summary>The key line of the page: the issued keys, or that there is none.</summary>
        public string KeyStatus => Keys.Any(k => k.Status == DigitalKeyStatus.Issued)
            ? string.Join(", ", Keys.Where(k => k.Status == DigitalKeyStatus.Issued).Select(k => $"{k.KeyNumber} ({DigitalKey.SwedishName(k.Kind).ToLowerInvariant()})"))
            : "Ingen utlämnad digital nyckel";
    }

    /// <summary>A unit the employee works for today: own, added, booked, or restricted (and so not).</summary>
    public sealed record UnitToday(Guid UnitId, string UnitName, string How, DateOnly? Until, bool Allowed);

    public sealed record LockItem(Guid LockId, string SerialNumber, DeviceKind Kind, DeviceStatus Status, IReadOnlyList<PermissionPathItem> Paths, DateOnly? LastDay)
    {
        public string KindName => PermissionMasking.KindName(Kind);
    }

    public sealed record KeyItem(Guid Id, string KeyNumber, DigitalKeyKind Kind, DigitalKeyStatus Status);

    public async Task<Result> Handle(Guid employeeId, CancellationToken ct)
    {
        if (!await db.Employees.AnyAsync(e => e.Id == employeeId, ct)) throw new NotFoundException("Medarbetaren");
        var today = db.Clock.Today();
        var employee = await facts.ForEmployeeAsync(employeeId, today, ct) ?? throw new NotFoundException("Medarbetaren");
        var keys = await db.DigitalKeys.AsNoTracking().Where(k => k.EmployeeId == employeeId && k.Status != DigitalKeyStatus.Retired)
            .OrderBy(k => k.KeyNumber).Select(k => new KeyItem(k.Id, k.KeyNumber, k.Kind, k.Status)).ToListAsync(ct);
        var units = Units(employee, today);

        var nothing = AccessPolicy.NothingToOpen(employee, today);
        if (nothing is { } denial)
            return new Result(employee.EmployeeId, employee.Name, employee.EmploymentType, today, units, [], denial,
                PermissionDecision.SwedishName(denial), keys);

        var allowedUnits = AccessPolicy.UnitsOn(employee, today).Allowed.Keys.ToList();
        var locks = await facts.LocksServedByAsync(allowedUnits, today, ct);
        var clientIds = locks.SelectMany(l => l.Services).Select(s => s.ClientId).Distinct().ToList();
        var visible = (await db.Clients.Where(c => clientIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var items = locks
            .Select(l => (Lock: l, Decision: AccessPolicy.Decide(employee, PermissionMasking.Mask(l, visible).Services, today)))
            .Where(x => x.Decision.Allowed)
            .Select(x => new LockItem(x.Lock.LockId, x.Lock.SerialNumber, x.Lock.Kind, x.Lock.Status,
                x.Decision.Paths.Select(p => PermissionPathItem.From(p, visible)).ToList(), x.Decision.LastDay))
            .OrderBy(l => l.Paths[0].ClientName, StringComparer.CurrentCulture).ThenBy(l => l.SerialNumber, StringComparer.Ordinal)
            .ToList();
        var explanation = items.Count == 0 ? "Ingen brukare som medarbetarens enheter ger insats hos i dag har ett monterat digitalt lås." : null;
        return new Result(employee.EmployeeId, employee.Name, employee.EmploymentType, today, units, items, null, explanation, keys);
    }

    private static List<UnitToday> Units(EmployeeAccessFacts employee, DateOnly today)
    {
        var (allowed, restricted) = AccessPolicy.UnitsOn(employee, today);
        var names = employee.Units.ToDictionary(u => u.Id, u => u.Name);
        foreach (var g in employee.Grants) names.TryAdd(g.UnitId, g.UnitName);
        var list = allowed.Select(a => new UnitToday(a.Key, names[a.Key],
                a.Value is null ? "Egen enhet" : AccessGrant.SwedishName(a.Value.Kind), a.Value?.ToDate, true)).ToList();
        list.AddRange(restricted.Select(id => new UnitToday(id, names[id], "Begränsad", employee.Grants
            .Where(g => g.Kind == AccessGrantKind.RestrictUnit && g.UnitId == id && g.IsActiveOn(today)).Max(g => (DateOnly?)g.ToDate), false)));
        return list.OrderBy(u => u.UnitName, StringComparer.CurrentCulture).ToList();
    }
}
