using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Stock;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Stock;

/// <summary>The installer puts the client's own lock parts in store after mounting the digital lock.</summary>
[Authorize(Policy = Policies.DevicesWrite)]
public sealed class LockPartStoreModel(StoreOriginalLockPart store, ListStockLocations locations, TimeProvider clock) : NyckelfriPageModel
{
    [BindProperty] public StoreOriginalLockPart.Command Input { get; set; } = new();
    public Guid ClientId { get; private set; }
    public string ClientName { get; private set; } = "";
    public IReadOnlyList<ListStockLocations.Item> Locations { get; private set; } = [];

    public async Task OnGetAsync(Guid clientId, CancellationToken ct)
    {
        await Describe(clientId, ct);
        Input = new StoreOriginalLockPart.Command { Description = "Ordinarie låsvred", StoredOn = clock.Today() };
    }

    public async Task<IActionResult> OnPostAsync(Guid clientId, CancellationToken ct)
    {
        await Describe(clientId, ct);
        Input.ClientId = clientId;
        return await Attempt(async () =>
        {
            await store.Handle(Input, ct);
            StatusMessage = "Låsdelarna är registrerade i lager.";
            return Redirect($"/Brukare/{clientId}");
        });
    }

    private async Task Describe(Guid clientId, CancellationToken ct)
    {
        ClientId = clientId;
        ClientName = await store.ClientName(clientId, ct);
        Locations = await locations.Handle(ct);
    }
}
