using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Stock;

/// <summary>
/// Places an order with the supplier (seed 002 §7): lines of model and quantity, to be delivered to
/// one stock location. The order gets the next running number of the municipality; two orders placed
/// at the same moment are kept apart by the unique index, and the loser is asked to try again.
/// </summary>
public sealed class PlacePurchaseOrder(NyckelfriDbContext db) : IHandler
{
    public sealed class Command
    {
        /// <summary>Empty: the supplier of the lines' models, when they all have the same.</summary>
        public string? Supplier { get; set; }
        public Guid? DeliverToId { get; set; }

        /// <summary>Empty: today.</summary>
        public DateOnly? OrderedOn { get; set; }
        public string? Note { get; set; }

        /// <summary>Rows with neither model nor quantity are ignored (the form has a few blank rows).</summary>
        public List<Line> Lines { get; set; } = [];
    }

    public sealed class Line
    {
        public Guid? DeviceModelId { get; set; }
        public int? Quantity { get; set; }
    }

    private sealed record CheckedLine(int Index, DeviceModel Model, int Quantity);

    public async Task<Guid> Handle(Command command, CancellationToken ct)
    {
        var v = new Validator();
        var deliverTo = await db.Location(v, nameof(Command.DeliverToId), command.DeliverToId, ct);
        var orderedOn = db.PastOrToday(v, nameof(Command.OrderedOn), command.OrderedOn, "Beställningsdatum") ?? db.Scope.Today;
        var note = v.Optional(nameof(Command.Note), command.Note, "Anteckning", 500);
        var lines = await CheckLines(v, command.Lines, ct);
        var supplier = string.IsNullOrWhiteSpace(command.Supplier)
            ? CommonSupplier(v, lines)
            : v.Optional(nameof(Command.Supplier), command.Supplier, "Leverantör", 200);
        if (deliverTo is null) v.ThrowIfInvalid();

        var number = (await db.PurchaseOrders.MaxAsync(o => (int?)o.Number, ct) ?? 0) + 1;
        var order = new PurchaseOrder(db.Scope.MunicipalityId, number, supplier ?? "", orderedOn, deliverTo!) { Note = note };
        foreach (var line in lines)
            TryForLine(v, line.Index, () => order.AddLine(line.Model, line.Quantity));
        v.ThrowIfInvalid();

        db.PurchaseOrders.Add(order);
        await db.SaveChangesAsync(ct);
        return order.Id;
    }

    private async Task<List<CheckedLine>> CheckLines(Validator v, List<Line>? lines, CancellationToken ct)
    {
        var result = new List<CheckedLine>();
        var given = 0;
        for (var i = 0; i < (lines?.Count ?? 0); i++)
        {
            var line = lines![i];
            if (line is null || (line.DeviceModelId is null && line.Quantity is null)) continue;
            given++;
            var model = await db.Model(v, $"{nameof(Command.Lines)}[{i}].{nameof(Line.DeviceModelId)}", line.DeviceModelId, ct);
            if (line.Quantity is null) v.Add($"{nameof(Command.Lines)}[{i}].{nameof(Line.Quantity)}", "Antal måste anges.");
            if (model is not null && line.Quantity is { } quantity) result.Add(new CheckedLine(i, model, quantity));
        }
        if (given == 0) v.Add(nameof(Command.Lines), "Ange minst en rad med modell och antal.");
        return result;
    }

    private static string? CommonSupplier(Validator v, List<CheckedLine> lines)
    {
        var suppliers = lines.Select(l => l.Model.Supplier).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (suppliers.Count == 1) return suppliers[0];
        v.Add(nameof(Command.Supplier), suppliers.Count == 0
            ? "Leverantör måste anges."
            : "Leverantör måste anges: modellerna på beställningen har olika leverantörer.");
        return null;
    }

    // The order's own checks name the bare field; the form shows the error on the row it belongs to.
    private static void TryForLine(Validator v, int index, Action change)
    {
        try
        {
            change();
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors)
                foreach (var message in messages)
                    v.Add($"{nameof(Command.Lines)}[{index}].{field}", message);
        }
    }
}
