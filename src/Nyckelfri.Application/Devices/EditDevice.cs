using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Devices;

/// <summary>
/// Edits what is written about a device: its key number (unique in the municipality), firmware and a
/// note. Where it is and its status change only through the named transitions. A stale edit is refused.
/// </summary>
public sealed class EditDevice(NyckelfriDbContext db) : IHandler
{
    public const int MaxFirmwareLength = 40;

    public sealed class Command
    {
        /// <summary>Required: every other field may be empty, so a request without it must not pass as an edit.</summary>
        public int? Version { get; set; }
        public string? KeyNumber { get; set; }
        public string? Firmware { get; set; }
        public string? Note { get; set; }
    }

    public async Task<Command> Load(Guid id, CancellationToken ct)
    {
        var d = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Enheten");
        return new Command { Version = d.Version, KeyNumber = d.KeyNumber, Firmware = d.Firmware, Note = d.Note };
    }

    public async Task<int> Handle(Guid id, Command command, CancellationToken ct)
    {
        var device = await db.DeviceForChange(id, ct);
        var v = new Validator();
        v.RequireVersion(command.Version);
        var keyNumber = DeviceNumbers.KeyNumber(v, nameof(Command.KeyNumber), command.KeyNumber, required: false);
        var firmware = v.Optional(nameof(Command.Firmware), command.Firmware, "Firmware", MaxFirmwareLength);
        var note = v.Optional(nameof(Command.Note), command.Note, "Anteckning", DeviceSteps.MaxDescriptionLength);
        await db.CheckKeyNumberFree(v, device, keyNumber, ct);
        v.ThrowIfInvalid();

        db.ExpectVersion(device, command.Version!.Value);
        device.ChangeKeyNumber(keyNumber);
        device.Firmware = firmware;
        device.Note = note;
        await db.SaveChangesAsync(ct);
        return device.Version;
    }
}
