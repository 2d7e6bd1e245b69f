using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Providers;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Providers;

[Authorize(Policy = Policies.ProvidersWrite)]
public sealed class CreateModel(RegisterProvider register) : NyckelfriPageModel
{
    [BindProperty] public RegisterProvider.Command Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => await Attempt(async () =>
    {
        var id = await register.Handle(Input, ct);
        StatusMessage = "Utföraren är registrerad.";
        return Redirect($"/Utforare/{id}");
    });
}
