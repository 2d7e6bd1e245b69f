using Nyckelfri.Common;

namespace Nyckelfri.Keys;

public enum PhysicalKeyUseReason
{
    /// <summary>An emergency: no time to try the digital lock.</summary>
    Emergency,

    /// <summary>The digital lock did not open (or the phone/app did not work).</summary>
    LockNotWorking,
}

/// <summary>
/// A physical key was used at a home that has a digital lock. The digital lock comes first (seed 003 §4),
/// so every such use is recorded with its reason; the access log (issue 5) will show these too.
/// </summary>
public sealed class PhysicalKeyUse : Entity
{
    private PhysicalKeyUse() { }

    public PhysicalKeyUse(Guid municipalityId, Guid clientId, Guid? keySetId, DateTime usedAt, PhysicalKeyUseReason reason,
        string? note, string recordedBy, string? recordedById)
    {
        MunicipalityId = municipalityId;
        ClientId = clientId;
        KeySetId = keySetId;
        UsedAt = usedAt;
        Reason = reason;
        Note = note;
        RecordedBy = recordedBy;
        RecordedById = recordedById;
    }

    public Guid ClientId { get; private set; }
    public Guid? KeySetId { get; private set; }
    public DateTime UsedAt { get; private set; }
    public PhysicalKeyUseReason Reason { get; private set; }
    public string? Note { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public string? RecordedById { get; private set; }

    public static string SwedishName(PhysicalKeyUseReason reason) => reason switch
    {
        PhysicalKeyUseReason.Emergency => "Nödsituation",
        PhysicalKeyUseReason.LockNotWorking => "Digitala låset fungerade inte",
        _ => reason.ToString(),
    };
}
