using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>
/// A lock's revocation-list lag and so the worst-case exposure of a blocked key (SPEC §6). A key
/// blocked after the list the lock last took can still open this lock offline with a credential
/// issued before the block, until that credential expires (at most one shift) or a phone brings the
/// lock a newer list, whichever is first.
/// </summary>
public sealed record LockSyncStatus(
    Guid LockId,
    long LockListVersion,
    DateTime? LockListAppliedAt,
    long CurrentListVersion,
    DateTime? CurrentListIssuedAt,
    long VersionsBehind,
    int KeysBlockedSinceLockList,
    DateTime? ExposureUntil,
    long HighestSequence,
    long MissingEvents,
    DateTime? LastHeardAt)
{
    public bool UpToDate => VersionsBehind == 0;

    /// <summary>Swedish: what the lag means.</summary>
    public string Explanation(DateTime now) => (VersionsBehind, KeysBlockedSinceLockList, ExposureUntil) switch
    {
        (0, _, _) when CurrentListVersion == 0 => "Inga nycklar är spärrade i kommunen; låset behöver ingen spärrlista.",
        (0, _, _) => "Låset har den senaste spärrlistan: en spärrad nyckel öppnar det inte.",
        (_, 0, _) => $"Låset ligger {VersionsBehind} version(er) efter, men ingen av de nycklar som spärrats sedan dess har fått behörighet till låset.",
        (_, _, { } until) when until > now =>
            $"Låset ligger {VersionsBehind} version(er) efter. {KeysBlockedSinceLockList} nyckel/nycklar spärrade sedan dess kan i värsta fall öppna låset till {SwedishTime.ToLocal(until):yyyy-MM-dd HH:mm}, eller tills en telefon för över den nya listan.",
        _ => $"Låset ligger {VersionsBehind} version(er) efter, men alla behörigheter som spärrade nycklar fått till låset har gått ut.",
    };
}

public sealed class GetLockSync(NyckelfriDbContext db, RevocationLists lists) : IHandler
{
    public async Task<LockSyncStatus> Handle(Guid lockId, CancellationToken ct)
    {
        // The caller must see the device (the query filters decide); the rest is the municipality's.
        if (!await db.Devices.AnyAsync(d => d.Id == lockId, ct)) throw new NotFoundException("Låset");
        var sync = await db.LockSyncs.AsNoTracking().FirstOrDefaultAsync(s => s.LockId == lockId, ct);
        var current = await lists.CurrentAsync(db.Scope.MunicipalityId, ct);
        var lockVersion = sync?.RevocationListVersion ?? 0;
        var lockListAt = await db.RevocationLists.AsNoTracking()
            .Where(r => r.ListVersion == lockVersion).Select(r => (DateTime?)r.IssuedAt).FirstOrDefaultAsync(ct) ?? DateTime.MinValue;

        // Keys blocked after the list the lock has, and the last credential any of them got for this lock.
        var blockedSince = await db.DigitalKeys.IgnoreQueryFilters()
            .Where(k => k.MunicipalityId == db.Scope.MunicipalityId && k.Status == DigitalKeyStatus.Blocked && k.BlockedAt > lockListAt)
            .Select(k => k.Id).ToListAsync(ct);
        DateTime? exposure = null;
        if (current.ListVersion > lockVersion && blockedSince.Count > 0)
            exposure = await db.AccessEvents.IgnoreQueryFilters()
                .Where(e => e.LockId == lockId && e.DigitalKeyId != null && blockedSince.Contains(e.DigitalKeyId.Value)
                            && (e.Kind == AccessEventKind.CredentialIssued || e.Kind == AccessEventKind.BreakGlass))
                .MaxAsync(e => e.ValidUntil, ct);
        var blockedWithAccess = exposure is null ? 0 : await db.AccessEvents.IgnoreQueryFilters()
            .Where(e => e.LockId == lockId && e.DigitalKeyId != null && blockedSince.Contains(e.DigitalKeyId.Value)
                        && (e.Kind == AccessEventKind.CredentialIssued || e.Kind == AccessEventKind.BreakGlass))
            .Select(e => e.DigitalKeyId).Distinct().CountAsync(ct);
        return new LockSyncStatus(lockId, lockVersion, sync?.RevocationListAppliedAt, current.ListVersion,
            current.ListVersion == 0 ? null : current.IssuedAt, Math.Max(0, current.ListVersion - lockVersion),
            blockedWithAccess, exposure, sync?.HighestSequence ?? 0, sync?.MissingEvents ?? 0, sync?.LastHeardAt);
    }
}
