using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Staff;

namespace Nyckelfri.Access;

/// <summary>Records where a device that is out is kept; never where its employee's (or its unit's staff's) key is.</summary>
public sealed class KeepTwoFactorDeviceAt(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int Version { get; set; }
        public string? KeptAt { get; set; }
    }

    public async Task Handle(Guid id, Command command, CancellationToken ct)
    {
        var device = await db.TwoFactorDevices.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Dosan");
        db.ExpectVersion(device, command.Version);
        var v = new Validator();
        var place = v.Optional(nameof(Command.KeptAt), command.KeptAt, "Förvaringsplats", DigitalKeyRules.MaxPlaceLength);
        await DigitalKeyRules.CheckDevicePlace(db, v, nameof(Command.KeptAt), device.EmployeeId, device.UnitId, place, ct);
        v.ThrowIfInvalid();

        if (DigitalKeyRules.IsStaffingUnitOnly(db.Scope))
        {
            var type = device.EmployeeId is { } holder
                ? await db.Employees.WithoutScopeFilter().Where(e => e.Id == holder).Select(e => (EmploymentType?)e.EmploymentType).FirstOrDefaultAsync(ct)
                : null;
            if (type != EmploymentType.Hourly)
                throw new RuleViolationException("digital-key-not-hourly", "Bemanningsenheten hanterar bara dosor som timanställda har.");
        }
        device.KeepAt(place);
        db.Record(device, "Förvaringsplats för 2-faktorsdosa ändrad", place ?? "Ingen förvaringsplats angiven.");
        await db.SaveChangesAsync(ct);
    }
}
