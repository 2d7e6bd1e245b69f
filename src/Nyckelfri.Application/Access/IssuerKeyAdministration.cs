using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>One issuer key as the administration page and the API show it.</summary>
/// <param name="SupersededAt">When a newer key started signing in its place.</param>
/// <param name="RetirableFrom">For a previous key: when the last credential it can have signed has expired, skew included.</param>
/// <param name="Fingerprint">SHA-256 of the 65-byte public key, in hex pairs, to compare with what a lock vendor has.</param>
public sealed record IssuerKeyItem(string KeyId, IssuerKeyStatus Status, DateTime CreatedAt, DateTime ActivatesAt, DateTime? SupersededAt,
    DateTime? RetiredAt, DateTime? RetirableFrom, string Fingerprint, byte[] PublicKey);

/// <summary>The caller's municipality's issuer keys, newest first, and its newest key set's version.</summary>
public sealed class ListIssuerKeys(NyckelfriDbContext db, IssuerKeys issuers) : IHandler
{
    public sealed record Result(IReadOnlyList<IssuerKeyItem> Keys, long KeySetVersion);

    public async Task<Result> Handle(CancellationToken ct)
    {
        var municipalityId = db.Scope.MunicipalityId;
        // Made on first use anywhere else too; the page shows a municipality's key before its first credential.
        await issuers.KeySetAsync(municipalityId, ct);
        var keys = await db.IssuerKeys.AsNoTracking().Where(k => k.MunicipalityId == municipalityId)
            .OrderBy(k => k.ActivatesAt).ThenBy(k => k.Id).ToListAsync(ct);
        var now = db.Clock.UtcNow();
        var signing = IssuerKeys.SigningKey(keys, now);
        var items = keys.Select(k => Describe(k, keys, signing, now)).Reverse().ToList();
        return new Result(items, await issuers.NewestSetVersionAsync(municipalityId, ct));
    }

    /// <summary>The keys locks are to trust now (not retired, coming keys included), for the JWK Set.</summary>
    public async Task<IReadOnlyList<IssuerKeyItem>> PublishedAsync(CancellationToken ct) =>
        [.. (await Handle(ct)).Keys.Where(k => k.Status != IssuerKeyStatus.Retired).OrderBy(k => k.ActivatesAt)];

    internal static IssuerKeyItem Describe(IssuerKey key, IReadOnlyList<IssuerKey> all, IssuerKey? signing, DateTime now)
    {
        var successor = all.Where(k => k.ActivatesAt > key.ActivatesAt && k.ActivatesAt <= now).OrderBy(k => k.ActivatesAt).FirstOrDefault();
        var status = key.RetiredAt is not null ? IssuerKeyStatus.Retired
            : key.ActivatesAt > now ? IssuerKeyStatus.Coming
            : signing?.Id == key.Id ? IssuerKeyStatus.Signing
            : IssuerKeyStatus.Previous;
        DateTime? retirable = status == IssuerKeyStatus.Previous && successor is not null ? RetireIssuerKey.RetirableFrom(successor.ActivatesAt) : null;
        return new IssuerKeyItem(key.KeyId, status, key.CreatedAt, key.ActivatesAt, successor?.ActivatesAt, key.RetiredAt, retirable,
            Fingerprint(key.PublicKey), key.PublicKey);
    }

    public static string Fingerprint(byte[] publicKey) =>
        string.Join(':', Convert.ToHexString(SHA256.HashData(publicKey)).Chunk(2).Select(pair => new string(pair)));
}

/// <summary>
/// Starts an issuer-key rotation (docs/key-custody.md): a new key with a new key id, published at once in
/// a new key set that names the old and the new key, signed by the key that signs now (which every lock
/// trusts). After the overlap the new key signs; until then phones carry the set to the locks. The
/// overlap is asked for explicitly, at least <c>IssuerKeys:RotationOverlapHours</c> (24 by default) and
/// at most 30 days. One rotation at a time.
/// </summary>
public sealed class RotateIssuerKey(NyckelfriDbContext db, IssuerKeys issuers, IConfiguration configuration) : IHandler
{
    public const double DefaultOverlapHours = 24;
    public const double MaxOverlapHours = 30 * 24;

    public sealed class Command
    {
        /// <summary>How long the new key is published before it signs, in hours.</summary>
        public double? OverlapHours { get; set; }
    }

    public sealed record Result(string KeyId, DateTime ActivatesAt, long KeySetVersion);

    /// <summary>The shortest overlap allowed here, and what the page and the command line propose.</summary>
    public double MinimumOverlapHours =>
        configuration.GetValue<double?>("IssuerKeys:RotationOverlapHours") is { } h && h >= 0 && h <= MaxOverlapHours ? h : DefaultOverlapHours;

    public Task<Result> Handle(Command command, CancellationToken ct) => Handle(db.Scope.MunicipalityId, command, ct);

