using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Stock;

/// <summary>Purchase orders, newest number first, optionally of one status, paged.</summary>
public sealed class ListPurchaseOrders(NyckelfriDbContext db) : IHandler
{
    public sealed record Query(PurchaseOrderStatus? Status = null, int? Page = null, int? PageSize = null);

    /// <param name="Ordered">Devices ordered over all lines.</param>
    /// <param name="Delivered">Devices received so far over all lines.</param>
    public sealed record Item(Guid Id, int Version, int Number, string Supplier, DateOnly OrderedOn, Guid DeliverToId,
        string DeliverToName, PurchaseOrderStatus Status, int Ordered, int Delivered)
    {
        public string Reference => PurchaseOrder.FormatNumber(Number);
    }

    public async Task<Page<Item>> Handle(Query query, CancellationToken ct)
    {
        var orders = db.PurchaseOrders.AsNoTracking();
        if (query.Status is { } status) orders = orders.Where(o => o.Status == status);
        return await orders
            .OrderByDescending(o => o.Number)
            .Select(o => new Item(o.Id, o.Version, o.Number, o.Supplier, o.OrderedOn, o.DeliverToId, o.DeliverTo!.Name, o.Status,
                o.Lines.Sum(l => l.Ordered), o.Lines.Sum(l => l.Delivered)))
            .ToPageAsync(query.Page, query.PageSize, ct);
    }
}
