using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Devices;

/// <summary>
/// Mounts a device at a household door or a building entrance. The device already there (if any) is
/// passed to the domain, which refuses a second lock unit for a household or a second entrance unit
/// for an entrance; when two installers race past that check, the filtered unique indexes refuse the
/// second save and the context turns it into a 409.
/// </summary>
public sealed class InstallDevice(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int? Version { get; set; }

        /// <summary>The household door; give this or <see cref="EntranceId"/>, not both.</summary>
        public Guid? HouseholdId { get; set; }
        public Guid? EntranceId { get; set; }

        /// <summary>The number on the label, written on the lock now; empty keeps the one registered.</summary>
        public string? KeyNumber { get; set; }

        /// <summary>
        /// The lock's own public key (protocol v2), read from the lock at mounting: the 65-byte P-256
        /// point 0x04 ‖ X ‖ Y in base64. Empty keeps the one registered; only lock and entrance units have one.
        /// </summary>
        public string? LockPublicKey { get; set; }

        /// <summary>Today when empty.</summary>
        public DateOnly? InstalledOn { get; set; }
        public string? Comment { get; set; }
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var device = await db.DeviceForChange(id, ct);
        var v = new Validator();
        v.RequireVersion(command.Version);
        var comment = v.Comment(command.Comment);
        var keyNumber = DeviceNumbers.KeyNumber(v, nameof(Command.KeyNumber), command.KeyNumber, required: false);
        await db.CheckKeyNumberFree(v, device, keyNumber, ct);
        var today = db.Scope.Today;
        var on = command.InstalledOn ?? today;
        if (on > today) v.Add(nameof(Command.InstalledOn), "Monteringsdatumet kan inte ligga i framtiden.");
        var place = await db.Place(v, command.HouseholdId, command.EntranceId, ct);
        var lockKey = LockKeys.Parse(v, nameof(Command.LockPublicKey), command.LockPublicKey, device.Kind);
        v.ThrowIfInvalid();

        db.ExpectVersion(device, command.Version!.Value);
        if (lockKey is not null) device.RegisterLockPublicKey(lockKey);
        if (place.Household is { } household)
            device.Install(household, await MountedLockUnit(device.MunicipalityId, household.Id, ct), on, keyNumber);
        else
            device.Install(place.Entrance!, await MountedEntranceUnit(device.MunicipalityId, place.Entrance!.Id, ct), on, keyNumber);
        return await db.SaveTransition(device, DeviceHistory.Installed, comment, ct);
    }

    // Mounted as the unique indexes mean it: installed, or faulty and still on the door. Every device
    // of the municipality counts, also one the caller could not see.
    private Task<Device?> MountedLockUnit(Guid municipalityId, Guid householdId, CancellationToken ct) =>
        db.Devices.WithoutScopeFilter().AsNoTracking().FirstOrDefaultAsync(d => d.MunicipalityId == municipalityId
            && d.Kind == DeviceKind.LockUnit && d.HouseholdId == householdId
            && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty), ct);

    private Task<Device?> MountedEntranceUnit(Guid municipalityId, Guid entranceId, CancellationToken ct) =>
        db.Devices.WithoutScopeFilter().AsNoTracking().FirstOrDefaultAsync(d => d.MunicipalityId == municipalityId
            && d.Kind == DeviceKind.EntranceUnit && d.EntranceId == entranceId
            && (d.Status == DeviceStatus.Installed || d.Status == DeviceStatus.Faulty), ct);
}
