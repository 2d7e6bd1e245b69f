using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Keys;

/// <summary>A set the client once took back is handed out to a unit again, against a signed receipt.</summary>
public sealed class HandOutKeySetAgain(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : KeyReceiptFields
    {
        public Guid? HolderUnitId { get; set; }
        public int Version { get; set; }
    }

    /// <returns>The new receipt's id.</returns>
    public async Task<Guid> Handle(Guid keySetId, Command command, CancellationToken ct)
    {
        var set = await db.KeySets.FirstOrDefaultAsync(k => k.Id == keySetId, ct) ?? throw new NotFoundException("Nyckeluppsättningen");
        db.ExpectVersion(set, command.Version);
        var v = new Validator();
        var unit = await KeyHolderUnits.Find(db, command.HolderUnitId, forTransfer: false, v, nameof(Command.HolderUnitId), ct);
        var parties = command.Parties(v, db.Clock.Today());
        v.ThrowIfInvalid();

        set.HandOutAgain(unit!);
        var receipt = KeyReceipt.HandOut(set, parties, db.Scope.UserName);
        db.KeyReceipts.Add(receipt);
        db.Record(set, "Nycklar utlämnade igen", $"Till {KeyHolderUnits.Name(unit!)}, kvittens {receipt.Reference}.");
        await db.SaveChangesAsync(ct);
        return receipt.Id;
    }
}
