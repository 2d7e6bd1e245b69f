using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Devices;

/// <summary>Takes a device out of use for good, with the reason. Never from a door or a reservation.</summary>
public sealed class ScrapDevice(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }
        public string? Reason { get; set; }
    }

    public Task<int> Handle(Guid id, Command command, CancellationToken ct) =>
        db.ApplyExplained(id, command.Version, nameof(Command.Reason), command.Reason, "Anledning",
            (device, reason) => device.Scrap(reason), DeviceHistory.Scrapped, ct);
}
