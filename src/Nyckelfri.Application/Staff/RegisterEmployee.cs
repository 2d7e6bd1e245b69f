using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Staff;

/// <summary>Registers an employee of a provider, in some of that provider's units.</summary>
public sealed class RegisterEmployee(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : EmployeeFields;

    public async Task<Guid> Handle(Command command, CancellationToken ct)
    {
        var v = new Validator();
        var valid = await command.Check(v, db, self: null, ct);
        v.ThrowIfInvalid();

        var employee = new Employee(db.Scope.MunicipalityId, valid!.ProviderId, valid.FirstName, valid.LastName,
            valid.EmploymentType, valid.StartDate);
        command.ApplyTo(employee, valid);
        db.Employees.Add(employee);
        await db.SaveChangesAsync(ct);
        return employee.Id;
    }
}
