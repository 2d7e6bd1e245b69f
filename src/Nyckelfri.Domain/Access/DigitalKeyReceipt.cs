using Nyckelfri.Common;
using Nyckelfri.Keys;

namespace Nyckelfri.Access;

public enum DigitalKeyReceiptKind { Issue, Return }

/// <summary>
/// A signed receipt for a digital key or a 2-factor device signed out to, or back from, an employee:
/// the same paper as a key receipt (<see cref="KeyReceipt.Parties"/>, checked by <see cref="KeyReceipt.Check"/>).
/// Immutable once written.
/// </summary>
public sealed class DigitalKeyReceipt : Entity
{
    private DigitalKeyReceipt() { }

    public DigitalKeyReceipt(Guid municipalityId, DigitalKeyReceiptKind kind, Guid employeeId, Guid? digitalKeyId,
        Guid? twoFactorDeviceId, string itemNumber, KeyReceipt.Parties parties, string recordedBy)
    {
        MunicipalityId = municipalityId;
        Kind = kind;
        EmployeeId = employeeId;
        DigitalKeyId = digitalKeyId;
        TwoFactorDeviceId = twoFactorDeviceId;
        ItemNumber = itemNumber;
        Date = parties.Date;
        GiverName = parties.GiverName;
        ReceiverName = parties.ReceiverName;
        SignedByGiver = parties.SignedByGiver;
        SignedByReceiver = parties.SignedByReceiver;
        Note = parties.Note;
        RecordedBy = recordedBy;
    }

    public DigitalKeyReceiptKind Kind { get; private set; }
    public Guid EmployeeId { get; private set; }
    public Guid? DigitalKeyId { get; private set; }
    public Guid? TwoFactorDeviceId { get; private set; }

    /// <summary>The key number or device serial on the paper.</summary>
    public string ItemNumber { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public string GiverName { get; private set; } = "";
    public string ReceiverName { get; private set; } = "";
    public bool SignedByGiver { get; private set; }
    public bool SignedByReceiver { get; private set; }
    public string? Note { get; private set; }
    public string RecordedBy { get; private set; } = "";

    public string Reference => "D-" + Id.ToString("N")[^8..].ToUpperInvariant();

    public static string SwedishName(DigitalKeyReceiptKind kind) => kind switch
    {
        DigitalKeyReceiptKind.Issue => "Utlämning",
        DigitalKeyReceiptKind.Return => "Återlämning",
        _ => kind.ToString(),
    };
}
