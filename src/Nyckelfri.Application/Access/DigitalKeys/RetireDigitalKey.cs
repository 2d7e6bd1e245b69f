using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Access;

/// <summary>The alarm centre takes a key in stock out of use (worn out, broken), or cancels an order.</summary>
public sealed class RetireDigitalKey(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        public int Version { get; set; }
        public string? Reason { get; set; }
    }

    public async Task Handle(Guid id, Command command, CancellationToken ct)
    {
        var key = await db.DigitalKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("Nyckeln");
        db.ExpectVersion(key, command.Version);
        var v = new Validator();
        var reason = v.Required(nameof(Command.Reason), command.Reason, "Anledning", DigitalKeyRules.MaxReasonLength);
        v.ThrowIfInvalid();

        DigitalKeyRules.RequireAlarmCentre(db.Scope, "tar digitala nycklar ur bruk");
        var wasOrder = key.Status == DigitalKeyStatus.Ordered;
        key.Retire();
        db.Record(key, wasOrder ? "Beställning av digital nyckel avbruten" : "Digital nyckel tagen ur bruk", reason);
        await db.SaveChangesAsync(ct);
    }
}
