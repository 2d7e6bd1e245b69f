using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Providers;
using Nyckelfri.Staff;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Staff;

[Authorize(Policy = Policies.StaffWrite)]
public sealed class EditModel(EditEmployee edit, UnitLookup lookup) : NyckelfriPageModel
{
    [BindProperty] public EditEmployee.Command Input { get; set; } = new();
    public EmployeeOptions Options { get; private set; } = new([], []);
    public Guid Id { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        Input = await edit.Load(id, ct);
        Options = await EmployeeOptions.Load(lookup, Input.ProviderId, ct);
    }

    /// <summary>Shows the chosen provider's units without saving (the form works without script).</summary>
    public async Task OnPostProviderAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        await edit.Load(id, ct); // 404 for an employee the user may not see, as on saving
        ModelState.Clear();
        Options = await EmployeeOptions.ForChangedProvider(lookup, Input, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        Options = await EmployeeOptions.Load(lookup, Input.ProviderId, ct);
        return await Attempt(async () =>
        {
            await edit.Handle(id, Input, ct);
            StatusMessage = "Ändringarna är sparade.";
            return Redirect($"/Personal/{id}");
        });
    }
}
