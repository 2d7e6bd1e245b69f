using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Keys;

/// <summary>
/// The holding unit reports a set lost. Final: the client must be told, and the lock cylinder may need
/// changing; a new set is a new hand-out.
/// </summary>
public sealed class ReportKeySetLost(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        /// <summary>What happened; required.</summary>
        public string? Note { get; set; }
        public int Version { get; set; }
    }

    public async Task Handle(Guid keySetId, Command command, CancellationToken ct)
    {
        var set = await db.KeySets.Include(k => k.HolderUnit!).ThenInclude(u => u.Provider)
            .FirstOrDefaultAsync(k => k.Id == keySetId, ct) ?? throw new NotFoundException("Nyckeluppsättningen");
        db.ExpectVersion(set, command.Version);
        var v = new Validator();
        var note = v.Required(nameof(Command.Note), command.Note, "Beskrivning av vad som hänt", 500);
        v.ThrowIfInvalid();

        KeyHolderUnits.RequireOwnHolder(db.Scope, set);
        var holder = set.HolderUnit;
        set.ReportLost(note!);
        db.Record(set, "Nycklar anmälda förlorade", $"Hos {(holder is null ? "okänd enhet" : KeyHolderUnits.Name(holder))}: {note}");
        await db.SaveChangesAsync(ct);
    }
}
