using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Keys;

/// <summary>
/// One key receipt as it is printed for the paper signature (and read through the API). It names the
/// client and the home, never the personnummer or the door code.
/// </summary>
public sealed class GetKeyReceipt(NyckelfriDbContext db) : IHandler
{
    public sealed record Printable(Guid Id, string Reference, string MunicipalityName, Guid ClientId, string ClientName, string Street,
        string PostalCode, string City, string? Apartment, KeyReceiptKind Kind, Guid KeySetId, string KeyNumber, int KeyCount,
        DateOnly Date, string GiverName, string ReceiverName, string? FromUnitName, string? ToUnitName, bool SignedByGiver,
        bool SignedByReceiver, string RecordedBy, string? Note)
    {
        public string KindName => KeyReceipt.SwedishName(Kind);

        /// <summary>The names of those recorded as having signed.</summary>
        public IReadOnlyList<string> SignedBy =>
            [.. SignedByGiver ? [GiverName] : Array.Empty<string>(), .. SignedByReceiver ? [ReceiverName] : Array.Empty<string>()];
    }

    public async Task<Printable> Handle(Guid id, CancellationToken ct)
    {
        var row = await db.KeyReceipts.AsNoTracking().Where(r => r.Id == id)
            .Join(db.Clients, r => r.ClientId, c => c.Id, (r, c) => new
            {
                Receipt = r,
                ClientName = c.FirstName + " " + c.LastName,
                c.Household!.Address!.Street, c.Household.Address.PostalCode, c.Household.Address.City, c.Household.Apartment,
                Municipality = db.Municipalities.Where(m => m.Id == r.MunicipalityId).Select(m => m.Name).FirstOrDefault(),
                From = db.Units.Where(u => u.Id == r.FromUnitId).Select(u => u.Name + " (" + u.Provider!.Name + ")").FirstOrDefault(),
                To = db.Units.Where(u => u.Id == r.ToUnitId).Select(u => u.Name + " (" + u.Provider!.Name + ")").FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Kvittensen");
        var r = row.Receipt;
        return new Printable(r.Id, r.Reference, row.Municipality ?? "", r.ClientId, row.ClientName, row.Street, row.PostalCode, row.City,
            row.Apartment, r.Kind, r.KeySetId, r.KeyNumber, r.KeyCount, r.Date, r.GiverName, r.ReceiverName, row.From, row.To,
            r.SignedByGiver, r.SignedByReceiver, r.RecordedBy, r.Note);
    }
}
