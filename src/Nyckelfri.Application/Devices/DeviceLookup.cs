using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Devices;

/// <summary>
/// The lists the device forms and the household, entrance and client pages need: what can be
/// installed at a place, what is mounted or reserved there, the stock locations and models, and a
/// device found by its serial number (typed, or read by a scanner).
/// </summary>
public sealed class DeviceLookup(NyckelfriDbContext db) : IHandler
{
    /// <summary>An install form lists at most this many; any other device is found by its serial number.</summary>
    public const int MaxInstallable = 200;

    public sealed record Installable(Guid Id, string SerialNumber, string? KeyNumber, DeviceKind Kind, string ModelName,
        DeviceStatus Status, string? StockLocationName);

    public sealed record AtPlace(Guid Id, string SerialNumber, string? KeyNumber, DeviceKind Kind, string ModelName,
        DeviceStatus Status, DateOnly? InstalledOn, int? BatteryLevel, DateTime? BatteryReportedAt);

    public sealed record Option(Guid Id, string Name);

    public sealed record Chosen(Guid Id, int Version);

    /// <summary>Household kinds in stock, and those reserved for this household first.</summary>
    public Task<List<Installable>> InstallableAtHousehold(Guid householdId, CancellationToken ct) =>
        Installables(db.Devices.Where(d => d.Kind != DeviceKind.EntranceUnit
            && (d.Status == DeviceStatus.InStock || (d.Status == DeviceStatus.Reserved && d.HouseholdId == householdId))), ct);

    /// <summary>Entrance units in stock, and those reserved for this entrance first.</summary>
    public Task<List<Installable>> InstallableAtEntrance(Guid entranceId, CancellationToken ct) =>
        Installables(db.Devices.Where(d => d.Kind == DeviceKind.EntranceUnit
            && (d.Status == DeviceStatus.InStock || (d.Status == DeviceStatus.Reserved && d.EntranceId == entranceId))), ct);

    /// <summary>What is mounted at, or reserved for, a household: a device is linked to a place only then.</summary>
    public Task<List<AtPlace>> AtHousehold(Guid householdId, CancellationToken ct) =>
        Linked(db.Devices.Where(d => d.HouseholdId == householdId), ct);

    public Task<List<AtPlace>> AtEntrance(Guid entranceId, CancellationToken ct) =>
        Linked(db.Devices.Where(d => d.EntranceId == entranceId), ct);

    public Task<List<Option>> StockLocations(CancellationToken ct) =>
        db.StockLocations.AsNoTracking().OrderBy(l => l.Name).Select(l => new Option(l.Id, l.Name)).ToListAsync(ct);

    public Task<List<Option>> Models(CancellationToken ct) =>
        db.DeviceModels.AsNoTracking().OrderBy(m => m.Name).Select(m => new Option(m.Id, m.Name)).ToListAsync(ct);

    /// <summary>
    /// The device a form means: a typed or scanned serial number wins over a choice in the list. Its
    /// version is the one stored now, so a race with another installer still ends in one save only.
    /// </summary>
    public async Task<Chosen> Choose(Guid? deviceId, string? serialNumber, CancellationToken ct)
    {
        var v = new Validator();
        Chosen? chosen = null;
        if (!string.IsNullOrWhiteSpace(serialNumber))
        {
            var serial = DeviceNumbers.Serial(v, "SerialNumber", serialNumber);
            if (serial is not null)
            {
                chosen = await db.Devices.AsNoTracking().Where(d => d.SerialNumber == serial)
                    .Select(d => new Chosen(d.Id, d.Version)).FirstOrDefaultAsync(ct);
                if (chosen is null) v.Add("SerialNumber", $"Det finns ingen enhet med serienumret {serial}.");
            }
        }
        else if (deviceId is { } id)
        {
            chosen = await db.Devices.AsNoTracking().Where(d => d.Id == id).Select(d => new Chosen(d.Id, d.Version)).FirstOrDefaultAsync(ct);
            if (chosen is null) v.Add("DeviceId", "Enheten finns inte.");
        }
        else v.Add("DeviceId", "Välj en enhet i listan eller skriv dess serienummer.");
        v.ThrowIfInvalid();
        return chosen!;
    }

    private static Task<List<Installable>> Installables(IQueryable<Device> devices, CancellationToken ct) =>
        devices.AsNoTracking()
            .OrderByDescending(d => d.Status == DeviceStatus.Reserved).ThenBy(d => d.Kind).ThenBy(d => d.SerialNumber)
            .Take(MaxInstallable)
            .Select(d => new Installable(d.Id, d.SerialNumber, d.KeyNumber, d.Kind, d.Model!.Name, d.Status,
                d.StockLocation == null ? null : d.StockLocation.Name))
            .ToListAsync(ct);

    private static Task<List<AtPlace>> Linked(IQueryable<Device> devices, CancellationToken ct) =>
        devices.AsNoTracking()
            .OrderBy(d => d.Kind).ThenBy(d => d.SerialNumber)
            .Select(d => new AtPlace(d.Id, d.SerialNumber, d.KeyNumber, d.Kind, d.Model!.Name, d.Status, d.InstalledOn,
                d.BatteryLevel, d.BatteryReportedAt))
            .ToListAsync(ct);
}
