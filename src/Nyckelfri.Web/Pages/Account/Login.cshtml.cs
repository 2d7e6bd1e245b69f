using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Identity;
using Nyckelfri.Web.Hosting;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Account;

/// <summary>
/// Password login (<see cref="PasswordLogin"/>: one answer for every failure); hands over to the TOTP step
/// when the user has two-factor login on. The demo's logins are listed only when the demo is wired in
/// (<see cref="IDemoLoginList"/>), the host may show them (<see cref="DemoHosting.DemoSettings.ShowLogins"/>:
/// Development, or <c>Demo:ShowLogins=true</c>) and a demo municipality exists.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(PasswordLogin login, DemoHosting.DemoSettings demo, IDemoLoginList? demoLogins = null) : NyckelfriPageModel
{
    public sealed class InputModel
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public IReadOnlyList<DemoLoginEntry> DemoLogins { get; private set; } = [];
    public string DemoPassword => demoLogins?.Password ?? "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadDemoLogins(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadDemoLogins(ct);
        if (string.IsNullOrWhiteSpace(Input.UserName)) ModelState.AddModelError("Input.UserName", "Ange ditt användarnamn.");
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", "Ange ditt lösenord.");
        if (!ModelState.IsValid) return Page();

        var result = await login.SignInAsync(Input.UserName!, Input.Password!);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl());
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl = SafeReturnUrl() });
        ModelState.AddModelError(string.Empty, PasswordLogin.FailureMessage);
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    // The demo municipality's logins are public by design; a real municipality shows none.
    private async Task LoadDemoLogins(CancellationToken ct)
    {
        if (demoLogins is not null && demo.ShowLogins) DemoLogins = await demoLogins.ListAsync(ct);
    }
}
