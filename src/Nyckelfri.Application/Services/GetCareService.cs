using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Services;

/// <summary>One care service, found only when the caller may see both the service and its client.</summary>
public sealed class GetCareService(NyckelfriDbContext db) : IHandler
{
    public sealed record Details(Guid Id, int Version, Guid ClientId, string ClientName, CareServiceKind Kind, bool Assessed,
        Guid UnitId, string UnitName, Guid ProviderId, string ProviderName, DateOnly StartDate, DateOnly? EndDate, bool IsActive,
        string? DecisionReference);

    public async Task<Details> Handle(Guid id, CancellationToken ct)
    {
        var today = db.Scope.Today;
        return await db.CareServices.AsNoTracking()
            .Where(s => s.Id == id)
            .Join(db.Clients, s => s.ClientId, c => c.Id, (s, c) => new Details(s.Id, s.Version, c.Id, c.FirstName + " " + c.LastName,
                s.Kind, s.Assessed, s.UnitId, s.Unit!.Name, s.Unit.ProviderId, s.Unit.Provider!.Name, s.StartDate, s.EndDate,
                s.StartDate <= today && (s.EndDate == null || s.EndDate >= today), s.DecisionReference))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Insatsen");
    }
}
