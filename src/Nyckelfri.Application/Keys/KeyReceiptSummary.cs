using Nyckelfri.Data;

namespace Nyckelfri.Keys;

/// <summary>One key receipt in a list (the client page, a key set's page): what changed hands, between whom, who signed.</summary>
public sealed record KeyReceiptSummary(Guid Id, Guid KeySetId, KeyReceiptKind Kind, DateOnly Date, string KeyNumber, int KeyCount,
    string GiverName, string ReceiverName, bool SignedByGiver, bool SignedByReceiver, string? FromUnitName, string? ToUnitName,
    string RecordedBy)
{
    public string Reference => KeyReceipt.ReferenceOf(Id);
    public string KindName => KeyReceipt.SwedishName(Kind);
}

internal static class KeyReceiptProjections
{
    /// <summary>Newest first; units are named "Unit (Provider)".</summary>
    public static IQueryable<KeyReceiptSummary> Summaries(this IQueryable<KeyReceipt> receipts, NyckelfriDbContext db) =>
        receipts
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.Id)
            .Select(r => new KeyReceiptSummary(r.Id, r.KeySetId, r.Kind, r.Date, r.KeyNumber, r.KeyCount, r.GiverName, r.ReceiverName,
                r.SignedByGiver, r.SignedByReceiver,
                db.Units.Where(u => u.Id == r.FromUnitId).Select(u => u.Name + " (" + u.Provider!.Name + ")").FirstOrDefault(),
                db.Units.Where(u => u.Id == r.ToUnitId).Select(u => u.Name + " (" + u.Provider!.Name + ")").FirstOrDefault(),
                r.RecordedBy));
}
