using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Stock;

/// <summary>The municipality's device models in name order, for the model list and pick lists (a handful, so not paged).</summary>
public sealed class ListDeviceModels(NyckelfriDbContext db) : IHandler
{
    public sealed record Item(Guid Id, int Version, DeviceKind Kind, string Name, string Supplier, string? Note);

    public async Task<IReadOnlyList<Item>> Handle(CancellationToken ct) =>
        await db.DeviceModels.AsNoTracking()
            .OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new Item(m.Id, m.Version, m.Kind, m.Name, m.Supplier, m.Note))
            .ToListAsync(ct);
}