    /// <summary>For the command line: the municipality named, as the system.</summary>
    public async Task<Result> Handle(Guid municipalityId, Command command, CancellationToken ct)
    {
        var minimum = MinimumOverlapHours;
        if (command.OverlapHours is not { } hours || double.IsNaN(hours) || hours < minimum || hours > MaxOverlapHours)
            throw ValidationFailedException.For(nameof(Command.OverlapHours),
                $"Ange övergångstiden i timmar, minst {minimum:0.##} och högst {MaxOverlapHours:0}.");
        var now = db.Clock.UtcNow();
        var signer = await issuers.ForMunicipalityAsync(municipalityId, ct);
        var live = await issuers.LiveKeysAsync(municipalityId, ct);
        if (live.FirstOrDefault(k => k.ActivatesAt > now) is { } coming)
            throw new RuleViolationException("issuer-key-rotation-pending",
                $"Nyckelbytet pågår redan: {coming.KeyId} börjar gälla {SwedishTime.ToLocal(coming.ActivatesAt):yyyy-MM-dd HH:mm}.");
        if (live.Count >= IssuerKeySet.MaxKeys)
            throw new RuleViolationException("issuer-key-too-many",
                $"Kommunen har redan {live.Count} nycklar i bruk. Ta tidigare nycklar ur bruk först.");

        var code = await db.Municipalities.WithoutScopeFilter().Where(m => m.Id == municipalityId).Select(m => m.Code).SingleAsync(ct);
        var number = await db.IssuerKeys.WithoutScopeFilter().CountAsync(k => k.MunicipalityId == municipalityId, ct) + 1;
        var key = issuers.NewKey(municipalityId, IssuerKeys.KeyIdFor(code, number), now, now + TimeSpan.FromHours(hours));
        var set = issuers.Publish(municipalityId, signer, [.. live, key], await issuers.NewestSetVersionAsync(municipalityId, ct) + 1, now);
        // Two rotations at once take the same key id and set version: the unique indexes refuse the second.
        await db.SaveChangesAsync(ct);
        return new Result(key.KeyId, key.ActivatesAt, set.SetVersion);
    }
}

/// <summary>
/// Retires a previous issuer key: a new key set without it, signed by the signing key, and the
/// revocation list again under the signing key. Only once every
/// credential it can have signed has expired (12 h and the lock's skew after its successor started
/// signing), so that retiring never stops a credential early.
/// </summary>
public sealed class RetireIssuerKey(NyckelfriDbContext db, IssuerKeys issuers, RevocationLists lists) : IHandler
{
    public sealed record Result(string KeyId, long KeySetVersion);

    /// <summary>When a key replaced at <paramref name="supersededAt"/> has no unexpired credential left.</summary>
    public static DateTime RetirableFrom(DateTime supersededAt) => supersededAt + Protocol.MaxValidity + Protocol.DefaultAllowedSkew;

    public Task<Result> Handle(string? keyId, CancellationToken ct) => Handle(db.Scope.MunicipalityId, keyId, ct);

    public async Task<Result> Handle(Guid municipalityId, string? keyId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(keyId)) throw ValidationFailedException.For("KeyId", "Ange vilken nyckel.");
        // The key set and the list signed again under the signing key: one transaction (RevocationLists.LockPublishingAsync).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = db.Clock.UtcNow();
        // The key first: asking for an unknown key changes nothing (not even the first key is made).
        var key = await db.IssuerKeys.WithoutScopeFilter().FirstOrDefaultAsync(k => k.MunicipalityId == municipalityId && k.KeyId == keyId, ct)
                  ?? throw new NotFoundException("Nyckeln");
        var signer = await issuers.ForMunicipalityAsync(municipalityId, ct);
        var live = await issuers.LiveKeysAsync(municipalityId, ct);
        var item = ListIssuerKeys.Describe(key, live, IssuerKeys.SigningKey(live, now), now);
        switch (item.Status)
        {
            case IssuerKeyStatus.Retired:
                key.Retire(now); // throws the "already retired" rule
                break;
            case IssuerKeyStatus.Signing or IssuerKeyStatus.Coming:
                throw new RuleViolationException("issuer-key-in-use",
                    $"Nyckeln {key.KeyId} signerar nu eller ska börja signera; den kan inte tas ur bruk. Byt nyckel först.");
            case IssuerKeyStatus.Previous when item.RetirableFrom > now:
                throw new RuleViolationException("issuer-key-credentials-unexpired",
                    $"Behörigheter som {key.KeyId} har signerat kan gälla till {SwedishTime.ToLocal(item.RetirableFrom!.Value):yyyy-MM-dd HH:mm}. Ta nyckeln ur bruk efter det.");
        }
        key.Retire(now);
        var remaining = live.Where(k => k.Id != key.Id).ToList();
        var set = issuers.Publish(municipalityId, signer, remaining, await issuers.NewestSetVersionAsync(municipalityId, ct) + 1, now);
        // The newest revocation list may carry the retired key's signature, which locks stop trusting
        // with this set: the same entries are published again under the signing key.
        await lists.PublishAsync(municipalityId, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Result(key.KeyId, set.SetVersion);
    }
}
