using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Nyckelfri.Web.Security;
using Nyckelfri.Identity;

namespace Nyckelfri.Web.Pages.Account;

/// <summary>The second step: a TOTP code, each accepted once (<see cref="SingleUseAuthenticatorTokenProvider"/>), or a recovery code. Failures count towards lockout.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, PasswordLogin login) : NyckelfriPageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0) { ModelState.AddModelError(nameof(Code), "Ange koden."); return Page(); }

        var totp = code.Length == 6 && code.All(char.IsAsciiDigit);
        var result = totp
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code!.Trim());
        await login.RecordSecondStepAsync(user, result.Succeeded, result.IsLockedOut, totp ? "totp" : "recovery-code");
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "Kontot är spärrat efter för många misslyckade försök. Försök igen om 15 minuter."
            : "Koden stämmer inte.");
        return Page();
    }
}
