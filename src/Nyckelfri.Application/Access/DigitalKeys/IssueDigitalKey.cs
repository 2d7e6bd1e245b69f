using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Keys;

namespace Nyckelfri.Access;

/// <summary>
/// Signs a key out to an employee against a signed receipt (seed 001: "Kvittens avseende in- och
/// utlämnade av digitala nycklar alltid används"). The alarm centre hands out any key; the staffing unit
/// only keys of its own stock, to hourly employees. Where the key will be kept may not be where the
/// employee's 2-factor device is.
/// </summary>
public sealed class IssueDigitalKey(NyckelfriDbContext db) : IHandler
{
    public class Command : KeyReceiptFields
    {
        public int Version { get; set; }
        public Guid? EmployeeId { get; set; }

        /// <summary>Where the employee keeps the key when not carrying it (optional).</summary>
        public string? KeptAt { get; set; }
    }

    /// <returns>The receipt's id.</returns>
    public async Task<Guid> Handle(Guid id, Command command, CancellationToken ct)
    {
        var key = await db.DigitalKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("Nyckeln");
        db.ExpectVersion(key, command.Version);
        var v = new Validator();
        var today = db.Clock.Today();
        var employee = await DigitalKeyRules.Employee(db, command.EmployeeId, v, nameof(Command.EmployeeId), ct);
        var keptAt = v.Optional(nameof(Command.KeptAt), command.KeptAt, "Förvaringsplats", DigitalKeyRules.MaxPlaceLength);
        var parties = command.Parties(v, today);
        await DigitalKeyRules.CheckKeyPlace(db, v, nameof(Command.KeptAt), employee.Id, key.Id, keptAt, ct);
        v.ThrowIfInvalid();

        DigitalKeyRules.RequireStaffingUnitMay(db.Scope, key.Stock, employee.EmploymentType);
        DigitalKeyRules.RequireNotEnded(employee, today);
        if (await db.DigitalKeys.AnyAsync(k => k.EmployeeId == employee.Id && k.Kind == key.Kind && k.Status == DigitalKeyStatus.Issued && k.Id != key.Id, ct))
            throw new RuleViolationException("digital-key-already-issued",
                $"{employee.FullName} har redan en utlämnad nyckel av typen {DigitalKey.SwedishName(key.Kind).ToLowerInvariant()}. Ta tillbaka den först.");

        key.Issue(employee.Id, parties.Date, keptAt);
        var receipt = new DigitalKeyReceipt(db.Scope.MunicipalityId, DigitalKeyReceiptKind.Issue, employee.Id, key.Id, null, key.KeyNumber,
            parties, db.Scope.UserName);
        db.DigitalKeyReceipts.Add(receipt);
        db.Record(key, "Digital nyckel utlämnad", $"Till {employee.FullName}, kvittens {receipt.Reference}.");
        await db.SaveChangesAsync(ct);
        return receipt.Id;
    }
}
