using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Identity;
using Nyckelfri.Providers;

namespace Nyckelfri.Web.Pages.Admin;

/// <summary>What the new-user and edit-user pages share: the form and its pick lists.</summary>
public abstract class UserFormModel(UnitLookup lookup, StaffLogins staff) : NyckelfriPageModel
{
    [BindProperty] public UserAdministration.Command Input { get; set; } = new();
    protected StaffLogins Staff { get; } = staff;
    public abstract bool IsNew { get; }
    public IReadOnlyList<UnitLookup.ProviderOption> Providers { get; private set; } = [];
    public IReadOnlyList<UnitLookup.Option> Units { get; private set; } = [];

    /// <summary>Employees without a login yet: the login may be for one of them (staff onboarding).</summary>
    public IReadOnlyList<StaffLogins.EmployeeOption> Employees { get; private set; } = [];

    protected async Task LoadLists(CancellationToken ct)
    {
        Providers = await lookup.Providers(ct);
        Units = await lookup.Units(ct);
        Employees = await Staff.EmployeesWithoutLogin(ct);
    }
}
