using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Devices;

/// <summary>Sets a device in stock aside for one household (lock unit, key safe, medicine cabinet) or one entrance (entrance unit).</summary>
public sealed class ReserveDevice(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }

        /// <summary>The household it is set aside for; give this or <see cref="EntranceId"/>, not both.</summary>
        public Guid? HouseholdId { get; set; }
        public Guid? EntranceId { get; set; }
        public string? Comment { get; set; }
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var device = await db.DeviceForChange(id, ct);
        var v = new Validator();
        v.RequireVersion(command.Version);
        var comment = v.Comment(command.Comment);
        var place = await db.Place(v, command.HouseholdId, command.EntranceId, ct);
        v.ThrowIfInvalid();

        db.ExpectVersion(device, command.Version!.Value);
        if (place.Household is { } household) device.Reserve(household);
        else device.Reserve(place.Entrance!);
        return await db.SaveTransition(device, DeviceHistory.Reserved, comment, ct);
    }
}

/// <summary>Withdraws a reservation: the device is free in stock again, on the same shelf.</summary>
public sealed class CancelDeviceReservation(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }
        public string? Comment { get; set; }
    }

    public Task<int> Handle(Guid id, Command command, CancellationToken ct) =>
        db.ApplyCommented(id, command.Version, command.Comment, d => d.CancelReservation(), DeviceHistory.ReservationCancelled, ct);
}
