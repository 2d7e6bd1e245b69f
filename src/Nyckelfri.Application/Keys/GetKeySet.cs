using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Keys;

/// <summary>One key set with its receipts, found only when the caller may see its client.</summary>
public sealed class GetKeySet(NyckelfriDbContext db) : IHandler
{
    public sealed record Details(Guid Id, int Version, Guid ClientId, string ClientName, string KeyNumber, int KeyCount,
        KeySetStatus Status, Guid? HolderUnitId, string? HolderUnitName, Guid? HolderProviderId, string? HolderProviderName,
        string? Note, IReadOnlyList<KeyReceiptSummary> Receipts)
    {
        public string StatusName => KeySet.SwedishName(Status);
    }

    public async Task<Details> Handle(Guid id, CancellationToken ct)
    {
        var set = await db.KeySets.AsNoTracking().Where(k => k.Id == id)
            .Join(db.Clients, k => k.ClientId, c => c.Id, (k, c) => new
            {
                k.Id, k.Version, k.ClientId, ClientName = c.FirstName + " " + c.LastName, k.KeyNumber, k.KeyCount, k.Status,
                k.HolderUnitId, HolderUnitName = k.HolderUnit!.Name, HolderProviderId = (Guid?)k.HolderUnit.ProviderId,
                HolderProviderName = k.HolderUnit.Provider!.Name, k.Note,
            })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Nyckeluppsättningen");
        var receipts = await db.KeyReceipts.AsNoTracking().Where(r => r.KeySetId == id).Summaries(db).ToListAsync(ct);
        return new Details(set.Id, set.Version, set.ClientId, set.ClientName, set.KeyNumber, set.KeyCount, set.Status,
            set.HolderUnitId, set.HolderUnitName, set.HolderUnitId is null ? null : set.HolderProviderId, set.HolderProviderName,
            set.Note, receipts);
    }
}
