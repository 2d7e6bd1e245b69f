using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Providers;
using Nyckelfri.Staff;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Staff;

[Authorize(Policy = Policies.StaffWrite)]
public sealed class CreateModel(RegisterEmployee register, UnitLookup lookup) : NyckelfriPageModel
{
    [BindProperty] public RegisterEmployee.Command Input { get; set; } = new();
    public EmployeeOptions Options { get; private set; } = new([], []);

    public async Task OnGetAsync(Guid? providerId, CancellationToken ct) =>
        Options = await EmployeeOptions.ForNew(lookup, Input, providerId, ct);

    /// <summary>Shows the chosen provider's units without saving (the form works without script).</summary>
    public async Task OnPostProviderAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Options = await EmployeeOptions.ForChangedProvider(lookup, Input, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Options = await EmployeeOptions.Load(lookup, Input.ProviderId, ct);
        return await Attempt(async () =>
        {
            var id = await register.Handle(Input, ct);
            StatusMessage = "Medarbetaren är registrerad.";
            return Redirect($"/Personal/{id}");
        });
    }
}
