using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;
using Microsoft.AspNetCore.RateLimiting;
using Nyckelfri.Web.Security;
using Nyckelfri.Identity;
using Nyckelfri.Web.Security.ExternalLogin;
using Nyckelfri.Web.Hosting;

namespace Nyckelfri.Web.Pages.Account;

/// <summary>
/// Password login (<see cref="PasswordLogin"/>: one answer for every failure); hands over to the TOTP step
/// when the user has two-factor login on. Offers "Logga in med …" for every municipality whose identity
/// provider is on (docs/identity-provider.md). The demo's logins are listed only when the demo is wired in
/// (<see cref="IDemoLoginList"/>), the host may show them (<see cref="DemoHosting.DemoSettings.ShowLogins"/>:
/// Development, or <c>Demo:ShowLogins=true</c>) and a demo municipality exists.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(PasswordLogin login, DemoHosting.DemoSettings demo, NyckelfriDbContext db, IdentityProviderSchemes providerSchemes,
    LoginThrottle throttle, IDemoLoginList? demoLogins = null) : NyckelfriPageModel
{
    public sealed class InputModel
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public IReadOnlyList<DemoLoginEntry> DemoLogins { get; private set; } = [];

    /// <summary>The identity providers that are on, one button each.</summary>
    public IReadOnlyList<ProviderButton> Providers { get; private set; } = [];

    /// <summary>Why the last sign-in through an identity provider was refused (a reason code from the callback).</summary>
    [BindProperty(SupportsGet = true, Name = "fel")] public string? Refusal { get; set; }
    public string? RefusalMessage => ExternalSignIn.Message(Refusal);

    public sealed record ProviderButton(Guid MunicipalityId, string DisplayName);
    public string DemoPassword => demoLogins?.Password ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadDemoLogins(ct);
        await LoadProviders(ct);
    }

    /// <summary>Sends the browser to the municipality's identity provider (authorization code with PKCE).</summary>
    public async Task<IActionResult> OnPostExternalAsync(Guid municipality, CancellationToken ct)
    {
        var scheme = await providerSchemes.EnsureAsync(municipality, ct);
        if (scheme is null)
        {
            // The provider was switched off (or never was): say so on this page, with the others' buttons.
            await LoadDemoLogins(ct);
            await LoadProviders(ct);
            Refusal = ExternalSignIn.Refusal.ProviderOff;
            return Page();
        }
        return Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, scheme);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadDemoLogins(ct);
        await LoadProviders(ct);
        Refusal = null;
        if (string.IsNullOrWhiteSpace(Input.UserName)) ModelState.AddModelError("Input.UserName", "Ange ditt användarnamn.");
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", "Ange ditt lösenord.");
        if (!ModelState.IsValid) return Page();

        if (throttle.IsBlocked(Input.UserName!, HttpContext))
        {
            await throttle.RefuseAsync(Input.UserName!, HttpContext);
            ModelState.AddModelError(string.Empty, $"För många misslyckade försök med det här användarnamnet. Vänta {throttle.Window.TotalMinutes:0} minuter och försök igen.");
            return Page();
        }
        var result = await login.SignInAsync(Input.UserName!, Input.Password!);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl());
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl = SafeReturnUrl() });
        if (!result.PasswordLoginOff) throttle.RecordFailure(Input.UserName!, HttpContext);
        ModelState.AddModelError(string.Empty, result.PasswordLoginOff ? NyckelfriSignInManager.PasswordLoginOffMessage : PasswordLogin.FailureMessage);
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    // Before anyone is signed in: every municipality's button, by name only.
    private async Task LoadProviders(CancellationToken ct) =>
        Providers = await db.IdentityProviders.AcrossMunicipalities().AsNoTracking().Where(p => p.Enabled)
            .OrderBy(p => p.DisplayName).Select(p => new ProviderButton(p.MunicipalityId, p.DisplayName)).ToListAsync(ct);

    // The demo municipality's logins are public by design; a real municipality shows none.
    private async Task LoadDemoLogins(CancellationToken ct)
    {
        if (demoLogins is not null && demo.ShowLogins) DemoLogins = await demoLogins.ListAsync(ct);
    }
}
