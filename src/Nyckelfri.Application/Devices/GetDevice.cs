using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Devices;

/// <summary>
/// One device as its page and the API show it: where it is (and whose home), its battery with a
/// forecast and the latest readings, and which transitions its state allows now.
/// </summary>
public sealed class GetDevice(NyckelfriDbContext db) : IHandler
{
    public const int ReadingsShown = 10;

    public sealed record Details(Guid Id, int Version, string SerialNumber, string? KeyNumber, DeviceKind Kind,
        Guid ModelId, string ModelName, string Supplier, string? Firmware, string? Note, DeviceStatus Status,
        string Location, Guid? StockLocationId, string? StockLocationName, HouseholdPlace? Household, EntrancePlace? Entrance,
        DateOnly? InstalledOn, string? FaultDescription, string? ScrapReason,
        int? BatteryLevel, DateTime? BatteryReportedAt, BatteryForecast Forecast, IReadOnlyList<Reading> Readings,
        IReadOnlyList<DeviceAction> AllowedActions);

    /// <param name="Clients">The clients living there whom the caller may see.</param>
    public sealed record HouseholdPlace(Guid Id, Guid AddressId, string Street, string PostalCode, string City, string? Apartment,
        IReadOnlyList<Resident> Clients);

    public sealed record Resident(Guid Id, string Name);

    public sealed record EntrancePlace(Guid Id, Guid AddressId, string Street, string PostalCode, string City, string Name);

    public sealed record Reading(DateTime At, int Level);

    public async Task<Details> Handle(Guid id, CancellationToken ct)
    {
        var d = await db.Devices.AsNoTracking()
            .Include(x => x.Model).Include(x => x.StockLocation)
            .Include(x => x.Household!).ThenInclude(h => h.Address)
            .Include(x => x.Entrance!).ThenInclude(e => e.Address)
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Enheten");

        HouseholdPlace? household = null;
        if (d.Household is { } h)
        {
            var clients = await db.Clients.AsNoTracking()
                .Where(c => c.HouseholdId == h.Id)
                .OrderBy(c => c.LastName).ThenBy(c => c.FirstName)
                .Select(c => new Resident(c.Id, c.FirstName + " " + c.LastName))
                .ToListAsync(ct);
            household = new HouseholdPlace(h.Id, h.AddressId, h.Address!.Street, h.Address.PostalCode, h.Address.City, h.Apartment, clients);
        }
        var entrance = d.Entrance is { } e
            ? new EntrancePlace(e.Id, e.AddressId, e.Address!.Street, e.Address.PostalCode, e.Address.City, e.Name)
            : null;

        var (forecast, readings) = await Battery(id, ct);
        var location = DeviceLocation.Describe(d.Status, d.StockLocation?.Name, household?.Street, household?.Apartment, entrance?.Street, entrance?.Name);
        return new Details(d.Id, d.Version, d.SerialNumber, d.KeyNumber, d.Kind, d.DeviceModelId, d.Model!.Name, d.Model.Supplier,
            d.Firmware, d.Note, d.Status, location, d.StockLocationId, d.StockLocation?.Name, household, entrance,
            d.InstalledOn, d.FaultDescription, d.ScrapReason, d.BatteryLevel, d.BatteryReportedAt, forecast, readings,
            DeviceActions.Allowed(d.Status, (d.HouseholdId ?? d.EntranceId) is not null));
    }

    private async Task<(BatteryForecast Forecast, IReadOnlyList<Reading> Latest)> Battery(Guid id, CancellationToken ct)
    {
        var now = db.Clock.UtcNow();
        var since = now - BatteryForecast.Window;
        var recent = await db.BatteryReadings.AsNoTracking()
            .Where(r => r.DeviceId == id && r.At >= since)
            .Select(r => new { r.At, r.Level })
            .ToListAsync(ct);
        var latest = await db.BatteryReadings.AsNoTracking()
            .Where(r => r.DeviceId == id)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
            .Take(ReadingsShown)
            .Select(r => new Reading(r.At, r.Level))
            .ToListAsync(ct);
        return (BatteryForecast.From(recent.Select(r => (r.At, r.Level)), now), latest);
    }
}
