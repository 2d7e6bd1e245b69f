using Nyckelfri.Common;

namespace Nyckelfri.Keys;

public enum KeyReceiptKind { HandOut, Transfer, Return }

/// <summary>
/// A key receipt (nyckelkvittens): who gave which keys (key number, count) to whom on which day, and
/// who signed. The paper is signed on the printed receipt; this records that it was, and by whom.
/// Immutable once written.
/// </summary>
public sealed class KeyReceipt : Entity
{
    public const int MaxNameLength = 100;

    private KeyReceipt() { }

    private KeyReceipt(KeySet set, KeyReceiptKind kind, Parties parties, Guid? fromUnitId, Guid? toUnitId, string recordedBy)
    {
        MunicipalityId = set.MunicipalityId;
        KeySetId = set.Id;
        ClientId = set.ClientId;
        Kind = kind;
        KeyNumber = set.KeyNumber;
        KeyCount = set.KeyCount;
        Date = parties.Date;
        GiverName = parties.GiverName;
        ReceiverName = parties.ReceiverName;
        SignedByGiver = parties.SignedByGiver;
        SignedByReceiver = parties.SignedByReceiver;
        FromUnitId = fromUnitId;
        ToUnitId = toUnitId;
        RecordedBy = recordedBy;
        Note = parties.Note;
    }

    /// <summary>The people on the receipt and who of them signed; checked by <see cref="Check"/>.</summary>
    public sealed record Parties(DateOnly Date, string GiverName, string ReceiverName, bool SignedByGiver, bool SignedByReceiver, string? Note);

    public Guid KeySetId { get; private set; }
    public Guid ClientId { get; private set; }
    public KeyReceiptKind Kind { get; private set; }
    public string KeyNumber { get; private set; } = "";
    public int KeyCount { get; private set; }
    public DateOnly Date { get; private set; }
    public string GiverName { get; private set; } = "";
    public string ReceiverName { get; private set; } = "";
    public bool SignedByGiver { get; private set; }
    public bool SignedByReceiver { get; private set; }
    public Guid? FromUnitId { get; private set; }
    public Guid? ToUnitId { get; private set; }

    /// <summary>The user who registered the receipt.</summary>
    public string RecordedBy { get; private set; } = "";
    public string? Note { get; private set; }

    /// <summary>A short number for the paper, from the record's id.</summary>
    public string Reference => ReferenceOf(Id);

    /// <summary>The reference of the receipt with this id, for read models that carry only the id.</summary>
    public static string ReferenceOf(Guid id) => "K-" + id.ToString("N")[^8..].ToUpperInvariant();

    public static KeyReceipt HandOut(KeySet set, Parties parties, string recordedBy) =>
        new(set, KeyReceiptKind.HandOut, parties, null, set.HolderUnitId, recordedBy);

    public static KeyReceipt Transfer(KeySet set, Guid fromUnitId, Parties parties, string recordedBy) =>
        new(set, KeyReceiptKind.Transfer, parties, fromUnitId, set.HolderUnitId, recordedBy);

    public static KeyReceipt Return(KeySet set, Guid? fromUnitId, Parties parties, string recordedBy) =>
        new(set, KeyReceiptKind.Return, parties, fromUnitId, null, recordedBy);

    /// <summary>Both names are required and at least one party must have signed.</summary>
    public static void Check(Validator v, Parties? parties, DateOnly today)
    {
        if (parties is null) { v.Add("Receipt", "Kvittensen måste fyllas i."); return; }
        v.Required(nameof(Parties.GiverName), parties.GiverName, "Lämnas av", MaxNameLength);
        v.Required(nameof(Parties.ReceiverName), parties.ReceiverName, "Tas emot av", MaxNameLength);
        v.Optional(nameof(Parties.Note), parties.Note, "Kommentar", 500);
        if (!parties.SignedByGiver && !parties.SignedByReceiver)
            v.Add("SignedBy", "Kvittensen måste vara signerad: ange vem som har skrivit under.");
        if (parties.Date > today)
            v.Add(nameof(Parties.Date), "Datumet kan inte ligga i framtiden.");
        if (parties.Date < today.AddYears(-1))
            v.Add(nameof(Parties.Date), "Datumet får ligga högst ett år bakåt i tiden.");
    }

    public static string SwedishName(KeyReceiptKind kind) => kind switch
    {
        KeyReceiptKind.HandOut => "Utlämning",
        KeyReceiptKind.Transfer => "Överlämning mellan enheter",
        KeyReceiptKind.Return => "Återlämning till brukaren",
        _ => kind.ToString(),
    };
}
