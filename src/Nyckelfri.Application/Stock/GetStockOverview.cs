using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Stock;

/// <summary>
/// What is on the shelves: per model and location the devices in stock and reserved against the
/// reorder level, per model the totals with the faulty ones and those away for repair, and a warning
/// for every pair below its level (seed 002 §7: time to tell the system administrator to order).
/// </summary>
public sealed class GetStockOverview(NyckelfriDbContext db) : IHandler
{
    private static readonly StringComparer Swedish = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);

    public sealed record Overview(IReadOnlyList<ModelStock> Models, IReadOnlyList<Warning> Warnings);

    /// <param name="InStock">On a shelf and free; reserved devices are counted apart, they are spoken for.</param>
    /// <param name="Faulty">Reported faulty, mounted or not.</param>
    public sealed record ModelStock(Guid DeviceModelId, string Name, DeviceKind Kind, string Supplier,
        int InStock, int Reserved, int Faulty, int InRepair, IReadOnlyList<LocationStock> Locations);

    /// <summary>One model at one location: shown when something is there or a reorder level is set.</summary>
    public sealed record LocationStock(Guid StockLocationId, string Name, int InStock, int Reserved, int? ReorderLevel, bool BelowReorderLevel);

    public sealed record Warning(Guid DeviceModelId, Guid StockLocationId, int InStock, int ReorderLevel, string Message);

    private sealed record Count(Guid ModelId, Guid? LocationId, DeviceStatus Status, int Devices);

    public async Task<Overview> Handle(CancellationToken ct)
    {
        var models = await db.DeviceModels.AsNoTracking().Select(m => new { m.Id, m.Name, m.Kind, m.Supplier }).ToListAsync(ct);
        var locations = await db.StockLocations.AsNoTracking().Select(l => new { l.Id, l.Name }).ToListAsync(ct);
        var levels = await db.ReorderLevels.AsNoTracking()
            .Select(r => new { r.DeviceModelId, r.StockLocationId, r.Level }).ToListAsync(ct);
        var counts = await db.Devices.AsNoTracking()
            .Where(d => d.Status == DeviceStatus.InStock || d.Status == DeviceStatus.Reserved
                        || d.Status == DeviceStatus.Faulty || d.Status == DeviceStatus.InRepair)
            .GroupBy(d => new { d.DeviceModelId, d.StockLocationId, d.Status })
            .Select(g => new Count(g.Key.DeviceModelId, g.Key.StockLocationId, g.Key.Status, g.Count()))
            .ToListAsync(ct);

        int CountOf(Guid model, Guid? location, DeviceStatus status) =>
            counts.Where(c => c.ModelId == model && c.Status == status && (location is null || c.LocationId == location)).Sum(c => c.Devices);

        var result = new List<ModelStock>();
        var warnings = new List<Warning>();
        foreach (var model in models.OrderBy(m => m.Name, Swedish))
        {
            var rows = new List<LocationStock>();
            foreach (var location in locations.OrderBy(l => l.Name, Swedish))
            {
                var inStock = CountOf(model.Id, location.Id, DeviceStatus.InStock);
                var reserved = CountOf(model.Id, location.Id, DeviceStatus.Reserved);
                var level = levels.FirstOrDefault(r => r.DeviceModelId == model.Id && r.StockLocationId == location.Id)?.Level;
                if (inStock == 0 && reserved == 0 && level is null) continue;
                var below = level is { } l && inStock < l;
                rows.Add(new LocationStock(location.Id, location.Name, inStock, reserved, level, below));
                if (below)
                    warnings.Add(new Warning(model.Id, location.Id, inStock, level!.Value,
                        $"Under beställningsnivå: {model.Name} i {location.Name}: {inStock} i lager, nivå {level}"));
            }
            result.Add(new ModelStock(model.Id, model.Name, model.Kind, model.Supplier,
                CountOf(model.Id, null, DeviceStatus.InStock), CountOf(model.Id, null, DeviceStatus.Reserved),
                CountOf(model.Id, null, DeviceStatus.Faulty), CountOf(model.Id, null, DeviceStatus.InRepair), rows));
        }
        return new Overview(result, warnings);
    }
}
