using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>
/// Decrypted issuer keys, by key id, kept for the process's life: signing is the hot path of issuing.
/// Only the private halves are cached, never which key signs: a key id names one key forever, and
/// which key signs is read from the database at every use, so that an instance never signs with a key
/// another instance has replaced or retired (scale-out).
/// </summary>
public sealed class IssuerCache
{
    private readonly ConcurrentDictionary<string, Issuer> _issuers = new(StringComparer.Ordinal);

    internal bool TryGet(string keyId, out Issuer issuer) => _issuers.TryGetValue(keyId, out issuer!);

    internal Issuer Add(string keyId, Issuer issuer) => _issuers.GetOrAdd(keyId, issuer);
}

/// <summary>
/// The municipality's stored issuer key cannot be decrypted: the Data Protection key ring that protects
/// it is not readable with this host's key-encryption certificate (a copy of the database started
/// elsewhere, or the wrong certificate configured). Nothing is signed and no key is made in its place.
/// </summary>
public sealed class IssuerKeyUnavailableException(string keyId, Exception inner)
    : Exception($"The issuer key {keyId} cannot be decrypted with this host's Data Protection keys.", inner)
{
    public const string Code = "issuer-key-unavailable";

    public const string Swedish =
        "Kommunens utfärdarnyckel kan inte läsas på den här servern (fel eller saknat certifikat för nyckelringen). " +
        "Inga nycklar kan utfärdas. Kontakta systemförvaltaren.";

    public string KeyId { get; } = keyId;
}

/// <summary>The newest signed issuer key set of a municipality, as phones carry it to the locks.</summary>
public sealed record CurrentIssuerKeySet(long SetVersion, DateTime IssuedAt, byte[] Encoded, IReadOnlyList<TrustedIssuer> Keys);

/// <summary>
/// The municipality's credential-signing keys (SPEC §6: "signed by the municipality's key";
/// docs/key-custody.md). The private halves are stored only encrypted by ASP.NET Core Data Protection,
/// whose key ring is itself encrypted with a certificate outside the database. The first key is made on
/// first use with the first key set (signed by itself, what a lock is commissioned with); later keys come
/// from <see cref="RotateIssuerKey"/>. The signing key is the newest key whose activation time has
/// passed and that is not retired.
/// </summary>
public sealed class IssuerKeys(NyckelfriDbContext db, IDataProtectionProvider protection, IssuerCache cache) : IHandler
{
    private const string Purpose = "Nyckelfri.IssuerKey.v1";

    /// <summary>The issuer that signs now for the municipality; makes the first key if there is none.</summary>
    public async Task<Issuer> ForMunicipalityAsync(Guid municipalityId, CancellationToken ct)
    {
        var now = db.Clock.UtcNow();
        var live = await LiveKeysAsync(municipalityId, ct);
        if (live.Count == 0)
        {
            await CreateFirstAsync(municipalityId, now, ct);
            live = await LiveKeysAsync(municipalityId, ct);
        }
        var signing = SigningKey(live, now) ?? throw new InvalidOperationException($"Municipality {municipalityId} has no issuer key that signs now.");
        return Unprotect(signing);
    }

    /// <summary>The signing key's public half.</summary>
    public async Task<TrustedIssuer> TrustedAsync(Guid municipalityId, CancellationToken ct) =>
        (await ForMunicipalityAsync(municipalityId, ct)).Trusted();

    /// <summary>
    /// The newest issuer key set: what a phone offers a lock before its credential, and what a lock is
    /// commissioned with. A municipality whose key predates key sets gets its first set now.
    /// </summary>
    public async Task<CurrentIssuerKeySet> KeySetAsync(Guid municipalityId, CancellationToken ct)
    {
        if (await NewestSetAsync(municipalityId, ct) is { } stored) return stored;
        var issuer = await ForMunicipalityAsync(municipalityId, ct);
        if (await NewestSetAsync(municipalityId, ct) is { } made) return made;
        var live = await LiveKeysAsync(municipalityId, ct);
        Publish(municipalityId, issuer, live, 1, db.Clock.UtcNow());
        await SaveOrLoseRaceAsync(ct);
        return (await NewestSetAsync(municipalityId, ct))!;
    }

    /// <summary>The municipality's keys that are not retired, oldest first.</summary>
    internal Task<List<IssuerKey>> LiveKeysAsync(Guid municipalityId, CancellationToken ct) =>
        db.IssuerKeys.WithoutScopeFilter().AsNoTracking()
            .Where(k => k.MunicipalityId == municipalityId && k.RetiredAt == null)
            .OrderBy(k => k.ActivatesAt).ThenBy(k => k.Id)
            .ToListAsync(ct);

    /// <summary>The key that signs at <paramref name="now"/>: the newest activated one.</summary>
    internal static IssuerKey? SigningKey(IEnumerable<IssuerKey> live, DateTime now) =>
        live.Where(k => k.RetiredAt is null && k.ActivatesAt <= now).OrderBy(k => k.ActivatesAt).ThenBy(k => k.Id).LastOrDefault();

    /// <summary>The key's private half, decrypted; fails closed when this host's key ring cannot decrypt it.</summary>
    internal Issuer Unprotect(IssuerKey key) =>
        cache.TryGet(key.KeyId, out var cached) ? cached : cache.Add(key.KeyId, UnprotectUncached(key));

