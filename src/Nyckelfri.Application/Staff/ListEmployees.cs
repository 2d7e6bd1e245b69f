using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Staff;

/// <summary>
/// The staff list: search by name, filter by provider, unit or employment type, optionally only those
/// employed today (started, not ended, not on long leave). Paged.
/// </summary>
public sealed class ListEmployees(NyckelfriDbContext db) : IHandler
{
    public sealed record Query(string? Search = null, Guid? ProviderId = null, Guid? UnitId = null,
        EmploymentType? EmploymentType = null, bool CurrentOnly = false, int? Page = null, int? PageSize = null);

    public sealed record Item(Guid Id, string FirstName, string LastName, string? Title, Guid ProviderId, string ProviderName,
        IReadOnlyList<string> Units, EmploymentType EmploymentType, DateOnly StartDate, DateOnly? EndDate,
        DateOnly? LongLeaveFrom, DateOnly? LongLeaveTo);

    public async Task<Page<Item>> Handle(Query query, CancellationToken ct)
    {
        var employees = db.Employees.AsNoTracking();
        foreach (var term in SearchText.Terms(query.Search))
            employees = employees.Where(e => e.SearchName.Contains(term));
        if (query.ProviderId is { } providerId)
            employees = employees.Where(e => e.ProviderId == providerId);
        if (query.UnitId is { } unitId)
            employees = employees.Where(e => e.Units.Any(u => u.UnitId == unitId));
        if (query.EmploymentType is { } type)
            employees = employees.Where(e => e.EmploymentType == type);
        if (query.CurrentOnly)
            employees = employees.Where(Employee.EmployedOn(db.Scope.Today));

        return await employees
            .OrderBy(e => e.LastName).ThenBy(e => e.FirstName).ThenBy(e => e.Id)
            .Select(e => new Item(e.Id, e.FirstName, e.LastName, e.Title, e.ProviderId, e.Provider!.Name,
                e.Units.Select(u => u.Unit!.Name).OrderBy(n => n).ToList(), e.EmploymentType, e.StartDate, e.EndDate,
                e.LongLeaveFrom, e.LongLeaveTo))
            .ToPageAsync(query.Page, query.PageSize, ct);
    }
}
