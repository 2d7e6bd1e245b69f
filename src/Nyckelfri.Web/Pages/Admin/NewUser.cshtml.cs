using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Identity;
using Nyckelfri.Providers;
using Nyckelfri.Staff;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Admin;

[Authorize(Policy = Policies.MunicipalityAdmin)]
public sealed class NewUserModel(UserAdministration admin, UnitLookup lookup, StaffLogins staff, GetEmployee employees) : UserFormModel(lookup, staff)
{
    public override bool IsNew => true;

    /// <summary>From an employee's page ("Skapa inloggning"): the login is for that employee, named and placed as they are.</summary>
    public async Task OnGetAsync(Guid? employeeId, CancellationToken ct)
    {
        await LoadLists(ct);
        if (employeeId is not { } id || Employees.All(e => e.Id != id)) return;
        var employee = await employees.Handle(id, ct);
        Input = new UserAdministration.Command
        {
            EmployeeId = id, DisplayName = $"{employee.FirstName} {employee.LastName}", ProviderId = employee.ProviderId,
            UnitId = employee.Units.Count == 1 ? employee.Units[0].Id : null, Roles = [Roles.Employee],
        };
    }

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
