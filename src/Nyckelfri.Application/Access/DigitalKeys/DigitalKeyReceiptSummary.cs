using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>One receipt for a digital key or a 2-factor device in a list: what changed hands, between whom, who signed.</summary>
public sealed record DigitalKeyReceiptSummary(Guid Id, DigitalKeyReceiptKind Kind, DateOnly Date, string ItemNumber, Guid? DigitalKeyId,
    Guid? TwoFactorDeviceId, Guid EmployeeId, string GiverName, string ReceiverName, bool SignedByGiver, bool SignedByReceiver, string RecordedBy)
{
    public string Reference => "D-" + Id.ToString("N")[^8..].ToUpperInvariant();
    public string KindName => DigitalKeyReceipt.SwedishName(Kind);
    public string ItemName => DigitalKeyId is null ? "2-faktorsdosa" : "Digital nyckel";
}

internal static class DigitalKeyReceiptProjections
{
    /// <summary>Newest first.</summary>
    public static IQueryable<DigitalKeyReceiptSummary> Summaries(this IQueryable<DigitalKeyReceipt> receipts) =>
        receipts
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.Id)
            .Select(r => new DigitalKeyReceiptSummary(r.Id, r.Kind, r.Date, r.ItemNumber, r.DigitalKeyId, r.TwoFactorDeviceId, r.EmployeeId,
                r.GiverName, r.ReceiverName, r.SignedByGiver, r.SignedByReceiver, r.RecordedBy));
}
