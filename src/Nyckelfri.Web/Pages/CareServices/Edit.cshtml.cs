using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.History;
using Nyckelfri.Providers;
using Nyckelfri.Services;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.CareServices;

[Authorize(Policy = Policies.ServicesWrite)]
public sealed class EditModel(EditCareService edit, GetCareService get, UnitLookup lookup, GetHistory history) : NyckelfriPageModel
{
    [BindProperty] public EditCareService.Command Input { get; set; } = new();
    public GetCareService.Details Service { get; private set; } = null!;
    public IReadOnlyList<UnitLookup.Option> Units { get; private set; } = [];
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];

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
            StatusMessage = "Insatsen är ändrad.";
            return Redirect($"/Brukare/{Service.ClientId}");
        });
    }

    private async Task Describe(Guid id, CancellationToken ct)
    {
        Service = await get.Handle(id, ct);
        Units = await lookup.Units(ct);
        History = await history.ForPeople(id, ct);
    }
}
