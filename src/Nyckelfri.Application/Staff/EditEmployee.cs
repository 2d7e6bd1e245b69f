using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Staff;

/// <summary>Edits an employee: name, provider and units, employment and contact. A stale edit is refused.</summary>
public sealed class EditEmployee(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : EmployeeFields
    {
        public int Version { get; set; }
    }

    public async Task<Command> Load(Guid id, CancellationToken ct)
    {
        var e = await db.Employees.AsNoTracking().Include(e => e.Units)
            .FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Medarbetaren");
        return new Command
        {
            Version = e.Version, FirstName = e.FirstName, LastName = e.LastName, Title = e.Title, ProviderId = e.ProviderId,
            UnitIds = e.Units.Select(u => u.UnitId).ToList(), EmploymentType = e.EmploymentType, StartDate = e.StartDate,
            EndDate = e.EndDate, LongLeaveFrom = e.LongLeaveFrom, LongLeaveTo = e.LongLeaveTo, Phone = e.Phone, Email = e.Email, PersonnelId = e.PersonnelId,
        };
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var employee = await db.Employees.Include(e => e.Units)
            .FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Medarbetaren");
        var v = new Validator();
        var valid = await command.Check(v, db, id, ct);
        v.ThrowIfInvalid();

        db.ExpectVersion(employee, command.Version);
        command.ApplyTo(employee, valid!);
        await db.SaveChangesAsync(ct);
        return employee.Version;
    }
}
