using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Properties;

/// <summary>
/// Edits an entrance: its name and the owner's consent to an entrance lock. Every change of the
/// consent is kept in the entrance's history (SPEC §11.3). A stale edit is refused.
/// </summary>
public sealed class EditEntrance(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : EntranceFields
    {
        public int Version { get; set; }
    }

    public async Task<Command> Load(Guid id, CancellationToken ct)
    {
        var e = await db.Entrances.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Porten");
        return new Command
        {
            Version = e.Version, Name = e.Name, ConsentStatus = e.ConsentStatus, ConsentDate = e.ConsentDate, ConsentNote = e.ConsentNote,
        };
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var entrance = await db.Entrances.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException("Porten");
        var v = new Validator();
        var name = await command.CheckName(db, v, entrance.AddressId, id, ct);
        db.ExpectVersion(entrance, command.Version);
        command.RecordOn(entrance, v, db.Scope.Today);
        v.ThrowIfInvalid();

        entrance.Name = name!;
        await db.SaveChangesAsync(ct);
        return entrance.Version;
    }
}
