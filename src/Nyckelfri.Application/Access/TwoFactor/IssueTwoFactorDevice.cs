using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Keys;
using Nyckelfri.Staff;

namespace Nyckelfri.Access;

/// <summary>
/// A personal 2-factor device signed out to an employee against a signed receipt, like the key; kept
/// where the employee's key is not. The staffing unit hands devices only to hourly employees.
/// </summary>
public sealed class IssueTwoFactorDevice(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : KeyReceiptFields
    {
        public int Version { get; set; }
        public Guid? EmployeeId { get; set; }
        public string? KeptAt { get; set; }
    }

    /// <returns>The receipt's id.</returns>
    public async Task<Guid> Handle(Guid id, Command command, CancellationToken ct)
    {
        var device = await db.TwoFactorDevices.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Dosan");
        db.ExpectVersion(device, command.Version);
        var v = new Validator();
        var today = db.Clock.Today();
        var employee = await DigitalKeyRules.Employee(db, command.EmployeeId, v, nameof(Command.EmployeeId), ct);
        var keptAt = v.Optional(nameof(Command.KeptAt), command.KeptAt, "Förvaringsplats", DigitalKeyRules.MaxPlaceLength);
        var parties = command.Parties(v, today);
        await DigitalKeyRules.CheckDevicePlace(db, v, nameof(Command.KeptAt), employee.Id, null, keptAt, ct);
        v.ThrowIfInvalid();

        if (DigitalKeyRules.IsStaffingUnitOnly(db.Scope) && employee.EmploymentType != EmploymentType.Hourly)
            throw new RuleViolationException("digital-key-not-hourly", "Bemanningsenheten lämnar ut dosor bara till timanställda.");
        DigitalKeyRules.RequireNotEnded(employee, today);
        device.Issue(employee.Id, keptAt);
        var receipt = new DigitalKeyReceipt(db.Scope.MunicipalityId, DigitalKeyReceiptKind.Issue, employee.Id, null, device.Id, device.SerialNumber,
            parties, db.Scope.UserName);
        db.DigitalKeyReceipts.Add(receipt);
        db.Record(device, "2-faktorsdosa utlämnad", $"Till {employee.FullName}, kvittens {receipt.Reference}.");
        await db.SaveChangesAsync(ct);
        return receipt.Id;
    }
}
