using Microsoft.AspNetCore.Identity;
using Nyckelfri.Identity;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>
/// The signed-in user's own login: password change (the current password required) and two-factor login
/// (every change needs the password again). Any authenticated user, for themselves only; API keys have no login.
/// </summary>
public static class AccountApi
{
    /// <summary>Open while a password change is required (<see cref="SecuritySetup.UsePasswordChangeEnforcement"/>).</summary>
    public const string PasswordPath = "/api/v1/account/password";

    public static void MapAccountApi(this IEndpointRouteBuilder api)
    {
        var account = api.MapGroup("/account").WithTags("Eget konto").RequireAuthorization(Policies.OwnAccount);

        account.MapPost("/password", async (OwnAccount.ChangePasswordCommand command, OwnAccount own, CancellationToken ct) =>
        {
            await own.ChangePasswordAsync(command, ct);
            return TypedResults.NoContent();
        });
        account.MapGet("/two-factor", (OwnAccount own, CancellationToken ct) => own.StatusAsync(ct));
        account.MapPost("/two-factor/key", (OwnAccount.PasswordCommand command, OwnAccount own, CancellationToken ct) => own.NewKeyAsync(command, ct));
        account.MapPost("/two-factor/enable", (OwnAccount.EnableTwoFactorCommand command, OwnAccount own, CancellationToken ct) =>
            own.EnableTwoFactorAsync(command, ct));
        account.MapPost("/two-factor/disable", async (OwnAccount.PasswordCommand command, OwnAccount own, CancellationToken ct) =>
        {
            await own.DisableTwoFactorAsync(command, ct);
            return TypedResults.NoContent();
        });
        account.MapPost("/two-factor/recovery-codes", (OwnAccount.PasswordCommand command, OwnAccount own, CancellationToken ct) =>
            own.NewRecoveryCodesAsync(command, ct));
    }
}
