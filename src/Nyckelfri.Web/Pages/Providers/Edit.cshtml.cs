using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Providers;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Providers;

[Authorize(Policy = Policies.ProvidersWrite)]
public sealed class EditModel(EditProvider edit) : NyckelfriPageModel
{
    [BindProperty] public EditProvider.Command Input { get; set; } = new();
    public Guid Id { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        Input = await edit.Load(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        return await Attempt(async () =>
        {
            await edit.Handle(id, Input, ct);
            StatusMessage = "Ändringarna är sparade.";
            return Redirect($"/Utforare/{id}");
        });
    }
}
