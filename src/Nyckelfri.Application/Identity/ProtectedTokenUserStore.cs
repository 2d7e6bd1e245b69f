using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;

namespace Nyckelfri.Identity;

/// <summary>
/// Identity's user store, with the TOTP authenticator key and the recovery codes encrypted by Data
/// Protection before they reach <c>AspNetUserTokens</c> (Identity writes them in clear). A copy of the
/// database then holds no second factor: the key ring that decrypts them is itself encrypted with a
/// certificate that is not in the database (docs/key-custody.md). Identity's own
/// <c>ProtectPersonalData</c> was not used: it would encrypt user names and e-mail addresses too, which
/// then need a deterministic lookup protector to log in by name.
/// </summary>
public sealed class ProtectedTokenUserStore(NyckelfriDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser>(context, describer)
{
    /// <summary>Identity's login provider name for the tokens it keeps for itself.</summary>
    public const string InternalLoginProvider = "[AspNetUserStore]";

    /// <summary>The token names encrypted: the authenticator key and the recovery codes.</summary>
    public static readonly IReadOnlySet<string> ProtectedNames = new HashSet<string>(StringComparer.Ordinal) { "AuthenticatorKey", "RecoveryCodes" };

    /// <summary>Marks an encrypted value, so that the start-up migration can tell encrypted rows from old clear ones.</summary>
    public const string Prefix = "dp1:";

    private const string Purpose = "Nyckelfri.Identity.UserTokens.v1";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>
    /// User names are unique per municipality (<see cref="MunicipalityUserValidator"/>). <c>name@code</c>
    /// finds the login in the municipality with that code; a bare name finds a login only when exactly one
    /// municipality has it (otherwise none, and the login fails as for an unknown name).
    /// </summary>
    public override async Task<AppUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var at = normalizedUserName.LastIndexOf('@');
        if (at > 0 && at < normalizedUserName.Length - 1)
        {
            var name = normalizedUserName[..at];
            var code = normalizedUserName[(at + 1)..].ToLowerInvariant();
            return await Users.Where(u => u.NormalizedUserName == name
                    && context.Municipalities.AcrossMunicipalities().Any(m => m.Id == u.MunicipalityId && m.Code == code))
                .FirstOrDefaultAsync(cancellationToken);
        }
        var matches = await Users.Where(u => u.NormalizedUserName == normalizedUserName).OrderBy(u => u.Id).Take(2).ToListAsync(cancellationToken);
        return matches.Count == 1 ? matches[0] : null;
    }

    public override Task SetTokenAsync(AppUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken)
    {
        var stored = value is not null && IsProtected(loginProvider, name) ? Protect(_protector, value) : value;
        return base.SetTokenAsync(user, loginProvider, name, stored, cancellationToken);
    }

    public override async Task<string?> GetTokenAsync(AppUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        if (stored is null || !IsProtected(loginProvider, name)) return stored;
        // A clear value left from before (the start-up migration encrypts them all) is never accepted:
        // a row written into the database by hand must not become a second factor.
        return stored.StartsWith(Prefix, StringComparison.Ordinal) ? _protector.Unprotect(stored[Prefix.Length..]) : null;
    }

    private static bool IsProtected(string loginProvider, string name) =>
        loginProvider == InternalLoginProvider && ProtectedNames.Contains(name);

    private static string Protect(IDataProtector protector, string value) => Prefix + protector.Protect(value);

    /// <summary>
    /// Encrypts the authenticator keys and recovery codes still stored in clear (written before this
    /// store existed). Runs at every start; returns how many rows it encrypted.
    /// </summary>
    public static async Task<int> ProtectClearTokensAsync(NyckelfriDbContext db, IDataProtectionProvider protection, CancellationToken ct)
    {
        var protector = protection.CreateProtector(Purpose);
        var names = ProtectedNames.ToList();
        var clear = await db.UserTokens
            .Where(t => t.LoginProvider == InternalLoginProvider && names.Contains(t.Name) && t.Value != null && !t.Value.StartsWith(Prefix))
            .ToListAsync(ct);
        foreach (var token in clear)
            token.Value = Protect(protector, token.Value!);
        await db.SaveChangesAsync(ct);
        return clear.Count;
    }
}
