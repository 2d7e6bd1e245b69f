using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Identity;
using Nyckelfri.Providers;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Admin;

[Authorize(Policy = Policies.MunicipalityAdmin)]
public sealed class NewUserModel(UserAdministration admin, UnitLookup lookup) : UserFormModel(lookup)
{
    public override bool IsNew => true;

    public Task OnGetAsync(CancellationToken ct) => LoadLists(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadLists(ct);
        return await Attempt(async () =>
        {
            var id = await admin.Create(Input, ct);
            StatusMessage = "Användaren är skapad.";
            return Redirect($"/Admin/Anvandare/{id}");
        });
    }
}
