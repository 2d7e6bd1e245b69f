using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

public enum TwoFactorDeviceAction { Issue, PlaceAtUnit, Return, KeepAt, Block }

/// <summary>One 2-factor device with its holder (an employee or a unit's key cabinet) and receipts.</summary>
public sealed class GetTwoFactorDevice(NyckelfriDbContext db) : IHandler
{
    public sealed record Details(Guid Id, int Version, string SerialNumber, TwoFactorDeviceStatus Status, Guid? EmployeeId, string? EmployeeName,
        Guid? UnitId, string? UnitName, string? KeptAt, DateTime? BlockedAt, string? BlockReason, IReadOnlyList<DigitalKeyReceiptSummary> Receipts)
    {
        public string StatusName => TwoFactorDevice.SwedishName(Status);

        public IReadOnlyList<TwoFactorDeviceAction> AllowedActions => Status switch
        {
            TwoFactorDeviceStatus.InStock => [TwoFactorDeviceAction.Issue, TwoFactorDeviceAction.PlaceAtUnit, TwoFactorDeviceAction.Block],
            TwoFactorDeviceStatus.Issued or TwoFactorDeviceStatus.KeptAtUnit => [TwoFactorDeviceAction.Return, TwoFactorDeviceAction.KeepAt, TwoFactorDeviceAction.Block],
            _ => [],
        };
    }

    public async Task<Details> Handle(Guid id, CancellationToken ct)
    {
        var d = await db.TwoFactorDevices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Dosan");
        var employee = d.EmployeeId is { } employeeId
            ? await db.Employees.WithoutScopeFilter().AsNoTracking().Where(e => e.Id == employeeId && e.MunicipalityId == d.MunicipalityId)
                .Select(e => e.FirstName + " " + e.LastName).FirstOrDefaultAsync(ct)
            : null;
        var unit = d.UnitId is { } unitId ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct) : null;
        var receipts = await db.DigitalKeyReceipts.AsNoTracking().Where(r => r.TwoFactorDeviceId == id).Summaries().ToListAsync(ct);
        return new Details(d.Id, d.Version, d.SerialNumber, d.Status, d.EmployeeId, employee, d.UnitId, unit, d.KeptAt, d.BlockedAt, d.BlockReason, receipts);
    }
}
