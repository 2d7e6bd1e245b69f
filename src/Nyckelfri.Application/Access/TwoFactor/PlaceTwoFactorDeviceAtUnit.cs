using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>
/// A shared 2-factor device placed in a unit's code-locked, logging key cabinet, where the unit has no
/// personal devices (seed 001: the unit manager answers for it); never where a key of the unit's staff is kept.
/// </summary>
public sealed class PlaceTwoFactorDeviceAtUnit(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int Version { get; set; }
        public Guid? UnitId { get; set; }

        /// <summary>The cabinet, e.g. "Nyckelskåpet, Centrum"; required.</summary>
        public string? KeptAt { get; set; }
    }

    public async Task Handle(Guid id, Command command, CancellationToken ct)
    {
        var device = await db.TwoFactorDevices.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Dosan");
        db.ExpectVersion(device, command.Version);
        DigitalKeyRules.RequireAlarmCentre(db.Scope, "placerar dosor i enheternas nyckelskåp");
        var v = new Validator();
        var place = v.Required(nameof(Command.KeptAt), command.KeptAt, "Förvaringsplats", DigitalKeyRules.MaxPlaceLength);
        var unit = command.UnitId is { } unitId
            ? await db.Units.Where(u => u.Id == unitId).Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(ct)
            : null;
        if (unit is null) v.Add(nameof(Command.UnitId), command.UnitId is null ? "Enhet måste anges." : "Enheten finns inte.");
        else await DigitalKeyRules.CheckDevicePlace(db, v, nameof(Command.KeptAt), null, unit.Id, place, ct);
        v.ThrowIfInvalid();

        device.PlaceAtUnit(unit!.Id, place!);
        db.Record(device, "2-faktorsdosa placerad på enhet", $"{unit.Name}: {place}.");
        await db.SaveChangesAsync(ct);
    }
}
