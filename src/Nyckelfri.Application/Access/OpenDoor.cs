using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>What happened at the door, in Swedish for the person standing there.</summary>
public sealed record DoorOutcome(bool Opened, string Message, string? ReasonCode, bool BreakGlass);

/// <summary>
/// "Öppna" on the staff phone page: the whole protocol, as the staff app would run it, against the
/// lock's platform adapter (the emulator here). Ask the server for a credential (the permission is
/// checked there), carry the newest revocation list to the lock, take the lock's fresh nonce, answer
/// it with the device key, present the answer, then sync the lock's new events back to the server
/// (the same upload path as a real app). Only for keys the server holds (<see cref="DigitalKeyKind.WebApp"/>).
/// </summary>
public sealed class OpenDoor(NyckelfriDbContext db, IssueCredential issue, RequestBreakGlass breakGlass, UploadLockEvents upload,
    WebAppKeys webAppKeys, IssuerKeys issuers, EmulatedLocks locks) : IHandler
{
    public async Task<DoorOutcome> Handle(Guid lockId, CancellationToken ct) =>
        await Run(lockId, await issue.Handle(new IssueCredential.Command { LockId = lockId }, ct), ct);

    public async Task<DoorOutcome> BreakGlass(Guid lockId, string? reason, CancellationToken ct) =>
        await Run(lockId, await breakGlass.Handle(new RequestBreakGlass.Command { LockId = lockId, Reason = reason }, ct), ct);

    private async Task<DoorOutcome> Run(Guid lockId, CredentialResult credential, CancellationToken ct)
    {
        if (!credential.Issued)
            return new DoorOutcome(false, "Nekad: " + credential.Refusal, credential.RefusalCode, false);

        using var deviceKey = webAppKeys.Unprotect(credential.Key!);
        var holder = new Holder(deviceKey);
        var emulated = await Emulated(lockId, ct);
        var platform = locks.Platform;

        var status = await platform.StatusAsync(lockId, ct);
        if (credential.RevocationList.ListVersion > status.RevocationListVersion)
            await platform.PushRevocationListAsync(lockId, credential.RevocationList.Encoded, ct);
        var challenge = await platform.ChallengeAsync(lockId, ct);
        var response = holder.Answer(challenge, credential.Credential!);
        var result = await platform.PresentAsync(lockId, response.ToArray(), ct);

        await Sync(lockId, emulated, ct);
        var breakGlassUsed = credential.Credential!.Kind == CredentialKind.BreakGlass;
        return result.Opened
            ? new DoorOutcome(true, breakGlassUsed ? "Dörren är upplåst (nödöppning, granskas av enhetschefen)." : "Dörren är upplåst.", null, breakGlassUsed)
            : new DoorOutcome(false, "Låset nekade: " + RefusalReasonTexts.Swedish(result.Reason), result.Reason.ToString(), breakGlassUsed);
    }

    /// <summary>The lock's events the server does not have yet go up through the ordinary upload (and on to visits).</summary>
    private async Task Sync(Guid lockId, long lastKnown, CancellationToken ct)
    {
        var events = await locks.Platform.ReadEventsAsync(lockId, lastKnown, ct);
        if (events.Count == 0) return;
        await upload.Handle(new UploadLockEvents.Command { LockId = lockId, Events = events.Select(UploadLockEvents.EventLine.From).ToList() }, ct);
    }

    /// <returns>The highest event number the server had for the lock before this opening.</returns>
    private async Task<long> Emulated(Guid lockId, CancellationToken ct)
    {
        var device = await db.Devices.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.Id == lockId && d.MunicipalityId == db.Scope.MunicipalityId)
            .Select(d => new { d.SerialNumber, d.BatteryLevel }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Låset");
        var last = await db.LockSyncs.IgnoreQueryFilters().Where(s => s.LockId == lockId).Select(s => (long?)s.HighestSequence).FirstOrDefaultAsync(ct) ?? 0;
        var trusted = await issuers.TrustedAsync(db.Scope.MunicipalityId, ct);
        locks.GetOrAdd(lockId, device.SerialNumber, trusted, last, device.BatteryLevel);
        return last;
    }
}
