using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Devices;

/// <summary>A faulty device goes to the supplier; if it was on a door, the door is now without it.</summary>
public sealed class SendDeviceForRepair(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }
        public string? Comment { get; set; }
    }

    public Task<int> Handle(Guid id, Command command, CancellationToken ct) =>
        db.ApplyCommented(id, command.Version, command.Comment, d => d.SendForRepair(), DeviceHistory.SentForRepair, ct);
}

/// <summary>A repaired device comes back from the supplier to a shelf. (Straight onto a door is <see cref="InstallDevice"/>.)</summary>
public sealed class ReturnDeviceFromRepair(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }
        public Guid? StockLocationId { get; set; }
        public string? Comment { get; set; }
    }

    public Task<int> Handle(Guid id, Command command, CancellationToken ct) =>
        db.ApplyShelved(id, command.Version, command.StockLocationId, command.Comment,
            (device, location) => device.ReturnFromRepair(location), DeviceHistory.ReturnedFromRepair, ct);
}
