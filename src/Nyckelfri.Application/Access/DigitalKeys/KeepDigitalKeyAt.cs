using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>
/// Records where an issued key is kept when not carried; never where the employee's 2-factor device is
/// (seed 001: "nyckel och tvåfaktorsplugg aldrig förvaras tillsammans").
/// </summary>
public sealed class KeepDigitalKeyAt(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int Version { get; set; }
        public string? KeptAt { get; set; }
    }

    public async Task Handle(Guid id, Command command, CancellationToken ct)
    {
        var key = await db.DigitalKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("Nyckeln");
        db.ExpectVersion(key, command.Version);
        var v = new Validator();
        var place = v.Optional(nameof(Command.KeptAt), command.KeptAt, "Förvaringsplats", DigitalKeyRules.MaxPlaceLength);
        if (key.EmployeeId is { } employeeId && key.Status == DigitalKeyStatus.Issued)
            await DigitalKeyRules.CheckKeyPlace(db, v, nameof(Command.KeptAt), employeeId, key.Id, place, ct);
        v.ThrowIfInvalid();

        if (key.EmployeeId is { } holder)
        {
            var type = await db.Employees.WithoutScopeFilter().Where(e => e.Id == holder).Select(e => (Staff.EmploymentType?)e.EmploymentType).FirstOrDefaultAsync(ct);
            DigitalKeyRules.RequireStaffingUnitMay(db.Scope, key.Stock, type);
        }
        key.KeepAt(place);
        db.Record(key, "Förvaringsplats för digital nyckel ändrad", place ?? "Ingen förvaringsplats angiven.");
        await db.SaveChangesAsync(ct);
    }
}
