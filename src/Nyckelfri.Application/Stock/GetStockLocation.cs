using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Stock;

/// <summary>One stock location as the API and the edit page show it.</summary>
public sealed class GetStockLocation(NyckelfriDbContext db) : IHandler
{
    public sealed record Details(Guid Id, int Version, string Name, string? Description);

    public async Task<Details> Handle(Guid id, CancellationToken ct) =>
        await db.StockLocations.AsNoTracking()
            .Where(l => l.Id == id)
            .Select(l => new Details(l.Id, l.Version, l.Name, l.Description))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Lagerplatsen");
}
