using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Access;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.DigitalKeys;

/// <summary>The alarm centre registers a new key into its own stock or the staffing unit's.</summary>
[Authorize(Policy = Policies.DigitalKeysWrite)]
public sealed class CreateModel(RegisterDigitalKey register) : NyckelfriPageModel
{
    [BindProperty] public RegisterDigitalKey.Command Input { get; set; } = new() { Kind = DigitalKeyKind.PhoneApp, Stock = KeyStock.AlarmCentre };

    public void OnGet() { }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        var id = await register.Handle(Input, ct);
        StatusMessage = "Nyckeln är registrerad.";
        return Redirect($"/Nycklar/Digitala/{id}");
    });
}
