using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Providers;
using Nyckelfri.Services;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.CareServices;

[Authorize(Policy = Policies.ServicesWrite)]
public sealed class CreateModel(AddCareService add, UnitLookup lookup) : NyckelfriPageModel
{
    [BindProperty] public AddCareService.Command Input { get; set; } = new();
    public Guid ClientId { get; private set; }
    public string ClientName { get; private set; } = "";
    public IReadOnlyList<UnitLookup.Option> Units { get; private set; } = [];

    public async Task OnGetAsync(Guid clientId, CancellationToken ct) => await Describe(clientId, ct);

    public async Task<IActionResult> OnPostAsync(Guid clientId, CancellationToken ct)
    {
        await Describe(clientId, ct);
        return await Attempt(async () =>
        {
            await add.Handle(clientId, Input, ct);
            StatusMessage = "Insatsen är registrerad.";
            return Redirect($"/Brukare/{clientId}");
        });
    }

    private async Task Describe(Guid clientId, CancellationToken ct)
    {
        ClientId = clientId;
        ClientName = await add.ClientName(clientId, ct);
        Units = await lookup.Units(ct);
    }
}
