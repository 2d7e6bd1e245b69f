using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.LockPlatform;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>What happened at the door, in Swedish for the person standing there.</summary>
public sealed record DoorOutcome(bool Opened, string Message, string? ReasonCode, bool BreakGlass);

/// <summary>
/// The lock's challenge and the credential to answer it with: what the browser signs. Or, when no
/// credential was issued (or no lock platform is connected), why not.
/// </summary>
public sealed record DoorChallenge(Credential? Credential, Challenge? Challenge, long RevocationListVersion, DoorOutcome? Refused);

/// <summary>
/// "Öppna" on the staff phone page, in two steps around the browser, which holds the device key
/// (WebCrypto; the server never sees its private half). <see cref="PrepareAsync"/>: ask for a credential
/// for the browser's device key (the permission is checked there), carry the newest revocation list to
/// the lock, take the lock's fresh challenge. The browser signs the response itself.
/// <see cref="PresentAsync"/>: present the browser's response to the lock, then sync the lock's new events
/// back (the same upload path as a real app). The lock's platform is reached through
/// <see cref="ILockPlatformConnector"/> (the emulator when the demo is on). With no lock platform connected
/// nothing is asked for and nothing is logged: the answer says the door cannot be opened from here.
/// </summary>
public sealed class OpenDoor(NyckelfriDbContext db, IssueCredential issue, RequestBreakGlass breakGlass, UploadLockEvents upload,
    IssuerKeys issuers, ILockPlatformConnector? locks = null) : IHandler
{
    /// <summary>The outcome's reason code when no lock platform is connected.</summary>
    public const string NoLockPlatformCode = "no-lock-platform";

    /// <summary>The web-app key has no device key yet: the browser enrols its own first.</summary>
    public const string NotEnrolledCode = "device-key-not-enrolled";

    /// <summary>The web-app key's device key is another browser's or phone's: moving it here needs the password.</summary>
    public const string EnrolledElsewhereCode = "device-key-elsewhere";

    /// <summary>The response names no credential this employee was issued for this lock.</summary>
    public const string NotYourCredentialCode = "credential-not-yours";

    private static readonly DoorOutcome NoLockPlatform = new(false,
        "Ingen låsplattform är ansluten, så dörren kan inte öppnas härifrån. Kontakta systemförvaltaren.", NoLockPlatformCode, false);

    /// <summary>A credential for the browser's device key (base64 of 0x04 ‖ X ‖ Y) and the lock's challenge.</summary>
    public async Task<DoorChallenge> PrepareAsync(Guid lockId, string? holderPublicKey, CancellationToken ct)
    {
        if (locks is null) return Refused(NoLockPlatform);
        var (keyId, refused) = await BrowserKey(holderPublicKey, ct);
        if (refused is not null) return Refused(refused);
        var credential = await issue.Handle(new IssueCredential.Command { LockId = lockId, DigitalKeyId = keyId, HolderPublicKey = holderPublicKey }, ct);
        return await Challenge(locks, lockId, credential, ct);
    }

    /// <summary>The same for break-glass: a reason is required (validation error otherwise).</summary>
    public async Task<DoorChallenge> PrepareBreakGlassAsync(Guid lockId, string? reason, string? holderPublicKey, CancellationToken ct)
    {
        if (locks is null) return Refused(NoLockPlatform);
        var (_, refused) = await BrowserKey(holderPublicKey, ct);
        if (refused is not null) return Refused(refused);
        var credential = await breakGlass.Handle(new RequestBreakGlass.Command { LockId = lockId, Reason = reason }, ct);
        return await Challenge(locks, lockId, credential, ct);
    }

    /// <summary>Presents the browser's response (the message's bytes) to the lock and syncs its events.</summary>
    public async Task<DoorOutcome> PresentAsync(Guid lockId, byte[]? response, CancellationToken ct)
    {
        if (locks is null) return NoLockPlatform;
        if (response is null || !Response.TryDecode(response, out var decoded, out _))
            throw new RuleViolationException("response-malformed", "Svaret till låset gick inte att läsa. Försök igen.");
        var employeeId = db.Scope.EmployeeId ?? throw new RuleViolationException("not-an-employee", "Ditt konto är inte kopplat till någon medarbetare.");
        // The server relays only answers carrying a credential it issued to this employee for this lock.
        var credentialId = decoded.Credential.CredentialId;
        var issued = await db.AccessEvents.WithoutScopeFilter().AnyAsync(e => e.MunicipalityId == db.Scope.MunicipalityId
            && e.CredentialId == credentialId && e.EmployeeId == employeeId && e.LockId == lockId
            && (e.Kind == AccessEventKind.CredentialIssued || e.Kind == AccessEventKind.BreakGlass), ct);
        if (!issued) throw new RuleViolationException(NotYourCredentialCode, "Svaret bär ingen behörighet som utfärdats till dig för det här låset.");

        var onRecord = await OnRecord(lockId, ct);
        var platform = await locks.ConnectAsync(onRecord, ct);
        var result = await platform.PresentAsync(lockId, response, ct);
        await Sync(platform, lockId, onRecord.LastEventSequence, ct);
        var breakGlassUsed = decoded.Credential.Kind == CredentialKind.BreakGlass;
        return result.Opened
            ? new DoorOutcome(true, breakGlassUsed ? "Dörren är upplåst (nödöppning, granskas av enhetschefen)." : "Dörren är upplåst.", null, breakGlassUsed)
            : new DoorOutcome(false, "Låset nekade: " + RefusalReasonTexts.Swedish(result.Reason), result.Reason.ToString(), breakGlassUsed);
    }

    private static DoorChallenge Refused(DoorOutcome outcome) => new(null, null, 0, outcome);

    /// <summary>The employee's web-app key and whether the browser's key is the one enrolled on it.</summary>
    private async Task<(Guid? KeyId, DoorOutcome? Refused)> BrowserKey(string? holderPublicKey, CancellationToken ct)
    {
        var employeeId = db.Scope.EmployeeId ?? throw new RuleViolationException("not-an-employee",
            "Ditt konto är inte kopplat till någon medarbetare, så det finns ingen digital nyckel att utfärda behörighet till.");
        if (string.IsNullOrWhiteSpace(holderPublicKey))
            throw ValidationFailedException.For("HolderPublicKey", "Webbläsarens publika nyckel måste skickas med.");
        var key = await RequestEnrolmentChallenge.OwnWebAppKey(db, employeeId, ct);
        if (key is null)
            return (null, null); // no web-app key: the credential request says why (no key, blocked) and logs it
        if (!key.HasKeyMaterial)
            return (key.Id, new DoorOutcome(false, "Webbläsaren har ingen registrerad nyckel ännu.", NotEnrolledCode, false));
        byte[]? presented;
        try { presented = Convert.FromBase64String(holderPublicKey.Trim()); }
        catch (FormatException) { presented = null; }
        if (presented is null || !presented.AsSpan().SequenceEqual(key.HolderPublicKey))
            return (key.Id, new DoorOutcome(false,
                "Din nyckel finns i en annan webbläsare eller telefon. Ange ditt lösenord för att flytta den hit; den gamla spärras.", EnrolledElsewhereCode, false));
        return (key.Id, null);
    }

    private async Task<DoorChallenge> Challenge(ILockPlatformConnector connector, Guid lockId, CredentialResult credential, CancellationToken ct)
    {
        if (!credential.Issued)
            return Refused(new DoorOutcome(false, "Nekad: " + credential.Refusal, credential.RefusalCode, false));
        var platform = await connector.ConnectAsync(await OnRecord(lockId, ct), ct);
        var status = await platform.StatusAsync(lockId, ct);
        // The key set first: the revocation list and the credential may carry a key the lock learns from it.
        if (credential.IssuerKeySet is { } keySet && keySet.SetVersion > status.IssuerKeySetVersion)
            await platform.PushIssuerKeySetAsync(lockId, keySet.Encoded, ct);
        if (credential.RevocationList.ListVersion > status.RevocationListVersion)
            await platform.PushRevocationListAsync(lockId, credential.RevocationList.Encoded, ct);
        var challenge = await platform.ChallengeAsync(lockId, ct);
        return new DoorChallenge(credential.Credential, challenge, credential.RevocationList.ListVersion, null);
    }

    /// <summary>
    /// The lock's events the server does not have yet, as the lock signed them, go up through the
    /// ordinary upload (and on to visits). The door has opened or not by now: a batch the server
    /// refuses does not change what the person at the door is told; the upload has written the refusal
    /// to the access log (and the lock page shows it), and alerted a fork.
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
            // Nothing of the batch is stored and the refusal is in the access log; the lock keeps its events for the next sync.
        }
    }

    /// <summary>The lock as the server has it, with the highest event number stored before this opening.</summary>
    private async Task<LockOnRecord> OnRecord(Guid lockId, CancellationToken ct)
    {
        var device = await db.Devices.WithoutScopeFilter().AsNoTracking()
            .Where(d => d.Id == lockId && d.MunicipalityId == db.Scope.MunicipalityId)
            .Select(d => new { d.SerialNumber, d.BatteryLevel, d.LockPublicKey }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Låset");
        var last = await db.LockSyncs.WithoutScopeFilter().Where(s => s.LockId == lockId).Select(s => (long?)s.HighestSequence).FirstOrDefaultAsync(ct) ?? 0;
        var lastHash = last == 0 ? null : await db.AccessEvents.WithoutScopeFilter()
            .Where(e => e.LockId == lockId && e.LockSequence == last).Select(e => e.LockEventHash).FirstOrDefaultAsync(ct);
        var keySet = await issuers.KeySetAsync(db.Scope.MunicipalityId, ct);
        return new LockOnRecord(lockId, device.SerialNumber, keySet.Keys, last, device.BatteryLevel, keySet.SetVersion, lastHash, device.LockPublicKey);
    }
}
