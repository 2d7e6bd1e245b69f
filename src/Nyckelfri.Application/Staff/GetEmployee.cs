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
        string? Phone, string? Email, bool EmployedToday);

    public sealed record UnitItem(Guid Id, string Name);

    public async Task<Details> Handle(Guid id, CancellationToken ct)
    {
        var e = await db.Employees.AsNoTracking()
            .Include(e => e.Provider)
            .Include(e => e.Units).ThenInclude(u => u.Unit)
            .FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Medarbetaren");
        var units = e.Units.Select(u => new UnitItem(u.UnitId, u.Unit!.Name)).OrderBy(u => u.Name, StringComparer.CurrentCulture).ToList();
        return new Details(e.Id, e.Version, e.FirstName, e.LastName, e.Title, e.ProviderId, e.Provider!.Name, units,
            e.EmploymentType, e.StartDate, e.EndDate, e.LongLeaveFrom, e.LongLeaveTo, e.Phone, e.Email,
            e.IsEmployedOn(db.Scope.Today));
    }
}
