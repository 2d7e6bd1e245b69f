using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>
/// The unit manager orders a digital key for a new employee of their own provider (seed 001); the
/// alarm centre then makes it ready and hands it out. The order carries an order number until then.
/// </summary>
public sealed class OrderDigitalKey(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public Guid? EmployeeId { get; set; }
        public DigitalKeyKind? Kind { get; set; }
        public string? Note { get; set; }
    }

    public async Task<Guid> Handle(Command command, CancellationToken ct)
    {
        var v = new Validator();
        var employee = await DigitalKeyRules.Employee(db, command.EmployeeId, v, nameof(Command.EmployeeId), ct);
        var kind = v.Enum(nameof(Command.Kind), command.Kind, "Typ av nyckel");
        var note = v.Optional(nameof(Command.Note), command.Note, "Kommentar", DigitalKeyRules.MaxReasonLength);
        v.ThrowIfInvalid();
        DigitalKeyRules.RequireNotEnded(employee, db.Clock.Today());
        if (await db.DigitalKeys.AnyAsync(k => k.EmployeeId == employee.Id && k.Kind == kind
                                               && (k.Status == DigitalKeyStatus.Ordered || k.Status == DigitalKeyStatus.Issued
                                                   || (k.Status == DigitalKeyStatus.InStock && k.EmployeeId != null)), ct))
            throw new RuleViolationException("digital-key-already-ordered",
                $"{employee.FullName} har redan en beställd eller utlämnad nyckel av typen {DigitalKey.SwedishName(kind!.Value).ToLowerInvariant()}.");

        var key = DigitalKey.Order(db.Scope.MunicipalityId, kind!.Value, employee.Id, db.Scope.UserName);
        db.DigitalKeys.Add(key);
        db.Record(key, "Digital nyckel beställd", note is null ? $"Till {employee.FullName}." : $"Till {employee.FullName}: {note}");
        await db.SaveChangesAsync(ct);
        return key.Id;
    }
}
