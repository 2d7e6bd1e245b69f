using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Keys;

/// <summary>A set passes from one unit to another (a change of provider, say), against a signed receipt.</summary>
public sealed class TransferKeySet(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : KeyReceiptFields
    {
        public Guid? ToUnitId { get; set; }
        public int Version { get; set; }
    }

    /// <returns>The new receipt's id.</returns>
    public async Task<Guid> Handle(Guid keySetId, Command command, CancellationToken ct)
    {
        var set = await db.KeySets.Include(k => k.HolderUnit!).ThenInclude(u => u.Provider)
            .FirstOrDefaultAsync(k => k.Id == keySetId, ct) ?? throw new NotFoundException("Nyckeluppsättningen");
        db.ExpectVersion(set, command.Version);
        var v = new Validator();
        var unit = await KeyHolderUnits.Find(db, command.ToUnitId, forTransfer: true, v, nameof(Command.ToUnitId), ct);
        var parties = command.Parties(v, db.Clock.Today());
        v.ThrowIfInvalid();

        KeyHolderUnits.RequireOwnHolder(db.Scope, set);
        var from = set.HolderUnit;
        set.TransferTo(unit!);
        var receipt = KeyReceipt.Transfer(set, from!.Id, parties, db.Scope.UserName);
        db.KeyReceipts.Add(receipt);
        db.Record(set, "Nycklar överlämnade",
            $"Från {KeyHolderUnits.Name(from)} till {KeyHolderUnits.Name(unit!)}, kvittens {receipt.Reference}.");
        await db.SaveChangesAsync(ct);
        return receipt.Id;
    }
}
