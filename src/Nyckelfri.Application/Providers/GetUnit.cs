using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Providers;

/// <summary>One unit as the record page and the API show it, with how many clients it serves today.</summary>
public sealed class GetUnit(NyckelfriDbContext db) : IHandler
{
    /// <param name="ActiveClientCount">Clients with a service at the unit today; null when the caller may
    /// not see the unit's services (a user of another provider or unit), rather than a wrong zero.</param>
    public sealed record Details(Guid Id, int Version, Guid ProviderId, string ProviderName, ProviderKind ProviderKind,
        string Name, UnitKind Kind, string? Phone, int? ActiveClientCount);

    public async Task<Details> Handle(Guid id, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new Details(u.Id, u.Version, u.ProviderId, u.Provider!.Name, u.Provider.Kind, u.Name, u.Kind, u.Phone, null))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Enheten");

        var scope = db.Scope;
        var seesServices = (scope.ProviderId is null || scope.ProviderId == unit.ProviderId) && (scope.UnitId is null || scope.UnitId == id);
        if (!seesServices) return unit;

        var today = scope.Today;
        var clients = await db.CareServices
            .Where(s => s.UnitId == id && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today))
            .Select(s => s.ClientId).Distinct().CountAsync(ct);
        return unit with { ActiveClientCount = clients };
    }
}