    /// <summary>
    /// Not cached: for a key not yet saved, which may lose a race to another request's key of the same
    /// id (the cache must only ever hold the stored key of an id).
    /// </summary>
    internal Issuer UnprotectUncached(IssuerKey key)
    {
        byte[] pkcs8;
        try
        {
            pkcs8 = protection.CreateProtector(Purpose).Unprotect(Convert.FromBase64String(key.ProtectedPrivateKey));
        }
        catch (CryptographicException e)
        {
            throw new IssuerKeyUnavailableException(key.KeyId, e);
        }
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
        CryptographicOperations.ZeroMemory(pkcs8);
        if (!P256.ExportPublicKey(ecdsa).AsSpan().SequenceEqual(key.PublicKey))
            throw new IssuerKeyUnavailableException(key.KeyId, new CryptographicException("The private key does not match the stored public key."));
        return new Issuer(key.KeyId, ecdsa);
    }

    /// <summary>A new key, its private half encrypted, added to the unit of work (not saved).</summary>
    internal IssuerKey NewKey(Guid municipalityId, string keyId, DateTime now, DateTime activatesAt)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pkcs8 = key.ExportPkcs8PrivateKey();
        var secret = protection.CreateProtector(Purpose).Protect(pkcs8);
        CryptographicOperations.ZeroMemory(pkcs8);
        var record = new IssuerKey(municipalityId, keyId, P256.ExportPublicKey(key), Convert.ToBase64String(secret), now, activatesAt);
        db.IssuerKeys.Add(record);
        return record;
    }

    /// <summary>Adds the next key set, naming <paramref name="keys"/> and signed by <paramref name="signer"/>, to the unit of work.</summary>
    internal IssuerKeySetRecord Publish(Guid municipalityId, Issuer signer, IEnumerable<IssuerKey> keys, long setVersion, DateTime now)
    {
        var trusted = keys.Select(k => new TrustedIssuer(k.KeyId, k.PublicKey)).ToList();
        var set = signer.SignKeySet(setVersion, new DateTimeOffset(now, TimeSpan.Zero), trusted);
        var record = new IssuerKeySetRecord(municipalityId, set.SetVersion, set.IssuedAt.UtcDateTime, signer.KeyId, set.ToArray(), trusted.Count);
        db.IssuerKeySets.Add(record);
        return record;
    }

    internal async Task<long> NewestSetVersionAsync(Guid municipalityId, CancellationToken ct) =>
        await db.IssuerKeySets.WithoutScopeFilter().Where(s => s.MunicipalityId == municipalityId)
            .MaxAsync(s => (long?)s.SetVersion, ct) ?? 0;

    private async Task<CurrentIssuerKeySet?> NewestSetAsync(Guid municipalityId, CancellationToken ct)
    {
        var record = await db.IssuerKeySets.WithoutScopeFilter().AsNoTracking()
            .Where(s => s.MunicipalityId == municipalityId)
            .OrderByDescending(s => s.SetVersion)
            .FirstOrDefaultAsync(ct);
        if (record is null) return null;
        IssuerKeySet.TryDecode(record.Encoded, out var set, out _);
        return new CurrentIssuerKeySet(record.SetVersion, record.IssuedAt, record.Encoded, set?.Keys ?? []);
    }

    /// <summary>The municipality's first key, signing at once, and the first key set naming it (signed by itself).</summary>
    private async Task CreateFirstAsync(Guid municipalityId, DateTime now, CancellationToken ct)
    {
        var code = await db.Municipalities.WithoutScopeFilter().Where(m => m.Id == municipalityId).Select(m => m.Code).FirstOrDefaultAsync(ct)
                   ?? throw new NotFoundException("Kommunen");
        var any = await db.IssuerKeys.WithoutScopeFilter().AnyAsync(k => k.MunicipalityId == municipalityId, ct);
        if (any)
            throw new RuleViolationException("issuer-key-none-live", "Kommunen har ingen utfärdarnyckel i bruk. Skapa en ny med nyckelbyte.");
        var record = NewKey(municipalityId, KeyIdFor(code, 1), now, now);
        var issuer = UnprotectUncached(record);
        Publish(municipalityId, issuer, [record], await NewestSetVersionAsync(municipalityId, ct) + 1, now);
        // Saved at once: callers ask for the issuer before they change anything.
        await SaveOrLoseRaceAsync(ct);
    }

    /// <summary>Saves; another request that made the key or set first (a unique index) wins, and its rows are used.</summary>
    private async Task SaveOrLoseRaceAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (RuleViolationException)
        {
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is IssuerKey or IssuerKeySetRecord).ToList())
                entry.State = EntityState.Detached;
        }
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is IssuerKey or IssuerKeySetRecord).ToList())
            entry.State = EntityState.Detached;
    }

    /// <summary>
    /// The <paramref name="number"/>th key of the municipality: "nf-" and its code for the first (as before
    /// rotation existed), "nf-code-2", "nf-code-3", … after; in the protocol's key-id alphabet, at most 32 characters.
    /// </summary>
    internal static string KeyIdFor(string municipalityCode, int number)
    {
        var suffix = number <= 1 ? "" : "-" + number;
        var cleaned = new string(municipalityCode.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        var id = "nf-" + cleaned;
        var room = Protocol.MaxKeyIdLength - suffix.Length;
        return (id.Length <= room ? id : id[..room]) + suffix;
    }
}
