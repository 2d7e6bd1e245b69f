using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Stock;

/// <summary>The municipality's stock locations in name order (a handful, so not paged).</summary>
public sealed class ListStockLocations(NyckelfriDbContext db) : IHandler
{
    public sealed record Item(Guid Id, int Version, string Name, string? Description);

    public async Task<IReadOnlyList<Item>> Handle(CancellationToken ct) =>
        await db.StockLocations.AsNoTracking()
            .OrderBy(l => l.Name).ThenBy(l => l.Id)
            .Select(l => new Item(l.Id, l.Version, l.Name, l.Description))
            .ToListAsync(ct);
}
