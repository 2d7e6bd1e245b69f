using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.Web.Security;
using QRCoder;

namespace Nyckelfri.Web.Pages.Account;

/// <summary>Sets up TOTP two-factor login (RFC 6238) with an authenticator app, and shows recovery codes once.</summary>
[Authorize(Policy = Policies.Authenticated)]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, NyckelfriDbContext db) : NyckelfriPageModel
{
    [BindProperty] public string? Code { get; set; }
    public bool Enabled { get; private set; }
    public bool SetupRequired { get; private set; }
    public bool RequiredByRole { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await Load() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await Load();
        if (user is null) return Challenge();
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "Koden stämmer inte. Kontrollera att telefonens klocka går rätt och försök igen.");
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        SetupRequired = false;
        StatusMessage = null;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await Load();
        if (user is null) return Challenge();
        if (RequiredByRole)
        {
            ModelState.AddModelError(string.Empty, "Din roll kräver tvåstegsinloggning; den kan inte stängas av.");
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Tvåstegsinloggning är avstängd.";
        return RedirectToPage();
    }

    private async Task<AppUser?> Load()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return null;
        Enabled = user.TwoFactorEnabled;
        SetupRequired = NyckelfriClaims.MustSetUpTwoFactor(User);
        var municipality = await db.Municipalities.WithoutScopeFilter().AsNoTracking().FirstOrDefaultAsync(m => m.Id == user.MunicipalityId);
        var roles = await users.GetRolesAsync(user);
        RequiredByRole = municipality is not null && roles.Any(municipality.TwoFactorRoleSet.Contains);

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // The first key, while two-factor is off, changes nothing that a session depends on: stored without
            // a new security stamp (ResetAuthenticatorKeyAsync would end every session of the login within seconds).
            key = users.GenerateNewAuthenticatorKey();
            var stored = await users.SetAuthenticationTokenAsync(user, ProtectedTokenUserStore.InternalLoginProvider, "AuthenticatorKey", key);
            if (!stored.Succeeded) throw new InvalidOperationException("The authenticator key could not be stored.");
        }
        SharedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode("Nyckelfri")}:{UrlEncoder.Default.Encode(user.UserName ?? "")}?secret={key}&issuer=Nyckelfri&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        return user;
    }
}
