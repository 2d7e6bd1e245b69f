using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Stock;

/// <summary>The parts go back on the client's door (the digital lock is removed) or to the client. Once only.</summary>
public sealed class ReturnOriginalLockPart(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int Version { get; set; }

        /// <summary>Required: a return is a deliberate act on a known day, never implied by an empty request.</summary>
        public DateOnly? ReturnedOn { get; set; }
        public string? Note { get; set; }
    }

    public async Task Handle(Guid id, Command command, CancellationToken ct)
    {
        var part = await db.OriginalLockParts.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Låsdelarna");
        var v = new Validator();
        if (command.ReturnedOn is null) v.Add(nameof(Command.ReturnedOn), "Datum för återlämning måste anges.");
        var returnedOn = db.PastOrToday(v, nameof(Command.ReturnedOn), command.ReturnedOn, "Datum för återlämning");
        var note = v.Optional(nameof(Command.Note), command.Note, "Kommentar", 500);
        v.ThrowIfInvalid();

        db.ExpectVersion(part, command.Version);
        v.Try(() => part.Return(returnedOn!.Value, note));
        v.ThrowIfInvalid();
        await db.SaveChangesAsync(ct);
    }
}
