using Nyckelfri.Common;

namespace Nyckelfri.Access;

public enum VisitSource { Lock, NfcTag }

/// <summary>
/// A visit (like TES, seed 003 §5): an employee at a client from one registration to the next, paired
/// from lock openings or, where there is no lock, NFC-tag scans. An arrival without a departure within
/// <see cref="MaxLength"/> stays open (no end).
/// </summary>
public sealed class Visit
{
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(4);

    private Visit() { }

    public Visit(Guid municipalityId, Guid clientId, Guid employeeId, Guid? unitId, VisitSource source, DateTime startedAt, long startEventId)
    {
        MunicipalityId = municipalityId;
        ClientId = clientId;
        EmployeeId = employeeId;
        UnitId = unitId;
        Source = source;
        StartedAt = startedAt;
        StartEventId = startEventId;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid EmployeeId { get; private set; }
    public Guid? UnitId { get; private set; }
    public VisitSource Source { get; private set; }
    public DateTime StartedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }
    public long StartEventId { get; private set; }
    public long? EndEventId { get; private set; }

    public TimeSpan? Duration => EndedAt - StartedAt;

    public bool CanEndAt(DateTime at) => EndedAt is null && at >= StartedAt && at - StartedAt <= MaxLength;

    public void End(DateTime at, long eventId)
    {
        if (!CanEndAt(at)) throw new RuleViolationException("visit-cannot-end", "Besöket kan inte avslutas vid den tiden.");
        EndedAt = at;
        EndEventId = eventId;
    }

    public static string SwedishName(VisitSource source) => source switch
    {
        VisitSource.Lock => "Digitalt lås",
        VisitSource.NfcTag => "NFC-tagg",
        _ => source.ToString(),
    };
}

/// <summary>An NFC tag at a client's home where no lock exists: scanning it registers the visit.</summary>
public sealed class NfcTag : Entity
{
    public const int MaxTagLength = 64;

    private NfcTag() { }

    public NfcTag(Guid municipalityId, string tagId, Guid clientId, string? placement)
    {
        MunicipalityId = municipalityId;
        TagId = DigitalKey.Normalise(tagId);
        ClientId = clientId;
        Placement = placement;
    }

    public string TagId { get; private set; } = "";
    public Guid ClientId { get; private set; }
    public string? Placement { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>The tag is taken down (a lock was installed, the tag was lost): scanning it registers nothing.</summary>
    public void Deactivate()
    {
        if (!Active) throw new RuleViolationException("nfc-tag-inactive", "NFC-taggen är redan inaktiverad.");
        Active = false;
    }

    /// <summary>The same tag put up again at the same client.</summary>
    public void Reactivate(string? placement)
    {
        if (Active) throw new RuleViolationException("nfc-tag-active", "NFC-taggen är redan registrerad hos brukaren.");
        Active = true;
        Placement = placement;
    }
}

/// <summary>A finished visit waiting to be posted (HMAC-signed) to the municipality's webhook, retried with back-off.</summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery() { }

    public WebhookDelivery(Guid municipalityId, Guid visitId, string payload, DateTime createdAt)
    {
        MunicipalityId = municipalityId;
        VisitId = visitId;
        Payload = payload;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public long Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid VisitId { get; private set; }
    public string Payload { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public int Attempts { get; set; }

    /// <summary>When to try next; null once delivered, or after <see cref="MaxAttempts"/> failures (an administrator decides).</summary>
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }

    /// <summary>The HTTP status or the exception type of the last failure: never a response body.</summary>
    public string? LastError { get; set; }

    public const int MaxAttempts = 12;
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(6);

    /// <summary>Given up: <see cref="MaxAttempts"/> attempts failed and nothing more is tried until an administrator retries.</summary>
    public bool GaveUp => DeliveredAt is null && NextAttemptAt is null;

    /// <summary>The wait after the given number of failed attempts: 1, 2, 4, 8 ... minutes, at most 6 hours; null after the last attempt.</summary>
    public static TimeSpan? BackOff(int failedAttempts) =>
        failedAttempts >= MaxAttempts ? null
        : TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(failedAttempts, 1) - 1), LongestWait.TotalMinutes));

    public void MarkDelivered(DateTime at)
    {
        if (DeliveredAt is not null) throw new RuleViolationException("webhook-already-delivered", "Besöket är redan levererat.");
        Attempts++;
        DeliveredAt = at;
        NextAttemptAt = null;
        LastError = null;
    }

    public void MarkFailed(DateTime at, string error)
    {
        if (DeliveredAt is not null) throw new RuleViolationException("webhook-already-delivered", "Besöket är redan levererat.");
        Attempts++;
        LastError = error.Length > 200 ? error[..200] : error;
        NextAttemptAt = BackOff(Attempts) is { } wait ? at + wait : null;
    }

    /// <summary>An administrator asks for a new round of attempts after the receiver was fixed.</summary>
    public void Retry(DateTime at)
    {
        if (!GaveUp) throw new RuleViolationException("webhook-not-given-up", "Leveransen försöks fortfarande (eller är redan levererad).");
        Attempts = 0;
        NextAttemptAt = at;
    }
}
