using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.LockPlatform;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>What happened at the door, in Swedish for the person standing there.</summary>
public sealed record DoorOutcome(bool Opened, string Message, string? ReasonCode, bool BreakGlass);

/// <summary>
/// "Öppna" on the staff phone page: the whole protocol, as the staff app would run it, against the
/// lock's platform (<see cref="ILockPlatformConnector"/>; the emulator when the demo is on). Ask the
/// server for a credential (the permission is checked there), carry the newest revocation list to the
/// lock, take the lock's fresh nonce, answer it with the device key, present the answer, then sync the
/// lock's new events back to the server (the same upload path as a real app). Only for keys the server
/// holds (<see cref="DigitalKeyKind.WebApp"/>). With no lock platform connected nothing is asked for
/// and nothing is logged: the answer says the door cannot be opened from here.
/// </summary>
public sealed class OpenDoor(NyckelfriDbContext db, IssueCredential issue, RequestBreakGlass breakGlass, UploadLockEvents upload,
    WebAppKeys webAppKeys, IssuerKeys issuers, ILockPlatformConnector? locks = null) : IHandler
{
    /// <summary>The outcome's reason code when no lock platform is connected.</summary>
    public const string NoLockPlatformCode = "no-lock-platform";

    private static readonly DoorOutcome NoLockPlatform = new(false,
        "Ingen låsplattform är ansluten, så dörren kan inte öppnas härifrån. Kontakta systemförvaltaren.", NoLockPlatformCode, false);

    public async Task<DoorOutcome> Handle(Guid lockId, CancellationToken ct) => locks is null
        ? NoLockPlatform
        : await Run(locks, lockId, await issue.Handle(new IssueCredential.Command { LockId = lockId }, ct), ct);

    public async Task<DoorOutcome> BreakGlass(Guid lockId, string? reason, CancellationToken ct) => locks is null
        ? NoLockPlatform
        : await Run(locks, lockId, await breakGlass.Handle(new RequestBreakGlass.Command { LockId = lockId, Reason = reason }, ct), ct);

    private async Task<DoorOutcome> Run(ILockPlatformConnector connector, Guid lockId, CredentialResult credential, CancellationToken ct)
    {
        if (!credential.Issued)
            return new DoorOutcome(false, "Nekad: " + credential.Refusal, credential.RefusalCode, false);

        using var deviceKey = webAppKeys.Unprotect(credential.Key!);
        var holder = new Holder(deviceKey);
        var onRecord = await OnRecord(lockId, ct);
        var platform = await connector.ConnectAsync(onRecord, ct);

        var status = await platform.StatusAsync(lockId, ct);
        if (credential.RevocationList.ListVersion > status.RevocationListVersion)
            await platform.PushRevocationListAsync(lockId, credential.RevocationList.Encoded, ct);
        var challenge = await platform.ChallengeAsync(lockId, ct);
        var response = holder.Answer(challenge, credential.Credential!);
        var result = await platform.PresentAsync(lockId, response.ToArray(), ct);

        await Sync(platform, lockId, onRecord.LastEventSequence, ct);
        var breakGlassUsed = credential.Credential!.Kind == CredentialKind.BreakGlass;
        return result.Opened
            ? new DoorOutcome(true, breakGlassUsed ? "Dörren är upplåst (nödöppning, granskas av enhetschefen)." : "Dörren är upplåst.", null, breakGlassUsed)
            : new DoorOutcome(false, "Låset nekade: " + RefusalReasonTexts.Swedish(result.Reason), result.Reason.ToString(), breakGlassUsed);
    }

    /// <summary>
    /// The lock's events the server does not have yet, as the lock signed them, go up through the
    /// ordinary upload (and on to visits). The door has opened or not by now: a batch the server
    /// refuses (logged, and a fork alerted, by the upload) does not change what the person at the door is told.
    /// </summary>
    private async Task Sync(ILockPlatform platform, Guid lockId, long lastKnown, CancellationToken ct)
    {
        var batch = await platform.ReadEventsAsync(lockId, lastKnown, ct);
        if (batch is null) return;
        try
        {
            await upload.AfterOpening(lockId, batch.ToArray(), ct);
        }
        catch (LockEventsRefusedException)
        {
            // Nothing of the batch is stored; the lock keeps its events for the next sync.
        }
    }

    /// <summary>The lock as the server has it, with the highest event number stored before this opening.</summary>
    private async Task<LockOnRecord> OnRecord(Guid lockId, CancellationToken ct)
    {
        var device = await db.Devices.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.Id == lockId && d.MunicipalityId == db.Scope.MunicipalityId)
            .Select(d => new { d.SerialNumber, d.BatteryLevel, d.LockPublicKey }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Låset");
        var last = await db.LockSyncs.IgnoreQueryFilters().Where(s => s.LockId == lockId).Select(s => (long?)s.HighestSequence).FirstOrDefaultAsync(ct) ?? 0;
        var lastHash = last == 0 ? null : await db.AccessEvents.IgnoreQueryFilters()
            .Where(e => e.LockId == lockId && e.LockSequence == last).Select(e => e.LockEventHash).FirstOrDefaultAsync(ct);
        var trusted = await issuers.TrustedAsync(db.Scope.MunicipalityId, ct);
        return new LockOnRecord(lockId, device.SerialNumber, trusted, last, device.BatteryLevel, lastHash, device.LockPublicKey);
    }
}
