using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Properties;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Entrances;

[Authorize(Policy = Policies.PropertiesWrite)]
public sealed class CreateModel(AddEntrance add, GetAddress getAddress) : NyckelfriPageModel
{
    [BindProperty] public AddEntrance.Command Input { get; set; } = new();
    public GetAddress.Details Address { get; private set; } = null!;

    public async Task OnGetAsync(Guid addressId, CancellationToken ct) => Address = await getAddress.Handle(addressId, ct);

    public async Task<IActionResult> OnPostAsync(Guid addressId, CancellationToken ct)
    {
        Address = await getAddress.Handle(addressId, ct);
        return await Attempt(async () =>
        {
            await add.Handle(addressId, Input, ct);
            StatusMessage = "Porten är tillagd.";
            return Redirect($"/Adresser/{addressId}");
        });
    }
}
