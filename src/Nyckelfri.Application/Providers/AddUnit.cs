using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Providers;

/// <summary>Adds a unit (hemtjänstgrupp, larmgrupp, nattpatrull, HSL) to a provider.</summary>
public sealed class AddUnit(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : UnitFields;

    public async Task<Guid> Handle(Guid providerId, Command command, CancellationToken ct)
    {
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == providerId, ct) ?? throw new NotFoundException("Utföraren");
        var v = new Validator();
        var valid = await command.Check(v, db, providerId, id: null, ct);
        v.ThrowIfInvalid();

        var unit = new Unit(provider, valid!.Name, valid.Kind);
        command.ApplyTo(unit, valid);
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        return unit.Id;
    }
}
