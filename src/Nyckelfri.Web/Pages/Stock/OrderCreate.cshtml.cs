using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Stock;

/// <summary>A new purchase order: a few blank rows of model and quantity; rows left blank are ignored.</summary>
[Authorize(Policy = Policies.StockWrite)]
public sealed class OrderCreateModel(PlacePurchaseOrder place, ListDeviceModels models, ListStockLocations locations, TimeProvider clock)
    : NyckelfriPageModel
{
    public const int Rows = 5;

    [BindProperty] public PlacePurchaseOrder.Command Input { get; set; } = new();
    public IReadOnlyList<ListDeviceModels.Item> Models { get; private set; } = [];
    public IReadOnlyList<ListStockLocations.Item> Locations { get; private set; } = [];

    /// <param name="modelId">From a reorder warning: the model to order.</param>
    /// <param name="locationId">From a reorder warning: where it is missing.</param>
    public async Task OnGetAsync(Guid? modelId, Guid? locationId, CancellationToken ct)
    {
        await LoadOptions(ct);
        Input = new PlacePurchaseOrder.Command { DeliverToId = locationId, OrderedOn = clock.Today() };
        if (modelId is not null) Input.Lines.Add(new PlacePurchaseOrder.Line { DeviceModelId = modelId });
        PadRows();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadOptions(ct);
        PadRows();
        return await Attempt(async () =>
        {
            var id = await place.Handle(Input, ct);
            StatusMessage = "Beställningen är lagd.";
            return Redirect($"/Lager/Bestallningar/{id}");
        });
    }

    private void PadRows()
    {
        while (Input.Lines.Count < Rows) Input.Lines.Add(new PlacePurchaseOrder.Line());
    }

    private async Task LoadOptions(CancellationToken ct)
    {
        Models = await models.Handle(ct);
        Locations = await locations.Handle(ct);
    }
}
