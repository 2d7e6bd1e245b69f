using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.History;
using Nyckelfri.Identity;
using Nyckelfri.Providers;
using Nyckelfri.Staff;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Admin;

[Authorize(Policy = Policies.MunicipalityAdmin)]
public sealed class EditUserModel(UserAdministration admin, UnitLookup lookup, GetHistory history, TimeProvider clock, StaffLogins staff,
    GetEmployee employees, LoginLifecycle lifecycle)
    : UserFormModel(lookup, staff)
{
    public override bool IsNew => false;
    public bool TwoFactorEnabled { get; private set; }
    public bool LockedOut { get; private set; }

    /// <summary>Disabled by an administrator: cannot sign in; every session and token ended.</summary>
    public bool Disabled { get; private set; }

    /// <summary>Removed: read-only, kept for its history.</summary>
    public bool Removed { get; private set; }
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];

    /// <summary>The employee the login is for, if any.</summary>
    public (Guid Id, string Name)? LinkedEmployee { get; private set; }

    [BindProperty] public StaffLogins.Command LinkInput { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Fill(await Load(id, ct));

    private void Fill((AppUser User, IList<string> Roles) loaded) => Input = new UserAdministration.Command
    {
        UserName = loaded.User.UserName, DisplayName = loaded.User.DisplayName, Roles = loaded.Roles.ToList(),
        ProviderId = loaded.User.ProviderId, UnitId = loaded.User.UnitId, ConcurrencyStamp = loaded.User.ConcurrencyStamp,
        EmployeeId = loaded.User.EmployeeId,
    };

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (user, _) = await Load(id, ct);
        Input.UserName = user.UserName;
        return await Attempt(async () =>
        {
            await admin.Edit(id.ToString(), Input, ct);
            StatusMessage = "Ändringarna är sparade.";
            return RedirectToPage(new { id });
        });
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id, bool resetTwoFactor, CancellationToken ct)
    {
        await admin.Unlock(id.ToString(), resetTwoFactor, ct);
        StatusMessage = resetTwoFactor ? "Kontot är upplåst och tvåstegsinloggningen nollställd." : "Kontot är upplåst.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken ct)
    {
        Fill(await Load(id, ct));
        return await Attempt(async () =>
        {
            await Staff.LinkAsync(id.ToString(), LinkInput, ct);
            StatusMessage = "Inloggningen är kopplad till medarbetaren. Medarbetaren loggar in på nytt för att se Mina brukare.";
            return RedirectToPage(new { id });
        }, prefix: nameof(LinkInput));
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid id, CancellationToken ct)
    {
        Fill(await Load(id, ct));
        return await Attempt(async () =>
        {
            await Staff.UnlinkAsync(id.ToString(), ct);
            StatusMessage = "Inloggningen är bortkopplad. Medarbetarens utfärdade behörigheter är återkallade.";
            return RedirectToPage(new { id });
        });
    }

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct) =>
        Lifecycle(id, () => lifecycle.Disable(id.ToString(), ct), "Inloggningen är avstängd. Alla sessioner och token är avslutade.", ct);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) =>
        Lifecycle(id, () => lifecycle.Enable(id.ToString(), ct), "Inloggningen är aktiverad igen.", ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct) =>
        Lifecycle(id, () => lifecycle.Remove(id.ToString(), ct), "Inloggningen är borttagen. Dess historik finns kvar.", ct);

    private async Task<IActionResult> Lifecycle(Guid id, Func<Task> change, string done, CancellationToken ct)
    {
        Fill(await Load(id, ct));
        return await Attempt(async () =>
        {
            await change();
            StatusMessage = done;
            return RedirectToPage(new { id });
        });
    }

    private async Task<(AppUser, IList<string>)> Load(Guid id, CancellationToken ct)
    {
        await LoadLists(ct);
        var (user, roles) = await admin.Get(id.ToString(), ct);
        TwoFactorEnabled = user.TwoFactorEnabled;
        LockedOut = user.LockoutEnd > clock.GetUtcNow();
        Disabled = user.DisabledAt is not null;
        Removed = user.RemovedAt is not null;
        History = await history.ForPeople(id, ct);
        if (user.EmployeeId is { } employeeId && await employees.Find(employeeId, ct) is { } employee)
            LinkedEmployee = (employeeId, $"{employee.FirstName} {employee.LastName}");
        return (user, roles);
    }
}
