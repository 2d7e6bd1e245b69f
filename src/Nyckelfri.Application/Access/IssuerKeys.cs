using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>The municipalities' issuers, kept for the process's life: signing is the hot path of issuing.</summary>
public sealed class IssuerCache
{
    private readonly ConcurrentDictionary<Guid, Issuer> _issuers = new();

    internal bool TryGet(Guid municipalityId, out Issuer issuer) => _issuers.TryGetValue(municipalityId, out issuer!);

    internal Issuer Add(Guid municipalityId, Issuer issuer) => _issuers.GetOrAdd(municipalityId, issuer);
}

/// <summary>
/// The municipality's credential-signing key (SPEC §6: "signed by the municipality's key"). Made on
/// first use and stored with its private half encrypted by ASP.NET Core Data Protection, so that every
/// app instance signs with the same key and locks need to trust only one public key per municipality.
/// </summary>
public sealed class IssuerKeys(NyckelfriDbContext db, IDataProtectionProvider protection, IssuerCache cache) : IHandler
{
    private const string Purpose = "Nyckelfri.IssuerKey.v1";

    public async Task<Issuer> ForMunicipalityAsync(Guid municipalityId, CancellationToken ct)
    {
        if (cache.TryGet(municipalityId, out var cached)) return cached;
        var stored = await Load(municipalityId, ct) ?? await Create(municipalityId, ct);
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(protection.CreateProtector(Purpose).Unprotect(Convert.FromBase64String(stored.ProtectedPrivateKey)), out _);
        return cache.Add(municipalityId, new Issuer(stored.KeyId, key));
    }

    /// <summary>The public key a lock of this municipality is configured to trust.</summary>
    public async Task<TrustedIssuer> TrustedAsync(Guid municipalityId, CancellationToken ct) =>
        (await ForMunicipalityAsync(municipalityId, ct)).Trusted();

    private Task<IssuerKey?> Load(Guid municipalityId, CancellationToken ct) =>
        db.IssuerKeys.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(k => k.MunicipalityId == municipalityId, ct);

    private async Task<IssuerKey> Create(Guid municipalityId, CancellationToken ct)
    {
        var code = await db.Municipalities.IgnoreQueryFilters().Where(m => m.Id == municipalityId).Select(m => m.Code).FirstOrDefaultAsync(ct)
                   ?? throw new NotFoundException("Kommunen");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyId = KeyIdFor(code);
        var secret = protection.CreateProtector(Purpose).Protect(key.ExportPkcs8PrivateKey());
        var record = new IssuerKey(municipalityId, keyId, P256.ExportPublicKey(key), Convert.ToBase64String(secret), db.Clock.UtcNow());
        // Saved at once: callers ask for the issuer before they change anything.
        db.IssuerKeys.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (RuleViolationException)
        {
            // Another request made the key first (the unique index on the municipality): use that one.
            db.Entry(record).State = EntityState.Detached;
            var winner = await Load(municipalityId, ct);
            if (winner is null) throw;
            return winner;
        }
        db.Entry(record).State = EntityState.Detached;
        return record;
    }

    /// <summary>"nf-" and the municipality's code, in the protocol's key-id alphabet, at most 32 characters.</summary>
    internal static string KeyIdFor(string municipalityCode)
    {
        var cleaned = new string(municipalityCode.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        var id = "nf-" + cleaned;
        return id.Length <= Protocol.MaxKeyIdLength ? id : id[..Protocol.MaxKeyIdLength];
    }
}
