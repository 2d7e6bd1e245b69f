using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Properties;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.PropertyOwners;

[Authorize(Policy = Policies.PropertiesWrite)]
public sealed class EditModel(EditPropertyOwner edit) : NyckelfriPageModel
{
    [BindProperty] public EditPropertyOwner.Command Input { get; set; } = new();
    public Guid Id { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        Input = await edit.Load(id, ct);
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        return Attempt(async () =>
        {
            await edit.Handle(id, Input, ct);
            StatusMessage = "Ändringarna är sparade.";
            return Redirect($"/Fastighetsagare/{id}");
        });
    }
}
