using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Properties;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.PropertyOwners;

[Authorize(Policy = Policies.PropertiesWrite)]
public sealed class CreateModel(RegisterPropertyOwner register) : NyckelfriPageModel
{
    [BindProperty] public RegisterPropertyOwner.Command Input { get; set; } = new();

    public void OnGet() { }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        var id = await register.Handle(Input, ct);
        StatusMessage = "Fastighetsägaren är registrerad.";
        return Redirect($"/Fastighetsagare/{id}");
    });
}
