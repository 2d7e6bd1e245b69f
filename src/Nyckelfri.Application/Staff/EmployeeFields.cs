using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Providers;

namespace Nyckelfri.Staff;

/// <summary>The fields of an employee that registration and editing share, and their validation.</summary>
public class EmployeeFields
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Title { get; set; }
    public Guid? ProviderId { get; set; }

    /// <summary>Units of the employee's provider; they decide which doors the employee may open.</summary>
    public List<Guid> UnitIds { get; set; } = [];
    public EmploymentType? EmploymentType { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateOnly? LongLeaveFrom { get; set; }
    public DateOnly? LongLeaveTo { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>HSA-id or employee number: how the municipality's identity provider names the employee (unique in the municipality).</summary>
    public string? PersonnelId { get; set; }

    internal sealed record Valid(string FirstName, string LastName, string? Title, Guid ProviderId, IReadOnlyList<Unit> Units,
        Staff.EmploymentType EmploymentType, DateOnly StartDate, string? Phone, string? Email, string? PersonnelId);

    /// <param name="self">The employee being edited (null when registering one).</param>
    internal async Task<Valid?> Check(Validator v, NyckelfriDbContext db, Guid? self, CancellationToken ct)
    {
        var first = v.Required(nameof(FirstName), FirstName, "Förnamn", 100);
        var last = v.Required(nameof(LastName), LastName, "Efternamn", 100);
        var title = v.Optional(nameof(Title), Title, "Befattning", 100);
        var type = v.Enum(nameof(EmploymentType), EmploymentType, "Anställningsform");
        if (StartDate is null) v.Add(nameof(StartDate), "Startdatum måste anges.");
        else Employee.ValidateDates(v, StartDate.Value, EndDate, LongLeaveFrom, LongLeaveTo);
        var phone = v.Phone(nameof(Phone), Phone);
        var email = v.Email(nameof(Email), Email);
        var providerId = await CheckProvider(v, db, ct);
        var units = await CheckUnits(v, db, providerId, ct);
        var personnelId = await CheckPersonnelId(v, db, self, ct);
        return first is null || last is null || type is null || StartDate is null || providerId is null
            ? null
            : new Valid(first, last, title, providerId.Value, units, type.Value, StartDate.Value, phone, email, personnelId);
    }

    internal void ApplyTo(Employee employee, Valid valid)
    {
        employee.Rename(valid.FirstName, valid.LastName);
        employee.Title = valid.Title;
        employee.ProviderId = valid.ProviderId;
        employee.SetUnits(valid.Units);
        employee.EmploymentType = valid.EmploymentType;
        employee.StartDate = valid.StartDate;
        employee.EndDate = EndDate;
        employee.LongLeaveFrom = LongLeaveFrom;
        employee.LongLeaveTo = LongLeaveTo;
        employee.Phone = valid.Phone;
        employee.Email = valid.Email;
        employee.PersonnelId = valid.PersonnelId;
    }

    // Unique in the municipality, across providers: a provider's user cannot see the other providers'
    // staff (the query filter), so the check looks past the provider filter but never the municipality.
    private async Task<string?> CheckPersonnelId(Validator v, NyckelfriDbContext db, Guid? self, CancellationToken ct)
    {
        var id = v.Optional(nameof(PersonnelId), PersonnelId, "Personal-id (HSA-id eller anställningsnummer)", Employee.MaxPersonnelIdLength);
        if (id is null) return null;
        if (id.Any(char.IsWhiteSpace) || id.Any(char.IsControl))
        {
            v.Add(nameof(PersonnelId), "Personal-id får inte innehålla mellanslag.");
            return null;
        }
        var municipality = db.Scope.MunicipalityId;
        if (await db.Employees.WithoutScopeFilter()
                .AnyAsync(e => e.MunicipalityId == municipality && e.PersonnelId == id && e.Id != self, ct))
            v.Add(nameof(PersonnelId), "Personal-id:t används redan av en annan medarbetare i kommunen.");
        return id;
    }

    private async Task<Guid?> CheckProvider(Validator v, NyckelfriDbContext db, CancellationToken ct)
    {
        if (ProviderId is not { } id)
        {
            v.Add(nameof(ProviderId), "Utförare måste anges.");
            return null;
        }
        // A provider's own users (enhetschef, samordnare) keep only their own provider's staff; the query
        // filter hides the others from them, and this keeps them from adding to or moving staff to them.
        if (db.Scope.ProviderId is { } own && own != id)
        {
            v.Add(nameof(ProviderId), "Du kan bara registrera personal hos din egen utförare.");
            return null;
        }
        if (!await db.Providers.AnyAsync(p => p.Id == id, ct))
        {
            v.Add(nameof(ProviderId), "Utföraren finns inte.");
            return null;
        }
        return id;
    }

    private async Task<IReadOnlyList<Unit>> CheckUnits(Validator v, NyckelfriDbContext db, Guid? providerId, CancellationToken ct)
    {
        var ids = UnitIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var units = await db.Units.Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        if (units.Count != ids.Count) v.Add(nameof(UnitIds), "En av de valda enheterna finns inte.");
        if (providerId is { } id) Employee.ValidateUnits(v, id, units);
        return units;
    }
}
