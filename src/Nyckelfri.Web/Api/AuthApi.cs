using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>
/// Bearer tokens for the same users as the web UI. Password (and TOTP code when two-factor is on)
/// in, a one-hour access token out; failures count towards lockout exactly as on the login page.
/// </summary>
public static class AuthApi
{
    public sealed record TokenRequest(string? UserName, string? Password, string? TwoFactorCode);

    public static void MapAuthApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/token", async Task<IResult> (TokenRequest request, UserManager<AppUser> users,
                SignInManager<AppUser> signIn, PasswordLogin login) =>
            {
                var v = new Validator();
                v.Required(nameof(TokenRequest.UserName), request.UserName, "Användarnamn", 100);
                if (string.IsNullOrEmpty(request.Password)) v.Add(nameof(TokenRequest.Password), "Lösenord måste anges.");
                v.ThrowIfInvalid();
                // Unknown name, wrong password, locked out or disabled: one answer, the same work (PasswordLogin).
                var check = await login.CheckAsync(request.UserName!, request.Password!);
                var user = check.User;
                if (user is null) return Unauthorized(PasswordLogin.FailureMessage);

                if (user.TwoFactorEnabled)
                {
                    var code = request.TwoFactorCode?.Replace(" ", "", StringComparison.Ordinal) ?? "";
                    // Each code once (SingleUseAuthenticatorTokenProvider): a code seen on the wire cannot be replayed.
                    var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
                    if (!valid) await users.AccessFailedAsync(user);
                    await login.RecordSecondStepAsync(user, valid, !valid && await users.IsLockedOutAsync(user), "totp");
                    if (!valid) return Unauthorized("Tvåstegskoden saknas, stämmer inte eller är redan använd.");
                }

                var principal = await signIn.CreateUserPrincipalAsync(user);
                if (principal.HasClaim(NyckelfriClaims.TwoFactorSetupRequired, "true"))
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Tvåstegsinloggning krävs.",
                        detail: "Din roll kräver tvåstegsinloggning. Aktivera den i webben innan du använder API:t.");
                await users.ResetAccessFailedCountAsync(user);
                return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .WithTags("Inloggning");
    }

    private static IResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Inloggningen misslyckades.", detail: detail);
}
