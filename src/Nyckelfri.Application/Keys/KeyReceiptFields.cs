using Nyckelfri.Common;

namespace Nyckelfri.Keys;

/// <summary>
/// The receipt (nyckelkvittens) that comes with every hand-out, transfer and return: the day, both
/// parties' names and who of them signed the paper. Field names match <see cref="KeyReceipt.Check"/>.
/// </summary>
public class KeyReceiptFields
{
    /// <summary>The day the keys changed hands; today when left out.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>Lämnas av: the person handing the keys over.</summary>
    public string? GiverName { get; set; }

    /// <summary>Tas emot av: the person receiving them.</summary>
    public string? ReceiverName { get; set; }
    public bool SignedByGiver { get; set; }
    public bool SignedByReceiver { get; set; }
    public string? Note { get; set; }

    /// <summary>The parties as the receipt will hold them; the errors, if any, are in <paramref name="v"/>.</summary>
    internal KeyReceipt.Parties Parties(Validator v, DateOnly today)
    {
        var parties = new KeyReceipt.Parties(Date ?? today, GiverName?.Trim() ?? "", ReceiverName?.Trim() ?? "",
            SignedByGiver, SignedByReceiver, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim());
        KeyReceipt.Check(v, parties, today);
        return parties;
    }

    /// <summary>A new form: dated today, with the names that are known beforehand.</summary>
    internal void Prefill(DateOnly today, string? giverName, string? receiverName)
    {
        Date = today;
        GiverName = giverName;
        ReceiverName = receiverName;
    }
}
