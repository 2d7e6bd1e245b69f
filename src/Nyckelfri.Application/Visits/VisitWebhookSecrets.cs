using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;

namespace Nyckelfri.Visits;

/// <summary>
/// The visit webhook's HMAC secret is stored encrypted with the Data Protection key ring (docs/key-custody.md):
/// <c>dp1:</c> + the payload, purpose <see cref="Purpose"/>. A copy of the database alone cannot sign a
/// visit the receiver would accept. A value without the prefix (from before) is encrypted at start-up
/// (<see cref="ProtectClearAsync"/>) and never used to sign meanwhile.
/// </summary>
public sealed class VisitWebhookSecrets(IDataProtectionProvider protection)
{
    public const string Prefix = "dp1:";
    public const string Purpose = "Nyckelfri.VisitWebhookSecret.v1";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public string Protect(string secret) => Prefix + _protector.Protect(secret);

    /// <returns>The secret in clear, or null for a value that is not an encrypted one.</returns>
    public string? Unprotect(string? stored) =>
        stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal) ? _protector.Unprotect(stored[Prefix.Length..]) : null;

    /// <summary>Encrypts the secrets still stored in clear. Runs at every start (as the system); returns how many.</summary>
    public static async Task<int> ProtectClearAsync(NyckelfriDbContext db, IDataProtectionProvider protection, CancellationToken ct)
    {
        var secrets = new VisitWebhookSecrets(protection);
        var clear = await db.Municipalities.Where(m => m.VisitWebhookSecret != null && !m.VisitWebhookSecret.StartsWith(Prefix)).ToListAsync(ct);
        foreach (var m in clear) m.VisitWebhookSecret = secrets.Protect(m.VisitWebhookSecret!);
        await db.SaveChangesAsync(ct);
        return clear.Count;
    }
}
