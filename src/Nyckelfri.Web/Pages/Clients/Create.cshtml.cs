using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Clients;
using Nyckelfri.Data;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Clients;

[Authorize(Policy = Policies.ClientsWrite)]
public sealed class CreateModel(RegisterClient register, NyckelfriDbContext db) : NyckelfriPageModel
{
    [BindProperty] public RegisterClient.Command Input { get; set; } = new();

    /// <summary>The household being joined, as an address line; null for a new household.</summary>
    public string? Household { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? householdId, CancellationToken ct)
    {
        Input.HouseholdId = householdId;
        return await DescribeHousehold(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await DescribeHousehold(ct)) return NotFound();
        return await Attempt(async () =>
        {
            var id = await register.Handle(Input, ct);
            StatusMessage = "Brukaren är registrerad.";
            return Redirect($"/Brukare/{id}");
        });
    }

    private async Task<bool> DescribeHousehold(CancellationToken ct)
    {
        if (Input.HouseholdId is not { } id) return true;
        Household = await db.Households.Where(h => h.Id == id)
            .Select(h => h.Address!.Street + (h.Apartment == null ? "" : ", lgh " + h.Apartment) + ", " + h.Address.City)
            .FirstOrDefaultAsync(ct);
        return Household is not null;
    }
}
