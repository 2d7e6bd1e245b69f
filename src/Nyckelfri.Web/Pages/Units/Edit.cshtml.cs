using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Providers;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Units;

[Authorize(Policy = Policies.ProvidersWrite)]
public sealed class EditModel(EditUnit edit, GetUnit get) : NyckelfriPageModel
{
    [BindProperty] public EditUnit.Command Input { get; set; } = new();
    public GetUnit.Details Unit { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Unit = await get.Handle(id, ct);
        Input = await edit.Load(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Unit = await get.Handle(id, ct);
        return await Attempt(async () =>
        {
            await edit.Handle(id, Input, ct);
            StatusMessage = "Ändringarna är sparade.";
            return Redirect($"/Enheter/{id}");
        });
    }
}
