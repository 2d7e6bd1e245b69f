using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>
/// A lock's revocation-list lag and so the worst-case exposure of a blocked key (SPEC §6). A key
/// blocked after the list the lock last took can still open this lock offline with a credential
/// issued before the block, until that credential expires (at most one shift) or a phone brings the
/// lock a newer list, whichever is first. The same holds for a credential a lost permission took back
/// (<see cref="RevokedCredentials"/>, docs/revocation.md). Every "until" includes the lock's clock
/// skew: the lock accepts a credential until its valid-until plus the skew.
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
    DateTime? LastHeardAt,
    IReadOnlyList<ExposedCredential> RevokedCredentials,
    RefusedUpload? LastRefusedUpload = null)
{
    /// <summary>How long the revoked credentials the lock has no list for could still open it (null: none can).</summary>
    public DateTime? RevokedExposureUntil => RevokedCredentials.Count == 0 ? null : RevokedCredentials.Max(c => c.OpensUntil);

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

/// <summary>A credential a lost permission took back that this lock has no list for yet: it could open until <see cref="OpensUntil"/> (valid until + skew).</summary>
public sealed record ExposedCredential(Guid CredentialId, Guid EmployeeId, string EmployeeName, DateTime ValidUntil, DateTime OpensUntil,
    string ReasonCode, string Reason, long FirstListVersion);

/// <summary>The latest upload of this lock's events the server refused (or found to be a fork): when, why, and who sent it.</summary>
public sealed record RefusedUpload(DateTime At, string ReasonCode, string? Detail, string? UploadedBy);

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
        var blockedSince = await db.DigitalKeys.WithoutScopeFilter()
            .Where(k => k.MunicipalityId == db.Scope.MunicipalityId && k.Status == DigitalKeyStatus.Blocked && k.BlockedAt > lockListAt)
            .Select(k => k.Id).ToListAsync(ct);
        DateTime? exposure = null;
        if (current.ListVersion > lockVersion && blockedSince.Count > 0)
            exposure = await db.AccessEvents.WithoutScopeFilter()
                .Where(e => e.LockId == lockId && e.DigitalKeyId != null && blockedSince.Contains(e.DigitalKeyId.Value)
                            && (e.Kind == AccessEventKind.CredentialIssued || e.Kind == AccessEventKind.BreakGlass))
                .MaxAsync(e => e.ValidUntil, ct);
        if (exposure is { } until) exposure = CredentialWindow.OpensUntil(until);
        var blockedWithAccess = exposure is null ? 0 : await db.AccessEvents.WithoutScopeFilter()
            .Where(e => e.LockId == lockId && e.DigitalKeyId != null && blockedSince.Contains(e.DigitalKeyId.Value)
                        && (e.Kind == AccessEventKind.CredentialIssued || e.Kind == AccessEventKind.BreakGlass))
            .Select(e => e.DigitalKeyId).Distinct().CountAsync(ct);
        return new LockSyncStatus(lockId, lockVersion, sync?.RevocationListAppliedAt, current.ListVersion,
            current.ListVersion == 0 ? null : current.IssuedAt, Math.Max(0, current.ListVersion - lockVersion),
            blockedWithAccess, exposure, sync?.HighestSequence ?? 0, sync?.MissingEvents ?? 0, sync?.LastHeardAt,
            await Exposed(lockId, lockVersion, ct), await LastRefused(lockId, ct));
    }

    private Task<RefusedUpload?> LastRefused(Guid lockId, CancellationToken ct) =>
        db.AccessEvents.WithoutScopeFilter()
            .Where(e => e.LockId == lockId && e.MunicipalityId == db.Scope.MunicipalityId && e.Kind == AccessEventKind.LockNotice
                        && e.ReasonCode != null && (e.ReasonCode.StartsWith("events-refused-") || e.ReasonCode == "event-fork"))
            .OrderByDescending(e => e.RecordedAt)
            .Select(e => new RefusedUpload(e.RecordedAt, e.ReasonCode!, e.Detail, e.RecordedBy))
            .FirstOrDefaultAsync(ct);

    /// <summary>Revoked credentials for this lock first named in a list newer than the lock's, that could still open it now.</summary>
    private async Task<List<ExposedCredential>> Exposed(Guid lockId, long lockVersion, CancellationToken ct)
    {
        var stillOpen = db.Clock.UtcNow() - CredentialWindow.LockSkew;
        var rows = await (from r in db.RevokedCredentials.AsNoTracking()
                          join e in db.Employees.WithoutScopeFilter() on r.EmployeeId equals e.Id into es
                          from e in es.DefaultIfEmpty()
                          where r.LockId == lockId && r.FirstListVersion > lockVersion && r.ValidUntil > stillOpen
                          orderby r.ValidUntil descending
                          select new { r.CredentialId, r.EmployeeId, Name = e == null ? "–" : e.FirstName + " " + e.LastName, r.ValidUntil,
                              r.ReasonCode, r.Reason, r.FirstListVersion })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ExposedCredential(r.CredentialId, r.EmployeeId, r.Name, r.ValidUntil, CredentialWindow.OpensUntil(r.ValidUntil),
            r.ReasonCode, r.Reason, r.FirstListVersion))];
    }
}
