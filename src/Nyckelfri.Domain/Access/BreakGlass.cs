using Nyckelfri.Common;

namespace Nyckelfri.Access;

/// <summary>
/// An emergency credential outside the employee's normal permission (SPEC §6): it needs a reason, is
/// short (default 30 minutes), alerts the unit manager and waits in a review list until someone
/// reviews it.
/// </summary>
public sealed class BreakGlass : Entity
{
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MaxValidity = TimeSpan.FromHours(2);
    public const int MaxReasonLength = 500;

    private BreakGlass() { }

    public BreakGlass(Guid municipalityId, Guid employeeId, Guid lockId, Guid? clientId, Guid? unitId, string reason,
        DateTime issuedAt, DateTime validUntil, Guid credentialId, string requestedBy)
    {
        MunicipalityId = municipalityId;
        EmployeeId = employeeId;
        LockId = lockId;
        ClientId = clientId;
        UnitId = unitId;
        Reason = reason;
        IssuedAt = issuedAt;
        ValidUntil = validUntil;
        CredentialId = credentialId;
        RequestedBy = requestedBy;
    }

    public Guid EmployeeId { get; private set; }
    public Guid LockId { get; private set; }
    public Guid? ClientId { get; private set; }

    /// <summary>The unit whose manager is alerted: the employee's unit.</summary>
    public Guid? UnitId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime IssuedAt { get; private set; }
    public DateTime ValidUntil { get; private set; }
    public Guid CredentialId { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTime? ReviewedAt { get; private set; }
    public string? ReviewedBy { get; private set; }
    public string? ReviewNote { get; private set; }
    public bool? ReviewFoundJustified { get; private set; }

    public void Review(bool justified, string? note, string by, DateTime at)
    {
        if (ReviewedAt is not null)
            throw new RuleViolationException("break-glass-reviewed", "Nödöppningen är redan granskad.");
        if (!justified && string.IsNullOrWhiteSpace(note))
            throw ValidationFailedException.For(nameof(ReviewNote), "Skriv vad som var fel när nödöppningen inte var befogad.");
        ReviewedAt = at;
        ReviewedBy = by;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ReviewFoundJustified = justified;
    }
}
