using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Stock;

/// <summary>The parts are moved to another stock location (the caretaker's store is full, the alarm centre takes them).</summary>
public sealed class MoveOriginalLockPart(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int Version { get; set; }
        public Guid? StockLocationId { get; set; }
    }

    public async Task Handle(Guid id, Command command, CancellationToken ct)
    {
        var part = await db.OriginalLockParts.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Låsdelarna");
        var v = new Validator();
        var location = await db.Location(v, nameof(Command.StockLocationId), command.StockLocationId, ct);
        v.ThrowIfInvalid();

        db.ExpectVersion(part, command.Version);
        part.MoveTo(location!);
        await db.SaveChangesAsync(ct);
    }
}
