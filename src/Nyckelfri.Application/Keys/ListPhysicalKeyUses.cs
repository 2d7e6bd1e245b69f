using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Keys;

/// <summary>A client's recorded uses of a physical key, newest first, paged. Not found when the caller may not see the client.</summary>
public sealed class ListPhysicalKeyUses(NyckelfriDbContext db) : IHandler
{
    public async Task<Page<PhysicalKeyUseItem>> Handle(Guid clientId, int? page, int? pageSize, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) throw new NotFoundException("Brukaren");
        return await db.PhysicalKeyUses.AsNoTracking().Where(u => u.ClientId == clientId).Items(db).ToPageAsync(page, pageSize, ct);
    }
}
