using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Devices;
using Nyckelfri.History;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Stock;

/// <summary>One purchase order: its lines and deliveries so far, and (for those who order) cancelling what has not come.</summary>
[Authorize(Policy = Policies.StockRead)]
public sealed class OrderDetailsModel(GetPurchaseOrder get, GetHistory history, CancelPurchaseOrder cancel) : NyckelfriPageModel
{
    [BindProperty] public CancelPurchaseOrder.Command Cancel { get; set; } = new();
    public GetPurchaseOrder.Details Order { get; private set; } = null!;
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];
    public bool IsOpen => Order.Status == PurchaseOrderStatus.Open;
    public bool CanCancel => Can(Policies.StockWrite);
    public bool CanReceive => Can(Policies.DevicesWrite);

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        Cancel = new CancelPurchaseOrder.Command { Version = Order.Version };
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (!CanCancel) return Forbid();
        await Load(id, ct);
        return await Attempt(async () =>
        {
            await cancel.Handle(id, Cancel, ct);
            StatusMessage = $"Beställning {Order.Reference} är makulerad.";
            return Redirect($"/Lager/Bestallningar/{id}");
        }, prefix: nameof(Cancel));
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        Order = await get.Handle(id, ct);
        History = await history.ForPeople(id, ct);
    }
}
