using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Identity;

/// <summary>
/// What every user does to their own login: change the password (the current one required), and switch
/// two-factor login on or off or make new recovery codes, each only after typing the password again
/// (re-authentication: a session left open is not enough). Wrong passwords here count towards lockout as
/// at the login. Each change is a security event.
/// </summary>
public sealed class OwnAccount(NyckelfriDbContext db, UserManager<AppUser> users, ISecurityEvents events) : IHandler
{
    public sealed record ChangePasswordCommand(string? CurrentPassword, string? NewPassword);

    public sealed record PasswordCommand(string? Password);

    public sealed record EnableTwoFactorCommand(string? Password, string? Code);

    public sealed record TwoFactorStatus(bool Enabled, bool RequiredByRole, int RecoveryCodesLeft);

    public sealed record AuthenticatorKey(string SharedKey, string AuthenticatorUri);

    public sealed record RecoveryCodes(IReadOnlyList<string> Codes);

    /// <summary>The signed-in user (the request's scope), tracked.</summary>
    public async Task<AppUser> CurrentAsync(CancellationToken ct) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == db.Scope.UserId, ct) ?? throw new NotFoundException("Användaren");

    public async Task ChangePasswordAsync(ChangePasswordCommand command, CancellationToken ct)
    {
        var v = new Validator();
        if (string.IsNullOrEmpty(command.CurrentPassword)) v.Add(nameof(command.CurrentPassword), "Ange ditt nuvarande lösenord.");
        if (string.IsNullOrEmpty(command.NewPassword)) v.Add(nameof(command.NewPassword), "Ange ett nytt lösenord.");
        else if (command.NewPassword == command.CurrentPassword)
            v.Add(nameof(command.NewPassword), "Det nya lösenordet måste skilja sig från det nuvarande.");
        v.ThrowIfInvalid();
        var user = await CurrentAsync(ct);
        await VerifyAsync(user, command.CurrentPassword!, nameof(command.CurrentPassword));
        var changed = await users.ChangePasswordAsync(user, command.CurrentPassword!, command.NewPassword!);
        if (!changed.Succeeded)
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [nameof(command.NewPassword)] = changed.Errors.Select(IdentityMessages.Swedish).Distinct().ToArray(),
            });
        var forced = user.MustChangePassword;
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await RecordAsync(SecurityEventKind.PasswordChanged, user, forced ? "replaced-initial" : "own", ct);
    }

    public async Task<TwoFactorStatus> StatusAsync(CancellationToken ct)
    {
        var user = await CurrentAsync(ct);
        return new TwoFactorStatus(user.TwoFactorEnabled, await RequiredByRoleAsync(user, ct),
            user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0);
    }

    /// <summary>A new authenticator key to enrol (only while two-factor login is off); the password first.</summary>
    public async Task<AuthenticatorKey> NewKeyAsync(PasswordCommand command, CancellationToken ct)
    {
        var user = await CurrentAsync(ct);
        await VerifyAsync(user, command.Password, nameof(command.Password));
        if (user.TwoFactorEnabled)
            throw new RuleViolationException("two-factor-already-enabled", "Tvåstegsinloggning är redan aktiverad. Stäng av den först för att byta telefon.");
        await users.ResetAuthenticatorKeyAsync(user);
        return KeyOf(user, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    /// <summary>The key being enrolled (made if there is none); for the page, which shows it as a QR code.</summary>
    public async Task<AuthenticatorKey> PendingKeyAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // The first key, while two-factor is off, changes nothing that a session depends on: stored without
            // a new security stamp (ResetAuthenticatorKeyAsync would end every session of the login within seconds).
            key = users.GenerateNewAuthenticatorKey();
            var stored = await users.SetAuthenticationTokenAsync(user, ProtectedTokenUserStore.InternalLoginProvider, "AuthenticatorKey", key);
            if (!stored.Succeeded) throw new InvalidOperationException("The authenticator key could not be stored.");
        }
        return KeyOf(user, key);
    }

    public async Task<RecoveryCodes> EnableTwoFactorAsync(EnableTwoFactorCommand command, CancellationToken ct)
    {
        var user = await CurrentAsync(ct);
        await VerifyAsync(user, command.Password, nameof(command.Password));
        var code = (command.Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            throw Invalid(nameof(command.Code), "Koden stämmer inte eller är redan använd. Kontrollera att telefonens klocka går rätt och försök med nästa kod.");
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await RecordAsync(SecurityEventKind.TwoFactorEnabled, user, "totp", ct);
        await RecordAsync(SecurityEventKind.RecoveryCodesGenerated, user, "on-enable", ct);
        return new RecoveryCodes(codes);
    }

    public async Task DisableTwoFactorAsync(PasswordCommand command, CancellationToken ct)
    {
        var user = await CurrentAsync(ct);
        await VerifyAsync(user, command.Password, nameof(command.Password));
        if (await RequiredByRoleAsync(user, ct))
            throw new RuleViolationException("two-factor-required-by-role", "Din roll kräver tvåstegsinloggning; den kan inte stängas av.");
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await RecordAsync(SecurityEventKind.TwoFactorDisabled, user, "own", ct);
    }

    public async Task<RecoveryCodes> NewRecoveryCodesAsync(PasswordCommand command, CancellationToken ct)
    {
        var user = await CurrentAsync(ct);
        await VerifyAsync(user, command.Password, nameof(command.Password));
        if (!user.TwoFactorEnabled)
            throw new RuleViolationException("two-factor-not-enabled", "Tvåstegsinloggning är inte aktiverad; det finns inga återställningskoder att byta.");
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await RecordAsync(SecurityEventKind.RecoveryCodesGenerated, user, "replaced", ct);
        return new RecoveryCodes(codes);
    }

    public async Task<bool> RequiredByRoleAsync(AppUser user, CancellationToken ct)
    {
        var municipality = await db.Municipalities.WithoutScopeFilter().AsNoTracking().FirstOrDefaultAsync(m => m.Id == user.MunicipalityId, ct);
        var roles = await users.GetRolesAsync(user);
        return municipality is not null && roles.Any(municipality.TwoFactorRoleSet.Contains);
    }

    // Re-authentication: the password again, counted towards lockout like a failed login.
    private async Task VerifyAsync(AppUser user, string? password, string field)
    {
        if (string.IsNullOrEmpty(password)) throw Invalid(field, "Ange ditt lösenord.");
        if (await users.IsLockedOutAsync(user))
            throw Invalid(field, "Kontot är tillfälligt spärrat efter för många felaktiga lösenord. Försök igen om 15 minuter.");
        if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return;
        }
        await users.AccessFailedAsync(user);
        await RecordAsync(SecurityEventKind.LoginFailed, user, "wrong-password-reauthentication", CancellationToken.None);
        if (await users.IsLockedOutAsync(user)) await RecordAsync(SecurityEventKind.LockedOut, user, "too-many-failures", CancellationToken.None);
        throw Invalid(field, field == nameof(ChangePasswordCommand.CurrentPassword) ? "Det nuvarande lösenordet stämmer inte." : "Lösenordet stämmer inte.");
    }

    private static AuthenticatorKey KeyOf(AppUser user, string key) => new(
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c))),
        $"otpauth://totp/Nyckelfri:{Uri.EscapeDataString(user.UserName ?? "")}?secret={key}&issuer=Nyckelfri&digits=6");

    private static ValidationFailedException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });

    private Task RecordAsync(SecurityEventKind kind, AppUser user, string detail, CancellationToken ct) =>
        events.RecordAsync(new SecurityEvent(kind, user.Id, user.UserName, user.MunicipalityId, user.Id, detail), ct);
}
