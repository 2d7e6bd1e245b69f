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
                SignInManager<AppUser> signIn, NyckelfriDbContext db, LoginThrottle throttle, HttpContext http) =>
            {
                var v = new Validator();
                v.Required(nameof(TokenRequest.UserName), request.UserName, "Användarnamn", 100);
                if (string.IsNullOrEmpty(request.Password)) v.Add(nameof(TokenRequest.Password), "Lösenord måste anges.");
                v.ThrowIfInvalid();
                if (throttle.IsBlocked(request.UserName!, http))
                {
                    await throttle.RefuseAsync(request.UserName!, http);
                    return TypedResults.Problem(RateLimits.Problem((int)throttle.Window.TotalSeconds));
                }
                var user = await users.FindByNameAsync(request.UserName!.Trim());
                if (user is null)
                {
                    throttle.RecordFailure(request.UserName!, http);
                    return Unauthorized("Fel användarnamn eller lösenord.");
                }

                var check = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
                if (!check.Succeeded) throttle.RecordFailure(request.UserName!, http);
                if (check.IsLockedOut) return Unauthorized("Kontot är spärrat efter för många misslyckade försök.");
                if (!check.Succeeded) return Unauthorized("Fel användarnamn eller lösenord.");

                if (user.TwoFactorEnabled)
                {
                    var code = request.TwoFactorCode?.Replace(" ", "", StringComparison.Ordinal) ?? "";
                    if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
                    {
                        await users.AccessFailedAsync(user);
                        throttle.RecordFailure(request.UserName!, http);
                        return Unauthorized("Tvåstegskoden saknas eller stämmer inte.");
                    }
                }

                var principal = await signIn.CreateUserPrincipalAsync(user);
                if (principal.HasClaim(NyckelfriClaims.TwoFactorSetupRequired, "true"))
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Tvåstegsinloggning krävs.",
                        detail: "Din roll kräver tvåstegsinloggning. Aktivera den i webben innan du använder API:t.");
                await users.ResetAccessFailedCountAsync(user);
                return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .WithTags("Inloggning");
    }

    private static IResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Inloggningen misslyckades.", detail: detail);
}
