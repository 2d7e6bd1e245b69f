using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>One grant (withdrawn or ended ones too), found only when the caller may see its employee.</summary>
public sealed class GetAccessGrant(NyckelfriDbContext db) : IHandler
{
    public sealed record Details(Guid Id, Guid EmployeeId, AccessGrantKind Kind, Guid UnitId, string UnitName, string ProviderName,
        DateOnly FromDate, DateOnly ToDate, string? Reason, string GrantedBy, DateTime? WithdrawnAt, string? WithdrawnBy, bool ActiveToday)
    {
        public string KindName => AccessGrant.SwedishName(Kind);
    }

    public async Task<Details> Handle(Guid id, CancellationToken ct)
    {
        var today = db.Clock.Today();
        return await db.AccessGrants.AsNoTracking().Where(g => g.Id == id)
                   .Join(db.Units, g => g.UnitId, u => u.Id, (g, u) => new Details(g.Id, g.EmployeeId, g.Kind, g.UnitId, u.Name, u.Provider!.Name,
                       g.FromDate, g.ToDate, g.Reason, g.GrantedBy, g.WithdrawnAt, g.WithdrawnBy,
                       g.WithdrawnAt == null && g.FromDate <= today && g.ToDate >= today))
                   .FirstOrDefaultAsync(ct)
               ?? throw new NotFoundException("Behörigheten");
    }
}
