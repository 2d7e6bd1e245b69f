using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Properties;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Addresses;

[Authorize(Policy = Policies.PropertiesWrite)]
public sealed class CreateModel(RegisterAddress register, PropertyOwnerLookup lookup) : NyckelfriPageModel
{
    [BindProperty] public RegisterAddress.Command Input { get; set; } = new();
    public IReadOnlyList<PropertyOwnerLookup.Option> Owners { get; private set; } = [];

    /// <param name="propertyOwnerId">Preselects the owner when coming from the owner's page.</param>
    public async Task OnGetAsync(Guid? propertyOwnerId, CancellationToken ct)
    {
        Input.PropertyOwnerId = propertyOwnerId;
        Owners = await lookup.Owners(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Owners = await lookup.Owners(ct);
        return await Attempt(async () =>
        {
            var id = await register.Handle(Input, ct);
            StatusMessage = "Adressen är registrerad. Lägg till portarna om huset har sådana.";
            return Redirect($"/Adresser/{id}");
        });
    }
}
