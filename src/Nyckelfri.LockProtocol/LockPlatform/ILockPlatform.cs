using Nyckelfri.LockProtocol;

namespace Nyckelfri.LockPlatform;

/// <summary>
/// The locks as the rest of Nyckelfri sees them, whoever makes them (SPEC §6, vendor-neutral).
/// Messages pass as the protocol's bytes, as a phone or gateway relays them; an adapter for a
/// vendor's platform translates to and from its own API. The emulator is the first adapter.
/// Every method throws <see cref="LockNotFoundException"/> for a lock the platform does not know.
/// </summary>
public interface ILockPlatform
{
    /// <summary>The lock's fresh challenge, as a phone at the door would get it.</summary>
    Task<Challenge> ChallengeAsync(Guid lockId, CancellationToken cancellationToken = default);

    /// <summary>Hands the phone's encoded response to the lock; the lock opens or says why not.</summary>
    Task<OpenResult> PresentAsync(Guid lockId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken = default);

    /// <summary>Offers an encoded revocation list; the lock takes it only if it is newer than its own.</summary>
    Task<RevocationUpdateResult> PushRevocationListAsync(Guid lockId, ReadOnlyMemory<byte> revocationList,
        CancellationToken cancellationToken = default);

    /// <summary>Offers an encoded issuer key set; the lock takes it only if it is newer and signed by a key it trusts.</summary>
    Task<IssuerKeySetUpdateResult> PushIssuerKeySetAsync(Guid lockId, ReadOnlyMemory<byte> issuerKeySet,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The events the lock still holds after <paramref name="afterSequence"/>, oldest first, as one
    /// batch signed by the lock (at most <see cref="Protocol.MaxEventsPerBatch"/> events); null when
    /// there are none. Reading removes nothing; a lock drops its oldest events when its memory is
    /// full, which the server sees as a gap.
    /// </summary>
    Task<EventBatch?> ReadEventsAsync(Guid lockId, long afterSequence, CancellationToken cancellationToken = default);

    Task<LockStatus> StatusAsync(Guid lockId, CancellationToken cancellationToken = default);
}

/// <summary>What happened at the door, and the number of the event the lock logged for it.</summary>
public sealed record OpenResult(RefusalReason Reason, Guid? CredentialId, Guid? EmployeeId, CredentialKind? CredentialKind, long EventSequence)
{
    public bool Opened => Reason == RefusalReason.None;
}

/// <summary>A lock's health and how current its revocation list and issuer key set are.</summary>
public sealed record LockStatus(
    Guid LockId,
    string SerialNumber,
    int BatteryPercent,
    bool BatteryLow,
    long RevocationListVersion,
    DateTimeOffset? RevocationListIssuedAt,
    long LastEventSequence,
    long OldestRetainedSequence,
    DateTimeOffset LockTime,
    long IssuerKeySetVersion = 0);

public sealed class LockNotFoundException : KeyNotFoundException
{
    public LockNotFoundException() { }

    public LockNotFoundException(string message) : base(message) { }

    public LockNotFoundException(string message, Exception innerException) : base(message, innerException) { }

    public LockNotFoundException(Guid lockId) : base($"No lock {lockId} on this platform.") => LockId = lockId;

    public Guid? LockId { get; }
}
