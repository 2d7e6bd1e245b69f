using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Providers;

/// <summary>One provider as the record page and the API show it, with its units.</summary>
public sealed class GetProvider(NyckelfriDbContext db) : IHandler
{
    public sealed record Details(Guid Id, int Version, string Name, ProviderKind Kind, string? OrganizationNumber,
        string? Phone, string? Email, IReadOnlyList<UnitItem> Units);

    public sealed record UnitItem(Guid Id, string Name, UnitKind Kind, string? Phone);

    public async Task<Details> Handle(Guid id, CancellationToken ct) =>
        await db.Providers.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new Details(p.Id, p.Version, p.Name, p.Kind, p.OrganizationNumber, p.Phone, p.Email,
                p.Units.OrderBy(u => u.Name).Select(u => new UnitItem(u.Id, u.Name, u.Kind, u.Phone)).ToList()))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Utföraren");
}
