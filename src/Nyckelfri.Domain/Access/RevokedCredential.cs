using Nyckelfri.Common;

namespace Nyckelfri.Access;

/// <summary>
/// An issued credential that a lost permission took back before it expired (issue 12, "revocation
/// follows permission"): the grant was withdrawn, the employment ended, the unit was restricted, the
/// service behind the lock ended or moved, the login was unlinked... Every revocation list published
/// while the credential could still open (until <see cref="ValidUntil"/> plus the lock's clock skew)
/// names it by id; after that it drops out. <see cref="FirstListVersion"/> is the first list that
/// carried it: a lock holding an older list can still be opened with it (the exposure on the lock page).
/// </summary>
public sealed class RevokedCredential
{
    private RevokedCredential() { }

    public RevokedCredential(Guid municipalityId, Guid credentialId, Guid employeeId, Guid lockId, Guid? digitalKeyId,
        DateTime validUntil, DateTime revokedAt, string reasonCode, string reason)
    {
        MunicipalityId = municipalityId;
        CredentialId = credentialId;
        EmployeeId = employeeId;
        LockId = lockId;
        DigitalKeyId = digitalKeyId;
        ValidUntil = validUntil;
        RevokedAt = revokedAt;
        ReasonCode = reasonCode;
        Reason = reason;
    }

    public long Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid CredentialId { get; private set; }
    public Guid EmployeeId { get; private set; }
    public Guid LockId { get; private set; }
    public Guid? DigitalKeyId { get; private set; }

    /// <summary>The credential's own end (UTC); a lock accepts it until this plus its clock skew.</summary>
    public DateTime ValidUntil { get; private set; }

    public DateTime RevokedAt { get; private set; }

    /// <summary>Stable code of why (a <see cref="PermissionDenial"/> name, or login-unlinked, key-not-held, lock-unmounted, permission-ends-earlier).</summary>
    public string ReasonCode { get; private set; } = "";

    /// <summary>Swedish: why.</summary>
    public string Reason { get; private set; } = "";

    /// <summary>The first revocation list that names it (0 until published, which is the same save).</summary>
    public long FirstListVersion { get; private set; }

    public void PublishedIn(long listVersion)
    {
        if (FirstListVersion != 0) throw new RuleViolationException("already-published", "Återkallelsen finns redan i en spärrlista.");
        FirstListVersion = listVersion;
    }
}
