using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Staff;

namespace Nyckelfri.Access;

/// <summary>The pick lists of the key forms: whom a key may go to, and which keys and devices may go.</summary>
public sealed class DigitalKeyLookup(NyckelfriDbContext db) : IHandler
{
    public sealed record EmployeeOption(Guid Id, string Name, string ProviderName, EmploymentType EmploymentType);
    public sealed record ItemOption(Guid Id, string Number, string Description);

    /// <summary>Employees whose employment has not ended, that the caller may hand a key to (the staffing unit: hourly ones).</summary>
    public async Task<IReadOnlyList<EmployeeOption>> Employees(CancellationToken ct)
    {
        var today = db.Clock.Today();
        var hourlyOnly = DigitalKeyRules.IsStaffingUnitOnly(db.Scope);
        return await db.Employees.AsNoTracking()
            .Where(e => (e.EndDate == null || e.EndDate >= today) && (!hourlyOnly || e.EmploymentType == EmploymentType.Hourly))
            .OrderBy(e => e.LastName).ThenBy(e => e.FirstName).ThenBy(e => e.Id)
            .Select(e => new EmployeeOption(e.Id, e.LastName + ", " + e.FirstName, e.Provider!.Name, e.EmploymentType))
            .ToListAsync(ct);
    }

    /// <summary>Keys on a shelf that may go to this employee: unordered ones, and those ordered for them (the staffing unit: its own stock).</summary>
    public async Task<IReadOnlyList<ItemOption>> KeysFor(Guid employeeId, CancellationToken ct)
    {
        var staffingOnly = DigitalKeyRules.IsStaffingUnitOnly(db.Scope);
        var keys = await db.DigitalKeys.WithoutScopeFilter().AsNoTracking()
            .Where(k => k.MunicipalityId == db.Scope.MunicipalityId && k.Status == DigitalKeyStatus.InStock
                        && (k.EmployeeId == null || k.EmployeeId == employeeId) && (!staffingOnly || k.Stock == KeyStock.StaffingUnit))
            .OrderByDescending(k => k.EmployeeId == employeeId).ThenBy(k => k.KeyNumber)
            .Select(k => new { k.Id, k.KeyNumber, k.Kind, k.Stock, Ordered = k.EmployeeId != null })
            .Take(500).ToListAsync(ct);
        return keys.Select(k => new ItemOption(k.Id, k.KeyNumber,
            $"{DigitalKey.SwedishName(k.Kind)}, {(k.Ordered ? "beställd till medarbetaren" : DigitalKey.SwedishName(k.Stock))}")).ToList();
    }

    public async Task<IReadOnlyList<ItemOption>> DevicesInStock(CancellationToken ct) =>
        (await db.TwoFactorDevices.WithoutScopeFilter().AsNoTracking()
            .Where(d => d.MunicipalityId == db.Scope.MunicipalityId && d.Status == TwoFactorDeviceStatus.InStock)
            .OrderBy(d => d.SerialNumber).Select(d => new { d.Id, d.SerialNumber }).Take(500).ToListAsync(ct))
        .Select(d => new ItemOption(d.Id, d.SerialNumber, "I lager")).ToList();
}
