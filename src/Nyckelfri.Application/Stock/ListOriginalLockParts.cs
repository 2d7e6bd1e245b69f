using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Stock;

/// <summary>The clients' original lock parts, in store or returned, latest stored first, paged.</summary>
public sealed class ListOriginalLockParts(NyckelfriDbContext db) : IHandler
{
    /// <param name="InStore">True: only parts still kept; false: only returned ones; null: all.</param>
    public sealed record Query(bool? InStore = null, Guid? StockLocationId = null, int? Page = null, int? PageSize = null);

    public async Task<Page<GetOriginalLockPart.Details>> Handle(Query query, CancellationToken ct)
    {
        var parts = db.OriginalLockParts.AsNoTracking();
        if (query.InStore is { } inStore) parts = inStore ? parts.Where(p => p.ReturnedOn == null) : parts.Where(p => p.ReturnedOn != null);
        if (query.StockLocationId is { } location) parts = parts.Where(p => p.StockLocationId == location);
        return await parts
            .OrderByDescending(p => p.StoredOn).ThenBy(p => p.Id)
            .Select(GetOriginalLockPart.Project)
            .ToPageAsync(query.Page, query.PageSize, ct);
    }
}
