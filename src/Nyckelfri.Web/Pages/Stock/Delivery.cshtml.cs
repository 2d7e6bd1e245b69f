using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Devices;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Stock;

/// <summary>
/// Receiving a delivery: the installer picks the order (or none), the model and the shelf, and scans
/// the labels into the text box, one per line. On success the new devices are listed with links.
/// </summary>
[Authorize(Policy = Policies.DevicesWrite)]
public sealed class DeliveryModel(ReceiveDelivery receive, ListPurchaseOrders orders, GetPurchaseOrder order,
    ListDeviceModels models, ListStockLocations locations) : NyckelfriPageModel
{
    [BindProperty] public ReceiveDelivery.Command Input { get; set; } = new();
    public IReadOnlyList<ListPurchaseOrders.Item> OpenOrders { get; private set; } = [];
    public IReadOnlyList<ListDeviceModels.Item> Models { get; private set; } = [];
    public IReadOnlyList<ListStockLocations.Item> Locations { get; private set; } = [];

    /// <summary>The order chosen when the page was opened from it: its lines show what remains.</summary>
    public GetPurchaseOrder.Details? Order { get; private set; }
    public ReceiveDelivery.Result? Received { get; private set; }

    public IEnumerable<string> SerialErrors =>
        ModelState.TryGetValue($"{nameof(Input)}.{nameof(Input.SerialNumbers)}", out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    public async Task OnGetAsync(Guid? orderId, CancellationToken ct)
    {
        await LoadOptions(ct);
        if (orderId is null) return;
        Order = await order.Handle(orderId.Value, ct);
        Input.PurchaseOrderId = Order.Id;
        Input.DeviceModelId = Order.Lines.FirstOrDefault(l => l.Remaining > 0)?.DeviceModelId;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadOptions(ct);
        // The typed list is for API clients; the form sends text only.
        Input.Devices = null;
        return await Attempt(async () =>
        {
            Received = await receive.Handle(Input, ct);
            // Ready for the next box of the same model: keep the choices, empty the list.
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.SerialNumbers)}");
            Input.SerialNumbers = null;
            await LoadOptions(ct);
            return Page();
        });
    }

    private async Task LoadOptions(CancellationToken ct)
    {
        OpenOrders = (await orders.Handle(new ListPurchaseOrders.Query(PurchaseOrderStatus.Open, PageSize: 200), ct)).Items;
        Models = await models.Handle(ct);
        Locations = await locations.Handle(ct);
    }
}
