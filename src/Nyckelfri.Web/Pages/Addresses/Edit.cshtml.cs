using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Properties;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Addresses;

[Authorize(Policy = Policies.PropertiesWrite)]
public sealed class EditModel(EditAddress edit, PropertyOwnerLookup lookup) : NyckelfriPageModel
{
    [BindProperty] public EditAddress.Command Input { get; set; } = new();
    public Guid Id { get; private set; }
    public IReadOnlyList<PropertyOwnerLookup.Option> Owners { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        Input = await edit.Load(id, ct);
        Owners = await lookup.Owners(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        Owners = await lookup.Owners(ct);
        return await Attempt(async () =>
        {
            await edit.Handle(id, Input, ct);
            StatusMessage = "Ändringarna är sparade.";
            return Redirect($"/Adresser/{id}");
        });
    }
}
