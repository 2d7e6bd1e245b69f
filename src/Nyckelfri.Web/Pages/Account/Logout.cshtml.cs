using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Identity;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Account;

/// <summary>Logging out ends every session of the login (a new security stamp): this browser's, other devices', and its API tokens.</summary>
[Authorize(Policy = Policies.Authenticated)]
public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, ISecurityEvents events) : NyckelfriPageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await events.RecordAsync(new SecurityEvent(SecurityEventKind.LoggedOut, user.Id, user.UserName, user.MunicipalityId, user.Id,
                "page", HttpContext.Connection.RemoteIpAddress?.ToString()), ct);
        }
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
