using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Stock;

/// <summary>One purchase order with its lines: ordered, delivered and what remains to come.</summary>
public sealed class GetPurchaseOrder(NyckelfriDbContext db) : IHandler
{
    public sealed record Details(Guid Id, int Version, int Number, string Supplier, DateOnly OrderedOn, Guid DeliverToId,
        string DeliverToName, PurchaseOrderStatus Status, string? Note, IReadOnlyList<LineItem> Lines)
    {
        public string Reference => PurchaseOrder.FormatNumber(Number);
    }

    public sealed record LineItem(Guid Id, Guid DeviceModelId, string ModelName, DeviceKind Kind, int Ordered, int Delivered)
    {
        public int Remaining => Ordered - Delivered;
    }

    public async Task<Details> Handle(Guid id, CancellationToken ct)
    {
        var order = await db.PurchaseOrders.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new Details(o.Id, o.Version, o.Number, o.Supplier, o.OrderedOn, o.DeliverToId, o.DeliverTo!.Name,
                o.Status, o.Note, new List<LineItem>()))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Beställningen");
        // A second query: SQLite cannot run a collection inside the projection above.
        var lines = await db.PurchaseOrderLines.AsNoTracking()
            .Where(l => l.PurchaseOrderId == id)
            .OrderBy(l => l.Model!.Name)
            .Select(l => new LineItem(l.Id, l.DeviceModelId, l.Model!.Name, l.Model.Kind, l.Ordered, l.Delivered))
            .ToListAsync(ct);
        return order with { Lines = lines };
    }
}
