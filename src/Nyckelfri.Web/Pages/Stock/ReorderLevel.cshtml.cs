using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Stock;

/// <summary>Sets the reorder level of one model at one location; reached from the overview with both already chosen.</summary>
[Authorize(Policy = Policies.StockWrite)]
public sealed class ReorderLevelModel(SetReorderLevel set, ListDeviceModels models, ListStockLocations locations) : NyckelfriPageModel
{
    [BindProperty] public SetReorderLevel.Command Input { get; set; } = new();
    public IReadOnlyList<ListDeviceModels.Item> Models { get; private set; } = [];
    public IReadOnlyList<ListStockLocations.Item> Locations { get; private set; } = [];

    public async Task OnGetAsync(Guid? locationId, Guid? modelId, CancellationToken ct)
    {
        await LoadOptions(ct);
        Input = await set.Load(locationId, modelId, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadOptions(ct);
        return await Attempt(async () =>
        {
            await set.Handle(Input, ct);
            StatusMessage = "Beställningsnivån är sparad.";
            return Redirect("/Lager");
        });
    }

    private async Task LoadOptions(CancellationToken ct)
    {
        Models = await models.Handle(ct);
        Locations = await locations.Handle(ct);
    }
}
