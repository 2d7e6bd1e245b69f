using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Properties;

/// <summary>
/// Records the property owner's answer about an entrance lock on one entrance (asked, given,
/// refused), without touching the rest of the entrance. Kept in the entrance's history.
/// </summary>
public sealed class RecordEntranceConsent(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : ConsentFields
    {
        public int Version { get; set; }
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var entrance = await db.Entrances.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Porten");
        var v = new Validator();
        db.ExpectVersion(entrance, command.Version);
        command.RecordOn(entrance, v, db.Scope.Today);
        v.ThrowIfInvalid();
        await db.SaveChangesAsync(ct);
        return entrance.Version;
    }
}
