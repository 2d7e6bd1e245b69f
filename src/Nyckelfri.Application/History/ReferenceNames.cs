using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.History;

/// <summary>
/// Turns the ids a history line recorded for a reference (a unit, a household, a model …) into what a
/// person recognises, through the caller's scoped queries: a record the caller may not see is shown
/// as "(ej synlig)", never by name.
/// </summary>
internal sealed class ReferenceNames(NyckelfriDbContext db)
{
    internal const string NotVisible = "(ej synlig)";

    private enum Target { Unit, Provider, Household, Address, Entrance, PropertyOwner, Client, DeviceModel, StockLocation, Device, KeySet, PurchaseOrder }

    // Which table a recorded field refers to. Fields not listed are shown as recorded.
    private static readonly Dictionary<string, Target> Fields = new(StringComparer.Ordinal)
    {
        ["UnitId"] = Target.Unit, ["Units"] = Target.Unit, ["HolderUnitId"] = Target.Unit, ["FromUnitId"] = Target.Unit,
        ["ToUnitId"] = Target.Unit, ["OwnerUnitId"] = Target.Unit, ["ProviderId"] = Target.Provider,
        ["HouseholdId"] = Target.Household, ["AddressId"] = Target.Address, ["EntranceId"] = Target.Entrance,
        ["PropertyOwnerId"] = Target.PropertyOwner, ["ClientId"] = Target.Client, ["DeviceModelId"] = Target.DeviceModel,
        ["StockLocationId"] = Target.StockLocation, ["DeliverToId"] = Target.StockLocation, ["DeviceId"] = Target.Device,
        ["KeySetId"] = Target.KeySet, ["PurchaseOrderId"] = Target.PurchaseOrder,
    };

    public async Task<IReadOnlyList<GetHistory.Line>> Resolve(IReadOnlyList<GetHistory.Line> lines, CancellationToken ct)
    {
        var wanted = lines.SelectMany(l => l.Changes)
            .Where(c => Fields.ContainsKey(c.Field))
            .SelectMany(c => new[] { c.Before, c.After }.Select(v => (Target: Fields[c.Field], Value: v)))
            .Where(r => Guid.TryParse(r.Value, out _))
            .GroupBy(r => r.Target, r => Guid.Parse(r.Value!))
            .ToDictionary(g => g.Key, g => g.Distinct().ToList());
        if (wanted.Count == 0) return lines;

        var names = new Dictionary<Guid, string>();
        foreach (var (target, ids) in wanted)
            foreach (var (id, name) in await Names(target, ids, ct))
                names[id] = name;

        string? Show(string field, string? value) =>
            Fields.ContainsKey(field) && Guid.TryParse(value, out var id) ? names.GetValueOrDefault(id, NotVisible) : value;

        return lines.Select(l => l with
        {
            Changes = l.Changes.Select(c => c with { Before = Show(c.Field, c.Before), After = Show(c.Field, c.After) }).ToList(),
        }).ToList();
    }

    private Task<List<KeyValuePair<Guid, string>>> Names(Target target, List<Guid> ids, CancellationToken ct) => target switch
    {
        Target.Unit => Pairs(db.Units.Where(x => ids.Contains(x.Id)).Select(x => new KeyValuePair<Guid, string>(x.Id, x.Provider!.Name + " – " + x.Name)), ct),
        Target.Provider => Pairs(db.Providers.Where(x => ids.Contains(x.Id)).Select(x => new KeyValuePair<Guid, string>(x.Id, x.Name)), ct),
        Target.Household => Pairs(db.Households.Where(x => ids.Contains(x.Id))
            .Select(x => new KeyValuePair<Guid, string>(x.Id, x.Address!.Street + (x.Apartment == null ? "" : ", lgh " + x.Apartment))), ct),
        Target.Address => Pairs(db.Addresses.Where(x => ids.Contains(x.Id)).Select(x => new KeyValuePair<Guid, string>(x.Id, x.Street + ", " + x.City)), ct),
        Target.Entrance => Pairs(db.Entrances.Where(x => ids.Contains(x.Id)).Select(x => new KeyValuePair<Guid, string>(x.Id, x.Address!.Street + ", " + x.Name)), ct),
        Target.PropertyOwner => Pairs(db.PropertyOwners.Where(x => ids.Contains(x.Id)).Select(x => new KeyValuePair<Guid, string>(x.Id, x.Name)), ct),
        Target.Client => Pairs(db.Clients.Where(x => ids.Contains(x.Id)).Select(x => new KeyValuePair<Guid, string>(x.Id, x.FirstName + " " + x.LastName)), ct),
        Target.DeviceModel => Pairs(db.DeviceModels.Where(x => ids.Contains(x.Id)).Select(x => new KeyValuePair<Guid, string>(x.Id, x.Name)), ct),
        Target.StockLocation => Pairs(db.StockLocations.Where(x => ids.Contains(x.Id)).Select(x => new KeyValuePair<Guid, string>(x.Id, x.Name)), ct),
        Target.Device => Pairs(db.Devices.Where(x => ids.Contains(x.Id)).Select(x => new KeyValuePair<Guid, string>(x.Id, x.SerialNumber)), ct),
        Target.KeySet => Pairs(db.KeySets.Where(x => ids.Contains(x.Id)).Select(x => new KeyValuePair<Guid, string>(x.Id, "nyckel " + x.KeyNumber)), ct),
        Target.PurchaseOrder => PurchaseOrders(ids, ct),
        _ => Task.FromResult(new List<KeyValuePair<Guid, string>>()),
    };

    private async Task<List<KeyValuePair<Guid, string>>> PurchaseOrders(List<Guid> ids, CancellationToken ct) =>
        (await db.PurchaseOrders.Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Number }).ToListAsync(ct))
        .Select(x => new KeyValuePair<Guid, string>(x.Id, PurchaseOrder.FormatNumber(x.Number))).ToList();

    private static Task<List<KeyValuePair<Guid, string>>> Pairs(IQueryable<KeyValuePair<Guid, string>> query, CancellationToken ct) =>
        query.ToListAsync(ct);
}
