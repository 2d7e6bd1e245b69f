using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>An employee's grants that are in force today or coming (not withdrawn), soonest first.</summary>
public sealed class ListAccessGrants(NyckelfriDbContext db) : IHandler
{
    public sealed record Item(Guid Id, AccessGrantKind Kind, Guid UnitId, string UnitName, string ProviderName, DateOnly FromDate, DateOnly ToDate,
        string? Reason, string GrantedBy, bool ActiveToday)
    {
        public string KindName => AccessGrant.SwedishName(Kind);
    }

    public async Task<IReadOnlyList<Item>> Handle(Guid employeeId, CancellationToken ct)
    {
        if (!await db.Employees.AnyAsync(e => e.Id == employeeId, ct)) throw new NotFoundException("Medarbetaren");
        var today = db.Clock.Today();
        return await db.AccessGrants.AsNoTracking()
            .Where(g => g.EmployeeId == employeeId && g.ToDate >= today && g.WithdrawnAt == null)
            .Join(db.Units, g => g.UnitId, u => u.Id, (g, u) => new { g, u.Name, Provider = u.Provider!.Name })
            .OrderBy(x => x.g.FromDate).ThenBy(x => x.g.Id)
            .Select(x => new Item(x.g.Id, x.g.Kind, x.g.UnitId, x.Name, x.Provider, x.g.FromDate, x.g.ToDate, x.g.Reason, x.g.GrantedBy,
                x.g.FromDate <= today))
            .ToListAsync(ct);
    }
}
