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

    public Task<int> Handle(Guid id, Command command, CancellationToken ct) =>
        db.ApplyShelved(id, command.Version, command.StockLocationId, command.Comment,
            (device, location) => device.Uninstall(location), DeviceHistory.Uninstalled, ct);
}
