namespace Nyckelfri.Access;

/// <summary>What an access-log line records. Stored by name; add at the end, never rename.</summary>
public enum AccessEventKind
{
    /// <summary>The server issued a credential for a lock.</summary>
    CredentialIssued,

    /// <summary>The server refused to issue one (no permission, blocked key ...).</summary>
    CredentialRefused,

    /// <summary>A lock opened (from the lock's own log).</summary>
    Opened,

    /// <summary>A lock refused an attempt (from the lock's own log), with the lock's reason.</summary>
    Refused,

    /// <summary>An emergency credential outside the normal permission.</summary>
    BreakGlass,

    /// <summary>A physical key was used where a digital lock is mounted.</summary>
    PhysicalKeyUsed,

    /// <summary>Staff reported that they could not get in (SPEC §11.5).</summary>
    CouldNotGetIn,

    /// <summary>An NFC tag scan at a home without a lock (visit registration).</summary>
    NfcScan,

    /// <summary>A lock's uploaded events skip sequence numbers: some events are missing.</summary>
    SequenceGap,

    /// <summary>A lock took a newer revocation list (from the lock's own log).</summary>
    RevocationListApplied,

    /// <summary>Another lock event worth keeping (battery low, list refused ...).</summary>
    LockNotice,
}

public enum AccessOutcome { Allowed, Denied, Reported }

/// <summary>
/// The kind of credential an access-log line is about: the domain's own copy of the lock protocol's
/// credential kinds (the domain references no other project). Stored by name, so the names are the
/// protocol's, letter for letter; the application maps between the two (a unit test holds them equal).
/// </summary>
public enum AccessCredentialKind
{
    Normal,

    /// <summary>An emergency opening outside the normal permission, reviewed afterwards.</summary>
    BreakGlass,
}

/// <summary>
/// One line of the access log (SPEC §7): append-only. Times are UTC; a lock event's
/// <see cref="OccurredAt"/> is the lock's clock. A lock's events are unique by
/// (<see cref="LockId"/>, <see cref="LockSequence"/>): that is what makes an upload idempotent.
/// </summary>
public sealed class AccessEvent
{
    private AccessEvent() { }

    public AccessEvent(Guid municipalityId, AccessEventKind kind, AccessOutcome outcome, DateTime occurredAt, DateTime recordedAt)
    {
        MunicipalityId = municipalityId;
        Kind = kind;
        Outcome = outcome;
        OccurredAt = occurredAt;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public AccessEventKind Kind { get; private set; }
    public AccessOutcome Outcome { get; private set; }
    public DateTime OccurredAt { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public Guid? EmployeeId { get; init; }
    public Guid? DigitalKeyId { get; init; }

    /// <summary>The lock (the device's id, which is also the lock id in the protocol).</summary>
    public Guid? LockId { get; init; }
    public Guid? ClientId { get; init; }
    public Guid? HouseholdId { get; init; }
    public Guid? UnitId { get; init; }
    public Guid? CredentialId { get; init; }
    public AccessCredentialKind? CredentialKind { get; init; }
    public DateTime? ValidUntil { get; init; }

    /// <summary>The lock's gap-free event number; null for the server's own lines.</summary>
    public long? LockSequence { get; init; }

    /// <summary>A stable code (the lock's refusal reason, a <see cref="PermissionDenial"/>, ...).</summary>
    public string? ReasonCode { get; init; }

    /// <summary>Swedish text for people; never personal data beyond what the columns above identify.</summary>
    public string? Detail { get; init; }

    /// <summary>The user who did it, for the server's own lines; for a lock's events, who uploaded the batch (login, API key or gateway).</summary>
    public string? RecordedBy { get; init; }

    /// <summary>A lock's event (protocol v2): its chain hash, as the next event links to it. Null for the server's own lines.</summary>
    public byte[]? LockEventHash { get; init; }

    /// <summary>A lock's event: the hash of the event before it, as the lock signed it.</summary>
    public byte[]? LockEventPreviousHash { get; init; }

    public static string SwedishName(AccessEventKind kind) => kind switch
    {
        AccessEventKind.CredentialIssued => "Behörighet utfärdad",
        AccessEventKind.CredentialRefused => "Behörighet nekad",
        AccessEventKind.Opened => "Dörren öppnad",
        AccessEventKind.Refused => "Låset nekade",
        AccessEventKind.BreakGlass => "Nödöppning",
        AccessEventKind.PhysicalKeyUsed => "Fysisk nyckel använd",
        AccessEventKind.CouldNotGetIn => "Kom inte in",
        AccessEventKind.NfcScan => "NFC-registrering",
        AccessEventKind.SequenceGap => "Saknade låshändelser",
        AccessEventKind.RevocationListApplied => "Spärrlista inläst i låset",
        AccessEventKind.LockNotice => "Låshändelse",
        _ => kind.ToString(),
    };

    public static string SwedishName(AccessOutcome outcome) => outcome switch
    {
        AccessOutcome.Allowed => "Tillåten",
        AccessOutcome.Denied => "Nekad",
        AccessOutcome.Reported => "Rapporterad",
        _ => outcome.ToString(),
    };
}
