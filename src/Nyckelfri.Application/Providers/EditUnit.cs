using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Providers;

/// <summary>Edits a unit's own fields; it stays with its provider. A stale edit is refused.</summary>
public sealed class EditUnit(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : UnitFields
    {
        public int Version { get; set; }
    }

    public async Task<Command> Load(Guid id, CancellationToken ct)
    {
        var u = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("Enheten");
        return new Command { Version = u.Version, Name = u.Name, Kind = u.Kind, Phone = u.Phone };
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("Enheten");
        var v = new Validator();
        var valid = await command.Check(v, db, unit.ProviderId, id, ct);
        v.ThrowIfInvalid();

        db.ExpectVersion(unit, command.Version);
        command.ApplyTo(unit, valid!);
        await db.SaveChangesAsync(ct);
        return unit.Version;
    }
}
