using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Identity;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Account;

/// <summary>
/// The user's own password change, the current password required. Also where a user whose password
/// someone else set is sent until they have chosen their own (<see cref="SecuritySetup.UsePasswordChangeEnforcement"/>).
/// </summary>
[Authorize(Policy = Policies.OwnAccount)]
public sealed class ChangePasswordModel(OwnAccount own, SignInManager<AppUser> signIn) : NyckelfriPageModel
{
    public sealed class InputModel
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool Required => User.HasClaim(NyckelfriClaims.PasswordChangeRequired, "true");

    public void OnGet() { }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => Attempt(async () =>
    {
        // Read before signing in anew: a first login goes on to where it was going, a voluntary change stays here.
        var required = Required;
        await own.ChangePasswordAsync(new OwnAccount.ChangePasswordCommand(Input.CurrentPassword, Input.NewPassword), ct);
        // A new cookie: the old one carried the duty to change and the old security stamp.
        await signIn.RefreshSignInAsync(await own.CurrentAsync(ct));
        StatusMessage = "Ditt lösenord är bytt.";
        if (!required) return RedirectToPage();
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    });
}
