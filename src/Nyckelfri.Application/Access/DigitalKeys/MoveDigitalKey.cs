using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>
/// A key in stock moves between the alarm centre's shelf and the staffing unit's (seed 001: the staffing
/// unit orders keys for its stock through the alarm centre). The staffing unit may only send its own
/// keys back to the alarm centre.
/// </summary>
public sealed class MoveDigitalKey(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int Version { get; set; }
        public KeyStock? Stock { get; set; }
    }

    public async Task Handle(Guid id, Command command, CancellationToken ct)
    {
        var key = await db.DigitalKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("Nyckeln");
        db.ExpectVersion(key, command.Version);
        var v = new Validator();
        var stock = v.Enum(nameof(Command.Stock), command.Stock, "Lager");
        v.ThrowIfInvalid();

        DigitalKeyRules.RequireStaffingUnitMay(db.Scope, key.Stock, null);
        var from = key.Stock;
        key.MoveStock(stock!.Value);
        db.Record(key, "Digital nyckel flyttad", $"Från {DigitalKey.SwedishName(from)} till {DigitalKey.SwedishName(key.Stock)}.");
        await db.SaveChangesAsync(ct);
    }
}
