using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Stock;

/// <summary>One client's original lock parts for the client page: those in store first. Not found when the caller may not see the client.</summary>
public sealed class ClientLockParts(NyckelfriDbContext db) : IHandler
{
    public async Task<IReadOnlyList<GetOriginalLockPart.Details>> Handle(Guid clientId, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) throw new NotFoundException("Brukaren");
        var parts = await db.OriginalLockParts.AsNoTracking()
            .Where(p => p.ClientId == clientId)
            .Select(GetOriginalLockPart.Project)
            .ToListAsync(ct);
        return parts.OrderBy(p => p.IsInStore ? 0 : 1).ThenByDescending(p => p.StoredOn).ToList();
    }
}
