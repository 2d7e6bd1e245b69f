using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Stock;

/// <summary>
/// Sets the least number of one model that should be in stock at one location (0 turns the warning
/// off). Creates the level the first time, changes it afterwards: setting is idempotent, so it carries no version.
/// </summary>
public sealed class SetReorderLevel(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public Guid? StockLocationId { get; set; }
        public Guid? DeviceModelId { get; set; }
        public int? Level { get; set; }
    }

    public sealed record Result(Guid Id, int Version, Guid StockLocationId, Guid DeviceModelId, int Level);

    /// <summary>The form, filled with the level already set for the pair, if any.</summary>
    public async Task<Command> Load(Guid? locationId, Guid? modelId, CancellationToken ct)
    {
        var level = locationId is null || modelId is null ? null
            : await db.ReorderLevels.AsNoTracking()
                .Where(r => r.StockLocationId == locationId && r.DeviceModelId == modelId)
                .Select(r => (int?)r.Level).FirstOrDefaultAsync(ct);
        return new Command { StockLocationId = locationId, DeviceModelId = modelId, Level = level };
    }

    public async Task<Result> Handle(Command command, CancellationToken ct)
    {
        var v = new Validator();
        var location = await db.Location(v, nameof(Command.StockLocationId), command.StockLocationId, ct);
        var model = await db.Model(v, nameof(Command.DeviceModelId), command.DeviceModelId, ct);
        if (command.Level is null) v.Add(nameof(Command.Level), "Beställningsnivå måste anges.");
        v.ThrowIfInvalid();

        var level = await db.ReorderLevels.FirstOrDefaultAsync(r => r.StockLocationId == location!.Id && r.DeviceModelId == model!.Id, ct);
        if (level is null)
        {
            v.Try(() => level = new ReorderLevel(location!, model!, command.Level!.Value));
            v.ThrowIfInvalid();
            db.ReorderLevels.Add(level!);
        }
        else
        {
            v.Try(() => level.Change(command.Level!.Value));
            v.ThrowIfInvalid();
        }
        await db.SaveChangesAsync(ct);
        return new Result(level!.Id, level.Version, level.StockLocationId, level.DeviceModelId, level.Level);
    }
}
