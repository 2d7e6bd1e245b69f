using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>The newest revocation list of a municipality, as the app carries it to locks.</summary>
public sealed record CurrentRevocationList(long ListVersion, DateTime IssuedAt, byte[] Encoded, int Entries)
{
    public static readonly CurrentRevocationList None = new(0, DateTime.MinValue, [], 0);
}

/// <summary>
/// Publishes the signed, versioned revocation list (SPEC §6): every blocked key's device-key hash, and
/// every device key a digital key no longer carries (<see cref="ReplacedDeviceKey"/>: a web-app key moved
/// to a new browser or phone); and
/// by id every credential a lost permission took back (<see cref="RevokedCredential"/>) that a lock
/// could still accept (valid until + the lock's clock skew not yet passed; docs/revocation.md).
/// A block publishes a new version in the same save; phones fetch the newest with every credential and
/// carry it to the locks they visit, and a lock accepts only a newer version than it has.
/// </summary>
public sealed class RevocationLists(NyckelfriDbContext db, IssuerKeys issuers) : IHandler
{
    /// <summary>The newest list of the caller's municipality.</summary>
    public Task<CurrentRevocationList> CurrentAsync(CancellationToken ct) => CurrentAsync(db.Scope.MunicipalityId, ct);

    public async Task<CurrentRevocationList> CurrentAsync(Guid municipalityId, CancellationToken ct) =>
        await db.RevocationLists.WithoutScopeFilter().AsNoTracking()
            .Where(r => r.MunicipalityId == municipalityId)
            .OrderByDescending(r => r.ListVersion)
            .Select(r => new CurrentRevocationList(r.ListVersion, r.IssuedAt, r.Encoded, r.Entries))
            .FirstOrDefaultAsync(ct) ?? CurrentRevocationList.None;

    /// <summary>
    /// Adds the next version to the caller's unit of work, listing every blocked key (tracked blocks not
    /// yet saved included). Must run inside a transaction that the caller commits after saving: the
    /// publishing lock (<see cref="LockPublishingAsync"/>) is taken first, so two publishes at once take
    /// consecutive versions instead of colliding on the unique index.
    /// </summary>
    public async Task<RevocationListRecord> PublishAsync(Guid municipalityId, CancellationToken ct) =>
        await PublishAsync(municipalityId, db.Clock.UtcNow(), ct);

    /// <param name="issuedAt">When the list is dated (now, except for the demo's history).</param>
    public async Task<RevocationListRecord> PublishAsync(Guid municipalityId, DateTime issuedAt, CancellationToken ct)
    {
        await LockPublishingAsync(db, ct);
        var issuer = await issuers.ForMunicipalityAsync(municipalityId, ct);
        var current = await CurrentAsync(municipalityId, ct);
        var stored = await db.DigitalKeys.WithoutScopeFilter().AsNoTracking()
            .Where(k => k.MunicipalityId == municipalityId && k.Status == DigitalKeyStatus.Blocked)
            .Select(k => new { k.Id, k.HolderKeyHash }).ToListAsync(ct);
        var tracked = db.ChangeTracker.Entries<DigitalKey>()
            .Where(e => e.Entity.MunicipalityId == municipalityId && e.Entity.Status == DigitalKeyStatus.Blocked)
            .Select(e => new { e.Entity.Id, e.Entity.HolderKeyHash });
        var hashes = stored.Concat(tracked).DistinctBy(k => k.Id).Select(k => k.HolderKeyHash).Where(h => h.Length > 0).ToList();
        hashes = [.. hashes, .. await ReplacedDeviceKeyHashesAsync(municipalityId, ct)];
        hashes = hashes.DistinctBy(Convert.ToHexString).ToList();
        var credentials = await RevokedCredentialIds(municipalityId, issuedAt, ct);

        var list = issuer.IssueRevocationList(current.ListVersion + 1, new DateTimeOffset(issuedAt), credentialIds: credentials, holderKeyHashes: hashes);
        var record = new RevocationListRecord(municipalityId, list.ListVersion, list.IssuedAt.UtcDateTime, list.ToArray(),
            hashes.Count + list.CredentialIds.Count);
        db.RevocationLists.Add(record);
        return record;
    }

    /// <summary>
    /// Serialises everything that publishes a revocation list, until the current transaction ends. On
    /// PostgreSQL a transaction-scoped advisory lock; on SQLite the transaction itself, which Nyckelfri
    /// begins IMMEDIATE (the single writer's lock is held from its first statement). Re-entrant: the
    /// permission follower takes it before deciding, and its publish takes it again.
    /// </summary>
    public static async Task LockPublishingAsync(NyckelfriDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A revocation list is published inside a transaction that the caller commits after saving.");
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PublishingLockClass}, {PublishingLockObject})", ct);
    }

    /// <summary>The advisory lock's two keys: "revocation list" in ASCII-ish, and 1.</summary>
    private const int PublishingLockClass = 0x52564C53, PublishingLockObject = 1;

    /// <summary>Device keys replaced by a new enrolment (saved, and tracked in this unit of work).</summary>
    private async Task<IEnumerable<byte[]>> ReplacedDeviceKeyHashesAsync(Guid municipalityId, CancellationToken ct)
    {
        var stored = await db.ReplacedDeviceKeys.WithoutScopeFilter().AsNoTracking()
            .Where(r => r.MunicipalityId == municipalityId).Select(r => r.HolderKeyHash).ToListAsync(ct);
        var tracked = db.ChangeTracker.Entries<ReplacedDeviceKey>()
            .Where(e => e.State == EntityState.Added && e.Entity.MunicipalityId == municipalityId).Select(e => e.Entity.HolderKeyHash);
        return stored.Concat(tracked);
    }

    /// <summary>Revoked credentials a lock could still accept at <paramref name="at"/> (tracked ones not yet saved included).</summary>
    private async Task<List<Guid>> RevokedCredentialIds(Guid municipalityId, DateTime at, CancellationToken ct)
    {
        var stillOpen = at - CredentialWindow.LockSkew;
        var stored = await db.RevokedCredentials.WithoutScopeFilter().AsNoTracking()
            .Where(r => r.MunicipalityId == municipalityId && r.ValidUntil > stillOpen).Select(r => r.CredentialId).ToListAsync(ct);
        var tracked = db.ChangeTracker.Entries<RevokedCredential>()
            .Where(e => e.State == EntityState.Added && e.Entity.MunicipalityId == municipalityId && e.Entity.ValidUntil > stillOpen)
            .Select(e => e.Entity.CredentialId);
        return [.. stored.Concat(tracked).Distinct()];
    }
}
