using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Services;

/// <summary>A client's care services, newest first, paged. Not found when the caller may not see the client.</summary>
public sealed class ListCareServices(NyckelfriDbContext db) : IHandler
{
    public sealed record Item(Guid Id, int Version, CareServiceKind Kind, bool Assessed, Guid UnitId, string UnitName,
        string ProviderName, DateOnly StartDate, DateOnly? EndDate, bool IsActive, string? DecisionReference);

    public async Task<Page<Item>> Handle(Guid clientId, int? page, int? pageSize, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) throw new NotFoundException("Brukaren");
        var today = db.Scope.Today;
        return await db.CareServices.AsNoTracking()
            .Where(s => s.ClientId == clientId)
            .OrderByDescending(s => s.StartDate).ThenBy(s => s.Id)
            .Select(s => new Item(s.Id, s.Version, s.Kind, s.Assessed, s.UnitId, s.Unit!.Name, s.Unit.Provider!.Name,
                s.StartDate, s.EndDate, s.StartDate <= today && (s.EndDate == null || s.EndDate >= today), s.DecisionReference))
            .ToPageAsync(page, pageSize, ct);
    }
}
