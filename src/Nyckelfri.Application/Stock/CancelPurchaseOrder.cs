using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;

namespace Nyckelfri.Stock;

/// <summary>
/// The rest of an open order will not come (the supplier cannot deliver, it was ordered by mistake).
/// What was delivered stays. The reason goes into the order's history.
/// </summary>
public sealed class CancelPurchaseOrder(NyckelfriDbContext db) : IHandler
{
    public const string Action = "Beställningen makulerad";

    public sealed class Command
    {
        public int Version { get; set; }
        public string? Reason { get; set; }
    }

    public async Task Handle(Guid id, Command command, CancellationToken ct)
    {
        var order = await db.PurchaseOrders.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("Beställningen");
        var v = new Validator();
        var reason = v.Required(nameof(Command.Reason), command.Reason, "Anledning", 500);
        v.ThrowIfInvalid();

        db.ExpectVersion(order, command.Version);
        order.Cancel();
        db.Record(order, Action, reason);
        await db.SaveChangesAsync(ct);
    }
}
