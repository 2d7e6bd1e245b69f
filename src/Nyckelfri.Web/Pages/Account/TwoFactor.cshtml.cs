using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Identity;
using Nyckelfri.Web.Security;
using QRCoder;

namespace Nyckelfri.Web.Pages.Account;

/// <summary>
/// Sets up TOTP two-factor login (RFC 6238) with an authenticator app, switches it off and makes new
/// recovery codes; each change needs the password again (<see cref="OwnAccount"/>). Recovery codes are shown once.
/// </summary>
[Authorize(Policy = Policies.OwnAccount)]
public sealed class TwoFactorModel(OwnAccount own, SignInManager<AppUser> signIn) : NyckelfriPageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }
    public bool Enabled { get; private set; }
    public bool SetupRequired { get; private set; }
    public bool RequiredByRole { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await Attempt(async () =>
        {
            RecoveryCodes = (await own.EnableTwoFactorAsync(new OwnAccount.EnableTwoFactorCommand(Password, Code), ct)).Codes;
            await signIn.RefreshSignInAsync(await own.CurrentAsync(ct));
            return Page();
        }, prefix: "");
        await Load(ct);
        if (RecoveryCodes.Count > 0) SetupRequired = false;
        return result;
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        var result = await Attempt(async () =>
        {
            await own.DisableTwoFactorAsync(new OwnAccount.PasswordCommand(Password), ct);
            await signIn.RefreshSignInAsync(await own.CurrentAsync(ct));
            StatusMessage = "Tvåstegsinloggning är avstängd.";
            return RedirectToPage();
        }, prefix: "");
        if (result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult) await Load(ct);
        return result;
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        var result = await Attempt(async () =>
        {
            RecoveryCodes = (await own.NewRecoveryCodesAsync(new OwnAccount.PasswordCommand(Password), ct)).Codes;
            return Page();
        }, prefix: "");
        await Load(ct);
        return result;
    }

    private async Task Load(CancellationToken ct)
    {
        var user = await own.CurrentAsync(ct);
        Enabled = user.TwoFactorEnabled;
        SetupRequired = NyckelfriClaims.MustSetUpTwoFactor(User) && !Enabled;
        RequiredByRole = await own.RequiredByRoleAsync(user, ct);
        var status = await own.StatusAsync(ct);
        RecoveryCodesLeft = status.RecoveryCodesLeft;
        if (Enabled) return;
        var key = await own.PendingKeyAsync(user);
        SharedKey = key.SharedKey;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(key.AuthenticatorUri, QRCodeGenerator.ECCLevel.Q);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
