namespace Nyckelfri.LockProtocol;

/// <summary>
/// Something a lock logged. Every lock numbers its events 1, 2, 3, … without gaps, so the server
/// can tell a re-upload (a number it has) from a loss (a number it never gets); see
/// <see cref="SequenceTracker"/>. <see cref="OccurredAt"/> is the lock's own clock, which may drift.
/// </summary>
public sealed record LockEvent(
    Guid LockId,
    long Sequence,
    DateTimeOffset OccurredAt,
    LockEventKind Kind,
    RefusalReason Reason = RefusalReason.None,
    Guid? CredentialId = null,
    Guid? EmployeeId = null,
    CredentialKind? CredentialKind = null,
    long? RevocationListVersion = null,
    int? BatteryPercent = null);

/// <summary>The numbers are stored by the server and never renumbered or reused.</summary>
public enum LockEventKind
{
    /// <summary>A credential was accepted and the bolt drawn.</summary>
    Opened = 1,

    /// <summary>A response was refused; <see cref="LockEvent.Reason"/> says why.</summary>
    Refused = 2,

    /// <summary>The lock took a newer revocation list.</summary>
    RevocationListApplied = 3,

    /// <summary>The lock refused a revocation list (older, same, untrusted or altered).</summary>
    RevocationListRefused = 4,

    /// <summary>The battery fell to the low mark: time for a battery-change work order.</summary>
    BatteryLow = 5,

    /// <summary>New batteries.</summary>
    BatteryReplaced = 6,
}
