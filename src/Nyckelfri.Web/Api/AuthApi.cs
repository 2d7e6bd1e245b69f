using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>
/// Bearer tokens for the same users as the web UI. Password (and TOTP code when two-factor is on)
/// in, a short-lived access token and a refresh token out (lifetimes in <see cref="SessionOptions"/>);
/// failures count towards lockout exactly as on the login page. A refresh gives a new pair while the
/// login's security stamp is unchanged and the chain is within the absolute session limit; logout
/// gives the login a new stamp, which ends every cookie, access token and refresh token it has.
/// </summary>
public static class AuthApi
{
    public sealed record TokenRequest(string? UserName, string? Password, string? TwoFactorCode);
    public sealed record RefreshRequest(string? RefreshToken);

    public static void MapAuthApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/token", async Task<IResult> (TokenRequest request, UserManager<AppUser> users,
                SignInManager<AppUser> signIn, SessionValidator sessions, PasswordLogin login, LoginThrottle throttle, HttpContext http) =>
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
                // Unknown name, wrong password, locked out or disabled: one answer, the same work (PasswordLogin).
                var check = await login.CheckAsync(request.UserName!, request.Password!);
                var user = check.User;
                if (check.PasswordLoginOff) return Unauthorized(Security.NyckelfriSignInManager.PasswordLoginOffMessage);
                if (user is null)
                {
                    throttle.RecordFailure(request.UserName!, http);
                    return Unauthorized(PasswordLogin.FailureMessage);
                }

                if (user.TwoFactorEnabled)
                {
                    var code = request.TwoFactorCode?.Replace(" ", "", StringComparison.Ordinal) ?? "";
                    // Each code once (SingleUseAuthenticatorTokenProvider): a code seen on the wire cannot be replayed.
                    var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
                    if (!valid)
                    {
                        await users.AccessFailedAsync(user);
                        throttle.RecordFailure(request.UserName!, http);
                    }
                    await login.RecordSecondStepAsync(user, valid, !valid && await users.IsLockedOutAsync(user), "totp");
                    if (!valid) return Unauthorized("Tvåstegskoden saknas, stämmer inte eller är redan använd.");
                }

                var principal = await signIn.CreateUserPrincipalAsync(user);
                if (principal.HasClaim(NyckelfriClaims.TwoFactorSetupRequired, "true"))
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Tvåstegsinloggning krävs.",
                        detail: "Din roll kräver tvåstegsinloggning. Aktivera den i webben innan du använder API:t.");
                await users.ResetAccessFailedCountAsync(user);
                sessions.MarkStarted(principal);
                return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .WithTags("Inloggning");

        api.MapPost("/auth/refresh", async Task<IResult> (RefreshRequest request, HttpContext http, SessionValidator sessions,
                IOptionsMonitor<BearerTokenOptions> bearer, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock) =>
            {
                if (string.IsNullOrWhiteSpace(request.RefreshToken) || request.RefreshToken.Length > 4000)
                    throw ValidationFailedException.For(nameof(RefreshRequest.RefreshToken), "Förnyelsetoken måste anges.");
                var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
                if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= clock.GetUtcNow())
                    return Refused("Förnyelsetoken är ogiltig eller har gått ut. Logga in igen.");
                var refusal = sessions.PastAbsoluteLimit(ticket.Principal) ? "session-too-old" : await sessions.RefusalAsync(ticket.Principal, http);
                if (refusal is not null)
                {
                    await SessionValidator.RecordRefusalAsync(http, ticket.Principal, refusal);
                    return Refused("Förnyelsetoken gäller inte längre. Logga in igen.");
                }
                var user = await users.FindByIdAsync(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
                if (user is null || !await signIn.CanSignInAsync(user)) return Refused("Förnyelsetoken gäller inte längre. Logga in igen.");
                // The new pair keeps the chain's login time, so that refreshing never passes the absolute limit.
                var principal = await signIn.CreateUserPrincipalAsync(user);
                sessions.MarkStarted(principal, ticket.Principal.FindFirstValue(SessionValidator.StartedClaim));
                return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .WithTags("Inloggning");

        // Ends every session of the caller's login, on every device: cookies, access tokens and refresh tokens.
        api.MapPost("/auth/logout", async Task<IResult> (HttpContext http, UserManager<AppUser> users, ISecurityEvents events) =>
            {
                // An API key is no login: it has no session to end.
                var user = await users.GetUserAsync(http.User);
                if (user is null)
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Bara en inloggad person kan logga ut.",
                        extensions: new Dictionary<string, object?> { ["code"] = "not-a-login" });
                await users.UpdateSecurityStampAsync(user);
                await events.RecordAsync(new SecurityEvent(SecurityEventKind.LoggedOut, user.Id, user.UserName, user.MunicipalityId, user.Id,
                    "api", http.Connection.RemoteIpAddress?.ToString()), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithTags("Inloggning");
    }

    private static IResult Refused(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Förnyelsen misslyckades.", detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = "refresh-refused" });

    private static IResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Inloggningen misslyckades.", detail: detail);
}
