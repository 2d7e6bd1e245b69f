using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Stock;

/// <summary>One device model as the API and the edit page show it.</summary>
public sealed class GetDeviceModel(NyckelfriDbContext db) : IHandler
{
    public sealed record Details(Guid Id, int Version, DeviceKind Kind, string Name, string Supplier, string? Note);

    public async Task<Details> Handle(Guid id, CancellationToken ct) =>
        await db.DeviceModels.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new Details(m.Id, m.Version, m.Kind, m.Name, m.Supplier, m.Note))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Modellen");
}
