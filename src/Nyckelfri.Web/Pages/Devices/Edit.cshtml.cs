using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Devices;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Devices;

[Authorize(Policy = Policies.DevicesWrite)]
public sealed class EditModel(EditDevice edit, GetDevice get) : NyckelfriPageModel
{
    [BindProperty] public EditDevice.Command Input { get; set; } = new();
    public GetDevice.Details Device { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Device = await get.Handle(id, ct);
        Input = await edit.Load(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Device = await get.Handle(id, ct);
        return await Attempt(async () =>
        {
            await edit.Handle(id, Input, ct);
            StatusMessage = "Ändringarna är sparade.";
            return Redirect($"/Utrustning/{id}");
        });
    }
}
