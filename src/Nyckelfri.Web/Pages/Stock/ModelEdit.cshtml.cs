using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Stock;

[Authorize(Policy = Policies.StockWrite)]
public sealed class ModelEditModel(EditDeviceModel edit, GetDeviceModel get) : NyckelfriPageModel
{
    [BindProperty] public EditDeviceModel.Command Input { get; set; } = new();
    public GetDeviceModel.Details DeviceModel { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        DeviceModel = await get.Handle(id, ct);
        Input = await edit.Load(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        DeviceModel = await get.Handle(id, ct);
        return await Attempt(async () =>
        {
            await edit.Handle(id, Input, ct);
            StatusMessage = "Ändringarna är sparade.";
            return Redirect("/Lager/Modeller");
        });
    }
}
