using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Keys;

namespace Nyckelfri.Access;

/// <summary>Why a key comes back (seed 001).</summary>
public enum DigitalKeyReturnReason
{
    /// <summary>Avslut av anställning.</summary>
    EmploymentEnded,

    /// <summary>Längre ledighet (ca 3 månader, enligt chefens bedömning).</summary>
    LongLeave,

    /// <summary>The substitute's engagement ended (the staffing unit takes the key back).</summary>
    SubstituteEnded,
    Other,
}

/// <summary>
/// The employee hands the key back against a signed receipt (end of employment, a long leave, the end
/// of a substitute's engagement): it goes on the alarm centre's shelf, or the staffing unit's. The
/// staffing unit takes back only its own keys, from hourly employees, into its own stock.
/// </summary>
public sealed class ReturnDigitalKey(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : KeyReceiptFields
    {
        public int Version { get; set; }
        public KeyStock? Stock { get; set; }
        public DigitalKeyReturnReason? Reason { get; set; }
    }

    /// <returns>The receipt's id.</returns>
    public async Task<Guid> Handle(Guid id, Command command, CancellationToken ct)
    {
        var key = await db.DigitalKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("Nyckeln");
        db.ExpectVersion(key, command.Version);
        var v = new Validator();
        var stock = v.Enum(nameof(Command.Stock), command.Stock, "Lager");
        var reason = v.Enum(nameof(Command.Reason), command.Reason, "Anledning");
        var parties = command.Parties(v, db.Clock.Today());
        v.ThrowIfInvalid();

        if (key.Status != DigitalKeyStatus.Issued || key.EmployeeId is not { } employeeId)
            throw new RuleViolationException("digital-key-illegal-transition", "Bara en utlämnad nyckel kan återlämnas.");
        var employee = await db.Employees.WithoutScopeFilter().FirstAsync(e => e.Id == employeeId, ct);
        DigitalKeyRules.RequireStaffingUnitMay(db.Scope, key.Stock, employee.EmploymentType);
        if (DigitalKeyRules.IsStaffingUnitOnly(db.Scope) && stock != KeyStock.StaffingUnit)
            throw new RuleViolationException("digital-key-not-staffing-stock", "Bemanningsenheten tar emot nycklar bara till sitt eget lager.");

        key.Return(parties.Date, stock!.Value);
        var receipt = new DigitalKeyReceipt(db.Scope.MunicipalityId, DigitalKeyReceiptKind.Return, employee.Id, key.Id, null, key.KeyNumber,
            parties, db.Scope.UserName);
        db.DigitalKeyReceipts.Add(receipt);
        db.Record(key, "Digital nyckel återlämnad",
            $"Från {employee.FullName} ({SwedishName(reason!.Value)}) till {DigitalKey.SwedishName(stock.Value)}s lager, kvittens {receipt.Reference}.");
        await db.SaveChangesAsync(ct);
        return receipt.Id;
    }

    public static string SwedishName(DigitalKeyReturnReason reason) => reason switch
    {
        DigitalKeyReturnReason.EmploymentEnded => "avslutad anställning",
        DigitalKeyReturnReason.LongLeave => "längre ledighet",
        DigitalKeyReturnReason.SubstituteEnded => "vikariatet avslutat",
        _ => "annan anledning",
    };
}
