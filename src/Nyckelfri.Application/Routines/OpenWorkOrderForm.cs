using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Identity;

namespace Nyckelfri.Routines;

/// <summary>
/// What the "new work order" form offers: the kinds the caller may open (the same rule as
/// <see cref="OpenWorkOrder"/>: the role owning the first step, the system administrator, and anyone
/// for a fault report), and the subject the link that led there chose (a client, an entrance, a
/// device), described as people recognise it and only as far as the caller may see it.
/// </summary>
public sealed class OpenWorkOrderForm(NyckelfriDbContext db) : IHandler
{
    public sealed record KindOption(RoutineKind Kind, string Name, string FirstStepRoleName);

    /// <summary>A subject as the form shows it; null parts were not asked for, or the caller may not see them.</summary>
    public sealed record Subject(string? ClientName, string? ClientAddress, string? EntranceName, string? DeviceName);

    public async Task<IReadOnlyList<KindOption>> Kinds(CancellationToken ct)
    {
        var owners = await RoutineOwners.Load(db, db.Scope.MunicipalityId, ct);
        var everything = db.Scope.IsSystem || db.Scope.IsInRole(Roles.SystemAdministrator);
        return RoutineCatalog.All
            .Select(r => (Routine: r, Role: owners.RoleFor(r.Steps[0], null)))
            .Where(x => everything || x.Routine.Kind == RoutineKind.FaultReport || db.Scope.IsInRole(x.Role))
            .Select(x => new KindOption(x.Routine.Kind, x.Routine.SwedishTitle, Roles.SwedishName(x.Role)))
            .ToList();
    }

    public async Task<Subject> Describe(Guid? clientId, Guid? entranceId, Guid? deviceId, bool includeClientName, CancellationToken ct)
    {
        var client = clientId is { } c
            ? await db.Clients.AsNoTracking().Where(x => x.Id == c)
                .Select(x => new
                {
                    Name = x.FirstName + " " + x.LastName,
                    Address = x.Household!.Address!.Street + (x.Household.Apartment == null ? "" : ", lgh " + x.Household.Apartment),
                })
                .FirstOrDefaultAsync(ct)
            : null;
        var entrance = entranceId is { } e
            ? await db.Entrances.AsNoTracking().Where(x => x.Id == e).Select(x => x.Address!.Street + ", " + x.Name).FirstOrDefaultAsync(ct)
            : null;
        var device = deviceId is { } d
            ? await db.Devices.AsNoTracking().Where(x => x.Id == d).Select(x => new { x.Kind, x.SerialNumber }).FirstOrDefaultAsync(ct)
            : null;
        return new Subject(
            client is null ? null : includeClientName ? client.Name : "Vald brukare",
            client?.Address,
            entrance,
            device is null ? null : $"{DeviceNames.SwedishName(device.Kind)} {device.SerialNumber}");
    }
}
