using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Properties;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Entrances;

[Authorize(Policy = Policies.PropertiesWrite)]
public sealed class EditModel(EditEntrance edit, GetEntrance get) : NyckelfriPageModel
{
    [BindProperty] public EditEntrance.Command Input { get; set; } = new();
    public GetEntrance.Details Entrance { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Entrance = await get.Handle(id, ct);
        Input = await edit.Load(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Entrance = await get.Handle(id, ct);
        return await Attempt(async () =>
        {
            await edit.Handle(id, Input, ct);
            StatusMessage = "Ändringarna är sparade.";
            return Redirect($"/Portar/{id}");
        });
    }
}
