using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>The alarm centre registers a 2-factor activation device into stock.</summary>
public sealed class RegisterTwoFactorDevice(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public string? SerialNumber { get; set; }
    }

    public async Task<Guid> Handle(Command command, CancellationToken ct)
    {
        DigitalKeyRules.RequireAlarmCentre(db.Scope, "registrerar 2-faktorsdosor");
        var v = new Validator();
        var serial = DigitalKeyRules.KeyNumber(v, nameof(Command.SerialNumber), command.SerialNumber, "Serienummer");
        if (serial is not null && serial.Length > TwoFactorDevice.MaxSerialLength)
            v.Add(nameof(Command.SerialNumber), $"Serienummer får vara högst {TwoFactorDevice.MaxSerialLength} tecken.");
        if (serial is not null)
        {
            var normalised = DigitalKey.Normalise(serial);
            if (await db.TwoFactorDevices.WithoutScopeFilter().AnyAsync(d => d.MunicipalityId == db.Scope.MunicipalityId && d.SerialNumber == normalised, ct))
                v.Add(nameof(Command.SerialNumber), $"Det finns redan en dosa med serienummer {normalised}.");
        }
        v.ThrowIfInvalid();

        var device = new TwoFactorDevice(db.Scope.MunicipalityId, serial!);
        db.TwoFactorDevices.Add(device);
        db.Record(device, "2-faktorsdosa registrerad");
        await db.SaveChangesAsync(ct);
        return device.Id;
    }
}
