using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Keys;

/// <summary>
/// The unit gives the set back to the client (services ended, or the lock was taken down: seed 003),
/// against a receipt the client or the unit signs.
/// </summary>
public sealed class ReturnKeySet(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : KeyReceiptFields
    {
        public int Version { get; set; }
    }

    /// <returns>The new receipt's id.</returns>
    public async Task<Guid> Handle(Guid keySetId, Command command, CancellationToken ct)
    {
        var set = await db.KeySets.Include(k => k.HolderUnit!).ThenInclude(u => u.Provider)
            .FirstOrDefaultAsync(k => k.Id == keySetId, ct) ?? throw new NotFoundException("Nyckeluppsättningen");
        db.ExpectVersion(set, command.Version);
        var v = new Validator();
        var parties = command.Parties(v, db.Clock.Today());
        v.ThrowIfInvalid();

        KeyHolderUnits.RequireOwnHolder(db.Scope, set);
        var from = set.HolderUnit;
        set.ReturnToClient();
        var receipt = KeyReceipt.Return(set, from?.Id, parties, db.Scope.UserName);
        db.KeyReceipts.Add(receipt);
        db.Record(set, "Nycklar återlämnade till brukaren",
            $"Från {(from is null ? "okänd enhet" : KeyHolderUnits.Name(from))}, kvittens {receipt.Reference}.");
        await db.SaveChangesAsync(ct);
        return receipt.Id;
    }
}
