using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Keys;
using Nyckelfri.Providers;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Keys;

/// <summary>The client hands a set of keys to a unit; the receipt is shown for printing straight after.</summary>
[Authorize(Policy = Policies.KeysWrite)]
public sealed class HandOutModel(HandOutKeySet handOut, KeyHolderUnits units) : NyckelfriPageModel
{
    [BindProperty] public HandOutKeySet.Command Input { get; set; } = new();
    public Guid ClientId { get; private set; }
    public string ClientName { get; private set; } = "";
    public IReadOnlyList<UnitLookup.Option> Units { get; private set; } = [];

    public async Task OnGetAsync(Guid clientId, CancellationToken ct)
    {
        var form = await handOut.New(clientId, ct);
        (ClientId, ClientName, Input) = (form.ClientId, form.ClientName, form.Command);
        Units = await units.ForHandOut(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid clientId, CancellationToken ct)
    {
        ClientId = clientId;
        ClientName = await handOut.ClientName(clientId, ct);
        Units = await units.ForHandOut(ct);
        return await Attempt(async () =>
        {
            var result = await handOut.Handle(clientId, Input, ct);
            StatusMessage = "Utlämningen är registrerad. Skriv ut kvittensen och låt parterna skriva under.";
            return Redirect($"/Nycklar/Kvittens/{result.ReceiptId}");
        });
    }
}
