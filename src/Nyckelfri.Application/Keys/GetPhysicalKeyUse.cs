using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Keys;

/// <summary>One recorded use of a physical key, found only when the caller may see its client.</summary>
public sealed class GetPhysicalKeyUse(NyckelfriDbContext db) : IHandler
{
    public async Task<PhysicalKeyUseItem> Handle(Guid id, CancellationToken ct) =>
        await db.PhysicalKeyUses.AsNoTracking().Where(u => u.Id == id).Items(db).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Registreringen");
}
