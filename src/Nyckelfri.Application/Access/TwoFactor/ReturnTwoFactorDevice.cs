using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Keys;
using Nyckelfri.Staff;

namespace Nyckelfri.Access;

/// <summary>
/// A device back in stock: a personal one against a signed receipt from its employee; a unit's one
/// fetched from the key cabinet (no receipt: no employee held it).
/// </summary>
public sealed class ReturnTwoFactorDevice(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : KeyReceiptFields
    {
        public int Version { get; set; }
    }

    /// <returns>The receipt's id, or null for a unit's device.</returns>
    public async Task<Guid?> Handle(Guid id, Command command, CancellationToken ct)
    {
        var device = await db.TwoFactorDevices.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Dosan");
        db.ExpectVersion(device, command.Version);
        var personal = device.Status == TwoFactorDeviceStatus.Issued ? device.EmployeeId : null;
        var v = new Validator();
        var parties = personal is null ? null : command.Parties(v, db.Clock.Today());
        v.ThrowIfInvalid();

        if (personal is not { } employeeId)
        {
            DigitalKeyRules.RequireAlarmCentre(db.Scope, "hämtar dosor från enheternas nyckelskåp");
            device.Return();
            db.Record(device, "2-faktorsdosa tillbaka i lager", "Hämtad från enhetens nyckelskåp.");
            await db.SaveChangesAsync(ct);
            return null;
        }
        var employee = await db.Employees.WithoutScopeFilter().FirstAsync(e => e.Id == employeeId, ct);
        if (DigitalKeyRules.IsStaffingUnitOnly(db.Scope) && employee.EmploymentType != EmploymentType.Hourly)
            throw new RuleViolationException("digital-key-not-hourly", "Bemanningsenheten tar emot dosor bara från timanställda.");
        device.Return();
        var receipt = new DigitalKeyReceipt(db.Scope.MunicipalityId, DigitalKeyReceiptKind.Return, employee.Id, null, device.Id, device.SerialNumber,
            parties!, db.Scope.UserName);
        db.DigitalKeyReceipts.Add(receipt);
        db.Record(device, "2-faktorsdosa återlämnad", $"Från {employee.FullName}, kvittens {receipt.Reference}.");
        await db.SaveChangesAsync(ct);
        return receipt.Id;
    }
}
