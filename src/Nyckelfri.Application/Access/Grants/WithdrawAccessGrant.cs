using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>
/// Ends a grant before its time (a cancelled booking, a restriction no longer needed). The grant is kept,
/// with who withdrew it and why, in the employee's history.
/// </summary>
public sealed class WithdrawAccessGrant(NyckelfriDbContext db) : IHandler
{
    public class Command
    {
        public string? Reason { get; set; }
    }

    /// <returns>The employee whose grant it was.</returns>
    public async Task<Guid> Handle(Guid id, Command command, CancellationToken ct)
    {
        var grant = await db.AccessGrants.FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw new NotFoundException("Behörigheten");
        var v = new Validator();
        var reason = v.Required(nameof(Command.Reason), command.Reason, "Anledning", DigitalKeyRules.MaxReasonLength);
        v.ThrowIfInvalid();

        AccessGrantRules.RequireMayGrant(db.Scope, grant.Kind);
        var employee = await db.Employees.FirstAsync(e => e.Id == grant.EmployeeId, ct);
        var unit = await db.Units.Where(u => u.Id == grant.UnitId).Select(u => new { u.Name, Provider = u.Provider!.Name }).FirstAsync(ct);
        grant.Withdraw(db.Scope.UserName, db.Clock.UtcNow());
        db.Record(employee, "Tillfällig behörighet återkallad", $"{AddAccessGrant.Describe(grant, unit.Name, unit.Provider)}: {reason}");
        db.Record(grant, "Återkallad", reason);
        await db.SaveChangesAsync(ct);
        return employee.Id;
    }
}
