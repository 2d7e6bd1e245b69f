using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nyckelfri.Data;
using Nyckelfri.Identity;

namespace Nyckelfri.Web.Security;

/// <summary>
/// Identity's sign-in manager. A disabled or removed login cannot sign in, by password on the page or
/// for a token (docs/security.md, "Sessions and transport"). A right password is refused when the
/// user's municipality has switched local passwords off (it signs in through its identity provider),
/// except for the one fallback administrator it named; the refusal comes only after the password was
/// right, so it tells a stranger nothing.
/// </summary>
public sealed class NyckelfriSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    NyckelfriDbContext db,
    ISecurityEvents securityEvents)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>The reason code of the security event.</summary>
    public const string PasswordLoginOff = "password-login-off";

    /// <summary>What the login page and the token endpoint say when the password was right but passwords are off.</summary>
    public const string PasswordLoginOffMessage =
        "Lösenordsinloggning är avstängd i din kommun. Logga in med kommunens inloggningstjänst (knappen ”Logga in med …”).";

    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (!result.Succeeded && !result.RequiresTwoFactor) return result;
        if (!await PasswordLoginRefused(user)) return result;
        await securityEvents.RecordAsync(new SecurityEvent(SecurityEventKind.LoginFailed, user.Id, user.UserName, user.MunicipalityId,
            Detail: PasswordLoginOff, RemoteAddress: Context.Connection.RemoteIpAddress?.ToString()));
        return SignInResult.NotAllowed;
    }

    /// <summary>Whether the user's municipality refuses this user's password login.</summary>
    public async Task<bool> PasswordLoginRefused(AppUser user)
    {
        var provider = await db.IdentityProviders.AcrossMunicipalities().AsNoTracking()
            .FirstOrDefaultAsync(p => p.MunicipalityId == user.MunicipalityId);
        return provider?.RefusesPasswordFor(user.Id) == true;
    }
}
