using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Stock;

/// <summary>
/// Puts a client's own lock parts in store, taken off the door when the digital lock went on
/// (seed 003), tagged so they are found and put back when the lock is removed.
/// </summary>
public sealed class StoreOriginalLockPart(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public Guid? ClientId { get; set; }
        public Guid? StockLocationId { get; set; }

        /// <summary>What the parts are, e.g. "Ordinarie låsvred".</summary>
        public string? Description { get; set; }

        /// <summary>What is written on the bag or box.</summary>
        public string? Tag { get; set; }

        /// <summary>Empty: today.</summary>
        public DateOnly? StoredOn { get; set; }
    }

    /// <summary>The client's name for the form's heading; not found when the caller may not see the client.</summary>
    public async Task<string> ClientName(Guid clientId, CancellationToken ct) =>
        await db.Clients.Where(c => c.Id == clientId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Brukaren");

    public async Task<Guid> Handle(Command command, CancellationToken ct)
    {
        var v = new Validator();
        var client = command.ClientId is { } clientId ? await db.Clients.FirstOrDefaultAsync(c => c.Id == clientId, ct) : null;
        if (client is null) v.Add(nameof(Command.ClientId), command.ClientId is null ? "Brukare måste anges." : "Brukaren finns inte.");
        var location = await db.Location(v, nameof(Command.StockLocationId), command.StockLocationId, ct);
        var description = v.Required(nameof(Command.Description), command.Description, "Beskrivning", 200);
        var tag = v.Optional(nameof(Command.Tag), command.Tag, "Märkning", 100);
        var storedOn = db.PastOrToday(v, nameof(Command.StoredOn), command.StoredOn, "Datum") ?? db.Scope.Today;
        v.ThrowIfInvalid();

        var part = new OriginalLockPart(client!, location!, description!, tag, storedOn);
        db.OriginalLockParts.Add(part);
        await db.SaveChangesAsync(ct);
        return part.Id;
    }
}
