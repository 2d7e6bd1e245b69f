using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Keys;

/// <summary>
/// The client hands a set of keys to a unit, against a signed receipt: the set and its receipt are
/// saved together or not at all.
/// </summary>
public sealed class HandOutKeySet(NyckelfriDbContext db) : IHandler
{
    public sealed class Command : KeyReceiptFields
    {
        public string? KeyNumber { get; set; }
        public int? KeyCount { get; set; }
        public Guid? HolderUnitId { get; set; }
    }

    public sealed record Form(Guid ClientId, string ClientName, Command Command);

    public sealed record Result(Guid KeySetId, Guid ReceiptId);

    /// <summary>A new form: dated today, the client as the giver.</summary>
    public async Task<Form> New(Guid clientId, CancellationToken ct)
    {
        var name = await ClientName(clientId, ct);
        var command = new Command { KeyCount = 1 };
        command.Prefill(db.Clock.Today(), name, null);
        return new Form(clientId, name, command);
    }

    public async Task<string> ClientName(Guid clientId, CancellationToken ct) =>
        await db.Clients.Where(c => c.Id == clientId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Brukaren");

    public async Task<Result> Handle(Guid clientId, Command command, CancellationToken ct)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == clientId, ct) ?? throw new NotFoundException("Brukaren");
        var v = new Validator();
        var keyNumber = DeviceNumbers.KeyNumber(v, nameof(Command.KeyNumber), command.KeyNumber, required: true);
        var keyCount = KeyCount(v, command.KeyCount);
        var unit = await KeyHolderUnits.Find(db, command.HolderUnitId, forTransfer: false, v, nameof(Command.HolderUnitId), ct);
        var parties = command.Parties(v, db.Clock.Today());
        v.ThrowIfInvalid();

        var set = new KeySet(client, keyNumber!, keyCount!.Value, unit!);
        var receipt = KeyReceipt.HandOut(set, parties, db.Scope.UserName);
        db.KeySets.Add(set);
        db.KeyReceipts.Add(receipt);
        db.Record(set, "Nycklar utlämnade", $"Till {KeyHolderUnits.Name(unit!)}, kvittens {receipt.Reference}.");
        await db.SaveChangesAsync(ct);
        return new Result(set.Id, receipt.Id);
    }

    private static int? KeyCount(Validator v, int? count)
    {
        if (count is null) v.Add(nameof(Command.KeyCount), "Antal nycklar måste anges.");
        else if (count is < 1 or > KeySet.MaxKeys) v.Add(nameof(Command.KeyCount), $"Antal nycklar ska vara mellan 1 och {KeySet.MaxKeys}.");
        else return count;
        return null;
    }
}
