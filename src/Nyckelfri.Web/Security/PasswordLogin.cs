using Microsoft.AspNetCore.Identity;
using Nyckelfri.Identity;

namespace Nyckelfri.Web.Security;

/// <summary>
/// The password step of every login (the login page and <c>/api/v1/auth/token</c>), made so that it tells
/// nothing about which user names exist: an unknown name, a wrong password, a locked-out or disabled login
/// all get the same answer (<see cref="FailureMessage"/>) after the same work, one password hash
/// verification, whether or not the name exists. Records each outcome as a security event
/// (reason codes in docs/security.md); the name tried for an unknown login is never recorded.
/// </summary>
public sealed class PasswordLogin(UserManager<AppUser> users, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher,
    ISecurityEvents events, IHttpContextAccessor http)
{
    /// <summary>The one answer to every failed password step, in Swedish.</summary>
    public const string FailureMessage = "Inloggningen misslyckades. Kontrollera användarnamn och lösenord. " +
                                         "Efter flera misslyckade försök spärras kontot i 15 minuter.";

    /// <summary>
    /// How the password step ended. <see cref="User"/> is set when it succeeded or needs the second factor.
    /// <see cref="PasswordLoginOff"/>: the password was right, but the user's municipality signs in through
    /// its identity provider (<see cref="NyckelfriSignInManager"/>); saying so reveals nothing to a stranger.
    /// </summary>
    public sealed record Outcome(bool Succeeded, bool RequiresTwoFactor, AppUser? User, bool PasswordLoginOff = false);

    private static readonly Outcome Failed = new(false, false, null);

    // A hash of a random password, made once with the same hasher (and so the same cost) as real ones.
    private static string? _dummyHash;

    /// <summary>The login page: signs in with the cookie, or hands over to the second step.</summary>
    public Task<Outcome> SignInAsync(string userName, string password) =>
        RunAsync(userName, password, user => signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true));

    /// <summary>The token endpoint: checks the password only; the caller issues the token.</summary>
    public Task<Outcome> CheckAsync(string userName, string password) =>
        RunAsync(userName, password, user => signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true));

    private async Task<Outcome> RunAsync(string userName, string password, Func<AppUser, Task<SignInResult>> check)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            VerifyDummy(password);
            await RecordAsync(SecurityEventKind.LoginFailed, null, "unknown-user");
            return Failed;
        }
        // Identity answers a locked-out login before it hashes anything; hash anyway so that it takes as long.
        if (await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(user, user.PasswordHash ?? DummyHash(), password);
            await RecordAsync(SecurityEventKind.LoginFailed, user, "locked-out");
            return Failed;
        }
        // A disabled or removed login: the same answer after the same work (Identity would refuse before hashing).
        if (!user.IsActive)
        {
            hasher.VerifyHashedPassword(user, user.PasswordHash ?? DummyHash(), password);
            await RecordAsync(SecurityEventKind.LoginFailed, user, "disabled");
            return Failed;
        }
        if (user.PasswordHash is null) VerifyDummy(password);

        var result = await check(user);
        // The token endpoint's password check succeeds before the second factor; the login is not done yet.
        if (result.Succeeded && user.TwoFactorEnabled) return new Outcome(false, true, user);
        if (result.Succeeded)
        {
            await RecordAsync(SecurityEventKind.LoginSucceeded, user, "password");
            return new Outcome(true, false, user);
        }
        if (result.RequiresTwoFactor) return new Outcome(false, true, user);
        if (result.IsLockedOut)
        {
            await RecordAsync(SecurityEventKind.LoginFailed, user, "wrong-password");
            await RecordAsync(SecurityEventKind.LockedOut, user, "too-many-failures");
        }
        else if (result.IsNotAllowed && signIn is NyckelfriSignInManager manager && await manager.PasswordLoginRefused(user))
            return new Outcome(false, false, null, PasswordLoginOff: true); // recorded by the sign-in manager
        else await RecordAsync(SecurityEventKind.LoginFailed, user, result.IsNotAllowed ? "not-allowed" : "wrong-password");
        return Failed;
    }

    /// <summary>Records the end of the second step (TOTP or recovery code) of a login.</summary>
    public async Task RecordSecondStepAsync(AppUser user, bool succeeded, bool lockedOut, string method)
    {
        if (succeeded)
        {
            await RecordAsync(SecurityEventKind.LoginSucceeded, user, method);
            return;
        }
        await RecordAsync(SecurityEventKind.LoginFailed, user, "wrong-" + method);
        if (lockedOut) await RecordAsync(SecurityEventKind.LockedOut, user, "too-many-failures");
    }

    private void VerifyDummy(string password) => hasher.VerifyHashedPassword(new AppUser(), DummyHash(), password);

    private string DummyHash() =>
        _dummyHash ??= hasher.HashPassword(new AppUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

    private Task RecordAsync(SecurityEventKind kind, AppUser? user, string detail) =>
        events.RecordAsync(new SecurityEvent(kind, user?.Id, user?.UserName, user?.MunicipalityId, user?.Id, detail,
            http.HttpContext?.Connection.RemoteIpAddress?.ToString()));
}
