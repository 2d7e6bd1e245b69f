using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Properties;

/// <summary>Property owners for pick lists and filters, in name order.</summary>
public sealed class PropertyOwnerLookup(NyckelfriDbContext db) : IHandler
{
    public sealed record Option(Guid Id, string Name, PropertyOwnerKind Kind);

    public async Task<IReadOnlyList<Option>> Owners(CancellationToken ct) =>
        await db.PropertyOwners.AsNoTracking()
            .OrderBy(o => o.Name)
            .Select(o => new Option(o.Id, o.Name, o.Kind))
            .ToListAsync(ct);
}
