using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Devices;

/// <summary>Reports a device as not working, with what is wrong. A mounted device stays on the door until taken down.</summary>
public sealed class ReportDeviceFault(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }
        public string? Description { get; set; }
    }

    public Task<int> Handle(Guid id, Command command, CancellationToken ct) =>
        db.ApplyExplained(id, command.Version, nameof(Command.Description), command.Description, "Felbeskrivning",
            (device, description) => device.ReportFault(description), DeviceHistory.FaultReported, ct);
}

/// <summary>The fault was put right where the device is (a reset, a new battery): back in use, or back in stock if it was off the door.</summary>
public sealed class ResolveDeviceFault(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }
        public string? Comment { get; set; }
    }

    public Task<int> Handle(Guid id, Command command, CancellationToken ct) =>
        db.ApplyCommented(id, command.Version, command.Comment, d => d.ResolveFault(), DeviceHistory.FaultResolved, ct);
}
