using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Access;

/// <summary>
/// "Who may open this lock now, and why" (issue 5): every employee who may open the mounted lock today
/// and by which path (own unit, substitute booking, added unit); and the staff of the units serving
/// behind it who may not, with the reason (restricted, on leave, ended, not booked). Facts are loaded
/// once per kind; the caller sees only the employees (and clients) of their own scope.
/// </summary>
public sealed class LockPermissions(NyckelfriDbContext db, AccessFacts facts) : IHandler
{
    public sealed record Result(Guid LockId, string SerialNumber, DeviceKind Kind, DateOnly Today, IReadOnlyList<string> Clients,
        IReadOnlyList<Allowed> May, IReadOnlyList<Refused> MayNot, int HiddenEmployees, string? Explanation)
    {
        public string KindName => PermissionMasking.KindName(Kind);
    }

    public sealed record Allowed(Guid EmployeeId, string EmployeeName, IReadOnlyList<PermissionPathItem> Paths, DateOnly? LastDay);

    public sealed record Refused(Guid EmployeeId, string EmployeeName, PermissionDenial Denial, string Reason);

    /// <returns>Null when the device exists for the caller but is not a mounted lock.</returns>
    public async Task<Result?> Handle(Guid lockId, CancellationToken ct)
    {
        if (!await db.Devices.AnyAsync(d => d.Id == lockId, ct)) throw new NotFoundException("Låset");
        var today = db.Clock.Today();
        var found = await facts.ForLockAsync(lockId, ct);
        if (found is null) return null;

        var clientIds = found.Services.Select(s => s.ClientId).Distinct().ToList();
        var visibleClients = (await db.Clients.Where(c => clientIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var theLock = PermissionMasking.Mask(found, visibleClients);
        var servingUnits = theLock.Services.Where(s => s.IsActiveOn(today)).Select(s => s.UnitId).Distinct().ToList();
        var concerned = await facts.EmployeesConcernedAsync(servingUnits, today, ct);
        var visibleEmployees = (await db.Employees.Where(e => concerned.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        var employees = await facts.ForEmployeesAsync(concerned.Where(visibleEmployees.Contains).ToList(), today, ct);

        var may = new List<Allowed>();
        var mayNot = new List<Refused>();
        foreach (var employee in employees.Values.OrderBy(e => e.Name, StringComparer.CurrentCulture))
        {
            var decision = AccessPolicy.Decide(employee, theLock.Services, today);
            if (decision.Allowed)
                may.Add(new Allowed(employee.EmployeeId, employee.Name, decision.Paths.Select(p => PermissionPathItem.From(p, visibleClients)).ToList(),
                    decision.LastDay));
            else
                mayNot.Add(new Refused(employee.EmployeeId, employee.Name, decision.Denial!.Value, decision.Explanation));
        }
        var clients = theLock.Services.Select(s => s.ClientName).Distinct().Order(StringComparer.CurrentCulture).ToList();
        var explanation = servingUnits.Count == 0 ? PermissionDecision.SwedishName(PermissionDenial.NoServiceBehindLock) : null;
        return new Result(theLock.LockId, theLock.SerialNumber, theLock.Kind, today, clients, may, mayNot,
            concerned.Count - visibleEmployees.Count, explanation);
    }
}
