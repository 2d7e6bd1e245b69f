using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.History;
using Nyckelfri.Identity;
using Nyckelfri.Providers;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Admin;

[Authorize(Policy = Policies.MunicipalityAdmin)]
public sealed class EditUserModel(UserAdministration admin, UnitLookup lookup, GetHistory history, TimeProvider clock) : UserFormModel(lookup)
{
    public override bool IsNew => false;
    public bool TwoFactorEnabled { get; private set; }
    public bool LockedOut { get; private set; }
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        var (user, roles) = await Load(id, ct);
        Input = new UserAdministration.Command
        {
            UserName = user.UserName, DisplayName = user.DisplayName, Roles = roles.ToList(),
            ProviderId = user.ProviderId, UnitId = user.UnitId, ConcurrencyStamp = user.ConcurrencyStamp,
        };
    }

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

    private async Task<(AppUser, IList<string>)> Load(Guid id, CancellationToken ct)
    {
        await LoadLists(ct);
        var (user, roles) = await admin.Get(id.ToString(), ct);
        TwoFactorEnabled = user.TwoFactorEnabled;
        LockedOut = user.LockoutEnd > clock.GetUtcNow();
        History = await history.ForPeople(id, ct);
        return (user, roles);
    }
}
