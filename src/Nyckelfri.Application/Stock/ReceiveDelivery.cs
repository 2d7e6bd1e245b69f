using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Stock;

/// <summary>
/// Receives a delivery of one model (seed 002 §7: the caretaker scans the labels): every serial number
/// becomes a device in stock at the location, and the devices are counted on the purchase order, if
/// any. Everything is checked first and every problem reported at once; then devices, order and
/// history are saved together, so a delivery is received whole or not at all.
/// </summary>
public sealed class ReceiveDelivery(NyckelfriDbContext db) : IHandler
{
    public const string Action = "Leverans mottagen";

    public sealed class Command
    {
        /// <summary>The order the delivery is counted on; empty for devices that come without one.</summary>
        public Guid? PurchaseOrderId { get; set; }
        public Guid? DeviceModelId { get; set; }

        /// <summary>Empty: the order's deliver-to location.</summary>
        public Guid? StockLocationId { get; set; }
        public string? Firmware { get; set; }

        /// <summary>One device per line: serial number, optionally followed by the key number (see <see cref="DeliveryLines"/>).</summary>
        public string? SerialNumbers { get; set; }

        /// <summary>The same as a list, for API clients; its errors are reported on <see cref="SerialNumbers"/> too, "rad" being the position.</summary>
        public List<DeliveredDevice>? Devices { get; set; }
    }

    public sealed class DeliveredDevice
    {
        public string? SerialNumber { get; set; }
        public string? KeyNumber { get; set; }
    }

    public sealed record Result(Guid? PurchaseOrderId, string? PurchaseOrderReference, PurchaseOrderStatus? PurchaseOrderStatus,
        Guid DeviceModelId, string ModelName, Guid StockLocationId, string StockLocationName, IReadOnlyList<ReceivedDevice> Devices);

    public sealed record ReceivedDevice(Guid Id, string SerialNumber, string? KeyNumber);

    public async Task<Result> Handle(Command command, CancellationToken ct)
    {
        var v = new Validator();
        var lines = Lines(v, command);
        var order = await OpenOrder(v, command.PurchaseOrderId, ct);
        var model = await db.Model(v, nameof(Command.DeviceModelId), command.DeviceModelId, ct);
        var location = command.StockLocationId is null && order is not null
            ? order.DeliverTo
            : await db.Location(v, nameof(Command.StockLocationId), command.StockLocationId, ct);
        var firmware = v.Optional(nameof(Command.Firmware), command.Firmware, "Firmware", 40);
        var devices = DeliveryLines.Check(v, nameof(Command.SerialNumbers), lines);
        await CheckNotRegistered(v, devices, ct);
        if (order is not null && model is not null && lines.Count > 0)
            // Counted in memory only: the order is saved with the devices or, if anything is wrong, not at all.
            v.Try(() => order.Receive(model.Id, lines.Count));
        v.ThrowIfInvalid();

        var received = devices.Select(d => new Device(model!, d.Serial, d.KeyNumber, location!, firmware)).ToList();
        db.Devices.AddRange(received);
        if (order is not null) db.Record(order, Action, $"{received.Count} st {model!.Name}");
        await db.SaveChangesAsync(ct);

        return new Result(order?.Id, order?.Reference, order?.Status, model!.Id, model.Name, location!.Id, location.Name,
            received.Select(d => new ReceivedDevice(d.Id, d.SerialNumber, d.KeyNumber)).ToList());
    }

    private static List<DeliveryLines.Raw> Lines(Validator v, Command command)
    {
        if (command.Devices is { Count: > 0 } list)
        {
            if (!string.IsNullOrWhiteSpace(command.SerialNumbers))
                v.Add(nameof(Command.SerialNumbers), "Ange serienumren antingen som text eller som lista, inte båda.");
            return DeliveryLines.FromPairs(list.Select(d => (d?.SerialNumber, d?.KeyNumber)));
        }
        return DeliveryLines.FromText(command.SerialNumbers);
    }

    private async Task<PurchaseOrder?> OpenOrder(Validator v, Guid? id, CancellationToken ct)
    {
        if (id is null) return null;
        var order = await db.PurchaseOrders.Include(o => o.Lines).Include(o => o.DeliverTo).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
            v.Add(nameof(Command.PurchaseOrderId), "Beställningen finns inte.");
        else if (order.Status != PurchaseOrderStatus.Open)
            v.Add(nameof(Command.PurchaseOrderId), $"Beställning {order.Reference} är {(order.Status == PurchaseOrderStatus.Delivered ? "redan levererad" : "makulerad")} och kan inte ta emot fler enheter.");
        return order?.Status == PurchaseOrderStatus.Open ? order : null;
    }

    // Serial and key numbers are unique in the municipality, whoever may see the device that has them.
    private async Task CheckNotRegistered(Validator v, List<DeliveryLines.Parsed> devices, CancellationToken ct)
    {
        if (devices.Count == 0) return;
        var municipality = db.Scope.MunicipalityId;
        var serials = devices.Select(d => d.Serial).Distinct().ToList();
        var keys = devices.Where(d => d.KeyNumber is not null).Select(d => d.KeyNumber!).Distinct().ToList();
        var taken = await db.Devices.WithoutScopeFilter().AsNoTracking()
            .Where(d => d.MunicipalityId == municipality
                        && (serials.Contains(d.SerialNumber) || (d.KeyNumber != null && keys.Contains(d.KeyNumber))))
            .Select(d => new { d.SerialNumber, d.KeyNumber })
            .ToListAsync(ct);
        foreach (var device in devices)
        {
            if (taken.Any(t => t.SerialNumber == device.Serial))
                v.Add(nameof(Command.SerialNumbers), $"Rad {device.Line}: serienumret {device.Serial} finns redan registrerat.");
            var owner = device.KeyNumber is null ? null : taken.FirstOrDefault(t => t.KeyNumber == device.KeyNumber && t.SerialNumber != device.Serial);
            if (owner is not null)
                v.Add(nameof(Command.SerialNumbers), $"Rad {device.Line}: nyckelnumret {device.KeyNumber} (serienummer {device.Serial}) används redan av enheten {owner.SerialNumber}.");
        }
    }
}
