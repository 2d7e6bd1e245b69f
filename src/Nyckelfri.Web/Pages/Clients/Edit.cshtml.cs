using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Clients;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Clients;

[Authorize(Policy = Policies.ClientsWrite)]
public sealed class EditModel(EditClient edit, GetClient get) : NyckelfriPageModel
{
    [BindProperty] public EditClient.Command Input { get; set; } = new();
    public Guid Id { get; private set; }
    public string MaskedNumber { get; private set; } = "";

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        Input = await edit.Load(id, ct);
        MaskedNumber = (await get.Handle(id, ct)).PersonalIdentityNumber;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        MaskedNumber = (await get.Handle(id, ct)).PersonalIdentityNumber;
        return await Attempt(async () =>
        {
            await edit.Handle(id, Input, ct);
            StatusMessage = "Ändringarna är sparade.";
            return Redirect($"/Brukare/{id}");
        });
    }
}
