using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Devices;

/// <summary>
/// The device register: search by serial or key number, filter by kind, status, model and stock
/// location, paged. The query filters decide which devices a provider's user sees (those at its clients' homes).
/// </summary>
public sealed class ListDevices(NyckelfriDbContext db) : IHandler
{
    public sealed record Query(string? Search = null, DeviceKind? Kind = null, DeviceStatus? Status = null, Guid? ModelId = null,
        Guid? StockLocationId = null, int? Page = null, int? PageSize = null);

    public sealed record Item(Guid Id, string SerialNumber, string? KeyNumber, DeviceKind Kind, string ModelName, DeviceStatus Status,
        string Location, Guid? StockLocationId, Guid? HouseholdId, Guid? EntranceId, int? BatteryLevel, DateTime? BatteryReportedAt);

    private sealed record Row(Guid Id, string SerialNumber, string? KeyNumber, DeviceKind Kind, string ModelName, DeviceStatus Status,
        Guid? StockLocationId, string? StockLocationName, Guid? HouseholdId, string? HouseholdStreet, string? Apartment,
        Guid? EntranceId, string? EntranceStreet, string? EntranceName, int? BatteryLevel, DateTime? BatteryReportedAt);

    public async Task<Page<Item>> Handle(Query query, CancellationToken ct)
    {
        var devices = db.Devices.AsNoTracking();
        // Numbers are stored upper-case, so an upper-cased search matches whatever case was typed.
        var term = query.Search?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(term))
            devices = devices.Where(d => d.SerialNumber.Contains(term) || (d.KeyNumber != null && d.KeyNumber.Contains(term)));
        if (query.Kind is { } kind) devices = devices.Where(d => d.Kind == kind);
        if (query.Status is { } status) devices = devices.Where(d => d.Status == status);
        if (query.ModelId is { } modelId) devices = devices.Where(d => d.DeviceModelId == modelId);
        if (query.StockLocationId is { } locationId) devices = devices.Where(d => d.StockLocationId == locationId);

        var page = await devices
            .OrderBy(d => d.SerialNumber)
            .Select(d => new Row(d.Id, d.SerialNumber, d.KeyNumber, d.Kind, d.Model!.Name, d.Status,
                d.StockLocationId, d.StockLocation == null ? null : d.StockLocation.Name,
                d.HouseholdId, d.Household == null ? null : d.Household.Address!.Street, d.Household == null ? null : d.Household.Apartment,
                d.EntranceId, d.Entrance == null ? null : d.Entrance.Address!.Street, d.Entrance == null ? null : d.Entrance.Name,
                d.BatteryLevel, d.BatteryReportedAt))
            .ToPageAsync(query.Page, query.PageSize, ct);

        return new Page<Item>(page.Items.Select(r => new Item(r.Id, r.SerialNumber, r.KeyNumber, r.Kind, r.ModelName, r.Status,
                DeviceLocation.Describe(r.Status, r.StockLocationName, r.HouseholdStreet, r.Apartment, r.EntranceStreet, r.EntranceName),
                r.StockLocationId, r.HouseholdId, r.EntranceId, r.BatteryLevel, r.BatteryReportedAt)).ToList(),
            page.PageNumber, page.PageSize, page.TotalCount);
    }
}

/// <summary>Where a device is, in words: a shelf, a household's door, an entrance, or away at the supplier.</summary>
public static class DeviceLocation
{
    public static string Describe(DeviceStatus status, string? stockLocation, string? householdStreet, string? apartment,
        string? entranceStreet, string? entranceName)
    {
        string? place = householdStreet is not null ? householdStreet + (apartment is null ? "" : $", lgh {apartment}")
            : entranceStreet is not null ? $"{entranceStreet}, {entranceName}"
            : null;
        return status switch
        {
            DeviceStatus.Reserved when place is not null => $"Reserverad för {place}" + (stockLocation is null ? "" : $" (ligger på {stockLocation})"),
            DeviceStatus.InRepair => "Hos leverantören för reparation",
            DeviceStatus.Scrapped => "Skrotad",
            _ => place ?? stockLocation ?? "–",
        };
    }
}
