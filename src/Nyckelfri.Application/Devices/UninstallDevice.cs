using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Devices;

/// <summary>Takes a mounted device down (removal, a move) and puts it on a shelf. A faulty device stays faulty.</summary>
public sealed class UninstallDevice(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }
        public Guid? StockLocationId { get; set; }
        public string? Comment { get; set; }
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var device = await db.DeviceForChange(id, ct);
        var v = new Validator();
        v.RequireVersion(command.Version);
        var comment = v.Comment(command.Comment);
        var location = await db.StockLocation(v, command.StockLocationId, ct);
        v.ThrowIfInvalid();

        db.ExpectVersion(device, command.Version!.Value);
        device.Uninstall(location!);
        return await db.SaveTransition(device, DeviceHistory.Uninstalled, comment, ct);
    }
}
