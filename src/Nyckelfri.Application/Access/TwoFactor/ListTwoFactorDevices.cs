using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>The 2-factor devices: filter by status, search by serial number or the employee's name; paged.</summary>
public sealed class ListTwoFactorDevices(NyckelfriDbContext db) : IHandler
{
    public sealed record Query(TwoFactorDeviceStatus? Status = null, string? Search = null, Guid? EmployeeId = null, int? Page = null, int? PageSize = null);

    public sealed record Item(Guid Id, string SerialNumber, TwoFactorDeviceStatus Status, Guid? EmployeeId, string? EmployeeName,
        Guid? UnitId, string? UnitName, string? KeptAt)
    {
        public string StatusName => TwoFactorDevice.SwedishName(Status);
    }

    public async Task<Page<Item>> Handle(Query query, CancellationToken ct)
    {
        var devices = db.TwoFactorDevices.AsQueryable();
        if (query.Status is { } status) devices = devices.Where(d => d.Status == status);
        if (query.EmployeeId is { } employeeId) devices = devices.Where(d => d.EmployeeId == employeeId);
        foreach (var term in SearchText.Terms(query.Search))
        {
            var serial = term.ToUpperInvariant();
            devices = devices.Where(d => d.SerialNumber.Contains(serial) || db.Employees.Any(e => e.Id == d.EmployeeId && e.SearchName.Contains(term)));
        }
        return await devices
            .OrderBy(d => d.SerialNumber).ThenBy(d => d.Id)
            .Select(d => new Item(d.Id, d.SerialNumber, d.Status, d.EmployeeId,
                db.Employees.Where(e => e.Id == d.EmployeeId).Select(e => e.FirstName + " " + e.LastName).FirstOrDefault(),
                d.UnitId, db.Units.Where(u => u.Id == d.UnitId).Select(u => u.Name).FirstOrDefault(), d.KeptAt))
            .ToPageAsync(query.Page, query.PageSize, ct);
    }
}
