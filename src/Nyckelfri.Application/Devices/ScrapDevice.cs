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

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var device = await db.DeviceForChange(id, ct);
        var v = new Validator();
        v.RequireVersion(command.Version);
        var reason = v.Required(nameof(Command.Reason), command.Reason, "Anledning", DeviceSteps.MaxDescriptionLength);
        v.ThrowIfInvalid();

        db.ExpectVersion(device, command.Version!.Value);
        device.Scrap(reason!);
        return await db.SaveTransition(device, DeviceHistory.Scrapped, reason, ct);
    }
}
