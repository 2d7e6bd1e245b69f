using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Devices;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Stock;

[Authorize(Policy = Policies.StockRead)]
public sealed class OrderListModel(ListPurchaseOrders list) : NyckelfriPageModel
{
    [BindProperty(SupportsGet = true)] public PurchaseOrderStatus? Status { get; set; }
    // From the query string only: Razor Pages puts the page's own path in the route value "page".
    [BindProperty(SupportsGet = true, Name = "page"), FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Page<ListPurchaseOrders.Item> Orders { get; private set; } = new([], 1, Page<ListPurchaseOrders.Item>.DefaultSize, 0);
    public bool CanWrite => Can(Policies.StockWrite);
    public bool CanReceive => Can(Policies.DevicesWrite);

    public async Task OnGetAsync(CancellationToken ct) =>
        Orders = await list.Handle(new ListPurchaseOrders.Query(Status, PageNumber), ct);
}
