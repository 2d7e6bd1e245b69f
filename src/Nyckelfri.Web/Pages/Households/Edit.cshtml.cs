using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Households;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Households;

[Authorize(Policy = Policies.ClientsWrite)]
public sealed class EditModel(EditHousehold edit, GetHousehold get) : NyckelfriPageModel
{
    [BindProperty] public EditHousehold.Command Input { get; set; } = new();
    public GetHousehold.Details Household { get; private set; } = null!;
    public IReadOnlyList<EditHousehold.EntranceOption> Entrances { get; private set; } = [];
    public bool CanAddEntrance => Can(Policies.PropertiesWrite);

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await Describe(id, ct);
        Input = await edit.Load(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await Describe(id, ct);
        return await Attempt(async () =>
        {
            await edit.Handle(id, Input, ct);
            StatusMessage = "Ändringarna är sparade.";
            return Redirect($"/Hushall/{id}");
        });
    }

    private async Task Describe(Guid id, CancellationToken ct)
    {
        Household = await get.Handle(id, ct);
        Entrances = await edit.Entrances(id, ct);
    }
}
