using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Identity;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Admin;

/// <summary>
/// The municipality's OpenID Connect identity provider: where it is, Nyckelfri's client there, the claim
/// that names the person and how it finds a login; whether password login stays on, and for whom.
/// </summary>
[Authorize(Policy = Policies.MunicipalityAdmin)]
public sealed class IdentityProviderModel(IdentityProviderSettings settings) : NyckelfriPageModel
{
    [BindProperty] public IdentityProviderSettings.Command Input { get; set; } = new();
    public IdentityProviderSettings.View View { get; private set; } = null!;

    /// <summary>The address to register at the provider as the redirect URI.</summary>
    public string RedirectUri => $"{Request.Scheme}://{Request.Host}{Request.PathBase}{Security.ExternalLogin.IdentityProviderSchemes.CallbackPath(MunicipalityId)}";

    private Guid MunicipalityId => Guid.TryParse(User.FindFirst(NyckelfriClaims.Municipality)?.Value, out var id) ? id : Guid.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await settings.Get(ct);
        Input = new IdentityProviderSettings.Command
        {
            Version = View.Version, DisplayName = View.DisplayName, Authority = View.Authority, ClientId = View.ClientId,
            Scopes = View.Scopes, IdentifierClaim = View.IdentifierClaim, MatchBy = View.MatchBy, UseUserInfo = View.UseUserInfo,
            Enabled = View.Enabled, LocalPasswordsDisabled = View.LocalPasswordsDisabled, PasswordFallbackUserId = View.PasswordFallbackUserId,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        View = await settings.Get(ct);
        var result = await Attempt(async () =>
        {
            await settings.Handle(Input, ct);
            StatusMessage = "Inloggningstjänsten är sparad.";
            return RedirectToPage();
        });
        Input.ClientSecret = null; // never echoed back into the form
        return result;
    }
}
