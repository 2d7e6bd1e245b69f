using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Staff;

/// <summary>One employee as the record page and the API show it.</summary>
public sealed class GetEmployee(NyckelfriDbContext db) : IHandler
{
    public sealed record Details(Guid Id, int Version, string FirstName, string LastName, string? Title,
        Guid ProviderId, string ProviderName, IReadOnlyList<UnitItem> Units, EmploymentType EmploymentType,
        DateOnly StartDate, DateOnly? EndDate, DateOnly? LongLeaveFrom, DateOnly? LongLeaveTo,
        string? Phone, string? Email, bool EmployedToday, string? Login = null, string? LoginUserId = null, string? PersonnelId = null);

    public sealed record UnitItem(Guid Id, string Name);

    /// <summary>The employee, or null when the caller cannot see one with this id.</summary>
    public async Task<Details?> Find(Guid id, CancellationToken ct) =>
        await db.Employees.AnyAsync(e => e.Id == id, ct) ? await Handle(id, ct) : null;

    public async Task<Details> Handle(Guid id, CancellationToken ct)
    {
        var e = await db.Employees.AsNoTracking()
            .Include(e => e.Provider)
            .Include(e => e.Units).ThenInclude(u => u.Unit)
            .FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Medarbetaren");
        var units = e.Units.Select(u => new UnitItem(u.UnitId, u.Unit!.Name)).OrderBy(u => u.Name, StringComparer.CurrentCulture).ToList();
        // The login linked to the employee (staff onboarding), shown on both records.
        var login = await db.Users.AsNoTracking().Where(u => u.EmployeeId == e.Id && u.MunicipalityId == e.MunicipalityId)
            .Select(u => new { u.Id, u.UserName }).FirstOrDefaultAsync(ct);
        return new Details(e.Id, e.Version, e.FirstName, e.LastName, e.Title, e.ProviderId, e.Provider!.Name, units,
            e.EmploymentType, e.StartDate, e.EndDate, e.LongLeaveFrom, e.LongLeaveTo, e.Phone, e.Email,
            e.IsEmployedOn(db.Scope.Today), login?.UserName, login?.Id, e.PersonnelId);
    }
}
