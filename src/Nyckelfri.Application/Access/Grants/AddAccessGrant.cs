using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Staff;

namespace Nyckelfri.Access;

/// <summary>
/// A time-boxed change to what an employee may open: a substitute booked on a unit for some days, a
/// unit added, or one of the employee's own units restricted. Days are Swedish calendar days, both ends
/// included; it ends by itself.
/// </summary>
public sealed class AddAccessGrant(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public AccessGrantKind? Kind { get; set; }
        public Guid? UnitId { get; set; }
        public DateOnly? FromDate { get; set; }
        public DateOnly? ToDate { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<Guid> Handle(Guid employeeId, Command command, CancellationToken ct)
    {
        var employee = await db.Employees.Include(e => e.Units).FirstOrDefaultAsync(e => e.Id == employeeId, ct)
                       ?? throw new NotFoundException("Medarbetaren");
        var today = db.Clock.Today();
        var v = new Validator();
        var kind = v.Enum(nameof(Command.Kind), command.Kind, "Typ av behörighet");
        var reason = v.Optional(nameof(Command.Reason), command.Reason, "Anledning", DigitalKeyRules.MaxReasonLength);
        if (command.FromDate is null) v.Add(nameof(Command.FromDate), "Startdatum måste anges.");
        if (command.ToDate is null) v.Add(nameof(Command.ToDate), "Slutdatum måste anges.");
        if (command.FromDate is { } from && command.ToDate is { } to) AccessGrant.ValidateDates(v, from, to, today);
        var unit = command.UnitId is { } unitId
            ? await db.Units.Where(u => u.Id == unitId).Select(u => new { u.Id, u.Name, Provider = u.Provider!.Name }).FirstOrDefaultAsync(ct)
            : null;
        if (unit is null) v.Add(nameof(Command.UnitId), command.UnitId is null ? "Enhet måste anges." : "Enheten finns inte.");
        var own = unit is not null && employee.Units.Any(u => u.UnitId == unit.Id);
        if (unit is not null && kind == AccessGrantKind.RestrictUnit && !own)
            v.Add(nameof(Command.UnitId), "Bara en av medarbetarens egna enheter kan begränsas.");
        if (unit is not null && kind is AccessGrantKind.AddUnit or AccessGrantKind.SubstituteBooking && own)
            v.Add(nameof(Command.UnitId), "Medarbetaren arbetar redan på enheten.");
        if (command.FromDate is { } start && command.ToDate is { } end
            && (start < employee.StartDate || (employee.EndDate is { } last && end > last)))
            v.Add(nameof(Command.ToDate), "Perioden måste ligga inom anställningen.");
        v.ThrowIfInvalid();

        AccessGrantRules.RequireMayGrant(db.Scope, kind!.Value);
        if (kind == AccessGrantKind.SubstituteBooking && DigitalKeyRules.IsStaffingUnitOnly(db.Scope) && employee.EmploymentType != EmploymentType.Hourly)
            throw new RuleViolationException("grant-not-hourly", "Bemanningsenheten bokar bara timanställda vikarier.");

        var grant = new AccessGrant(db.Scope.MunicipalityId, employee.Id, unit!.Id, kind.Value, command.FromDate!.Value, command.ToDate!.Value,
            reason, db.Scope.UserName);
        db.AccessGrants.Add(grant);
        db.Record(employee, "Tillfällig behörighet tillagd", $"{Describe(grant, unit.Name, unit.Provider)}{(reason is null ? "" : $": {reason}")}");
        await db.SaveChangesAsync(ct);
        return grant.Id;
    }

    internal static string Describe(AccessGrant grant, string unitName, string providerName) =>
        $"{AccessGrant.SwedishName(grant.Kind)} på {unitName} ({providerName}) {grant.FromDate:yyyy-MM-dd} – {grant.ToDate:yyyy-MM-dd}";
}
