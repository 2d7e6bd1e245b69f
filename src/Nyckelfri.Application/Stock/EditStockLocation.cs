using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Stock;

/// <summary>Edits a stock location's name and description. A stale edit is refused.</summary>
public sealed class EditStockLocation(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : StockLocationFields
    {
        public int Version { get; set; }
    }

    public async Task<Command> Load(Guid id, CancellationToken ct)
    {
        var l = await db.StockLocations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("Lagerplatsen");
        return new Command { Version = l.Version, Name = l.Name, Description = l.Description };
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var location = await db.StockLocations.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("Lagerplatsen");
        var v = new Validator();
        var valid = await command.Check(v, db, id, ct);
        v.ThrowIfInvalid();

        db.ExpectVersion(location, command.Version);
        StockLocationFields.ApplyTo(location, valid!);
        await db.SaveChangesAsync(ct);
        return location.Version;
    }
}
