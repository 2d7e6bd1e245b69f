using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Properties;

/// <summary>Adds an entrance (port) to an address, with the owner's consent to an entrance lock if already known.</summary>
public sealed class AddEntrance(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : EntranceFields
    {
        public Command() => ConsentStatus = Properties.ConsentStatus.NotAsked;
    }

    public async Task<Guid> Handle(Guid addressId, Command command, CancellationToken ct)
    {
        var address = await db.Addresses.FirstOrDefaultAsync(a => a.Id == addressId, ct) ?? throw new NotFoundException("Adressen");
        var v = new Validator();
        var name = await command.CheckName(db, v, addressId, entranceId: null, ct);
        var entrance = new Entrance(address, name ?? "");
        command.RecordOn(entrance, v, db.Scope.Today);
        v.ThrowIfInvalid();

        db.Entrances.Add(entrance);
        await db.SaveChangesAsync(ct);
        return entrance.Id;
    }
}
