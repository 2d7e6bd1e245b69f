using Nyckelfri.Common;

namespace Nyckelfri.Devices;

public enum PurchaseOrderStatus { Open, Delivered, Cancelled }

/// <summary>
/// An order to the supplier (seed 002 §7: the system administrator orders; the delivery goes to the
/// caretaker). Deliveries are counted per line; the order is delivered when every line is.
/// </summary>
public sealed class PurchaseOrder : Entity
{
    public const int MaxQuantity = 1_000;

    private PurchaseOrder() { }

    public PurchaseOrder(Guid municipalityId, int number, string supplier, DateOnly orderedOn, StockLocation deliverTo)
    {
        if (deliverTo.MunicipalityId != municipalityId) throw new NotFoundException("Lagerplatsen");
        MunicipalityId = municipalityId;
        Number = number;
        Supplier = supplier;
        OrderedOn = orderedOn;
        DeliverToId = deliverTo.Id;
        DeliverTo = deliverTo;
    }

    /// <summary>Running number within the municipality, shown as "B-0001".</summary>
    public int Number { get; private set; }
    public string Supplier { get; private set; } = "";
    public DateOnly OrderedOn { get; private set; }
    public Guid DeliverToId { get; private set; }
    public StockLocation? DeliverTo { get; private set; }
    public PurchaseOrderStatus Status { get; private set; }
    public string? Note { get; set; }
    public List<PurchaseOrderLine> Lines { get; private set; } = [];

    public string Reference => FormatNumber(Number);

    public static string FormatNumber(int number) => $"B-{number:0000}";

    public void AddLine(DeviceModel model, int quantity)
    {
        if (Status != PurchaseOrderStatus.Open)
            throw new RuleViolationException("purchase-order-closed", $"Beställning {Reference} är inte öppen.");
        if (model.MunicipalityId != MunicipalityId) throw new NotFoundException("Modellen");
        if (quantity is < 1 or > MaxQuantity)
            throw ValidationFailedException.For("Quantity", $"Antalet ska vara mellan 1 och {MaxQuantity}.");
        if (Lines.Any(l => l.DeviceModelId == model.Id))
            throw ValidationFailedException.For("DeviceModelId", $"{model.Name} finns redan på beställningen.");
        Lines.Add(new PurchaseOrderLine(this, model, quantity));
    }

    /// <summary>Counts a delivery of <paramref name="quantity"/> devices of one model against its line.</summary>
    public void Receive(Guid modelId, int quantity)
    {
        if (Status != PurchaseOrderStatus.Open)
            throw new RuleViolationException("purchase-order-closed",
                $"Beställning {Reference} är {(Status == PurchaseOrderStatus.Delivered ? "redan levererad" : "makulerad")}.");
        var line = Lines.FirstOrDefault(l => l.DeviceModelId == modelId)
                   ?? throw ValidationFailedException.For("DeviceModelId", $"Modellen finns inte på beställning {Reference}.");
        // A count of zero or less would leave the line as it was, or undo part of an earlier delivery.
        if (quantity < 1)
            throw ValidationFailedException.For("SerialNumbers", "Leveransen måste ha minst en enhet.");
        if (quantity > line.Remaining)
            throw ValidationFailedException.For("SerialNumbers",
                $"Leveransen har {quantity} enheter men bara {line.Remaining} återstår av den modellen på beställning {Reference}.");
        line.Delivered += quantity;
        if (Lines.All(l => l.Remaining == 0)) Status = PurchaseOrderStatus.Delivered;
    }

    /// <summary>The rest of the order will not come. What was delivered stays delivered.</summary>
    public void Cancel()
    {
        if (Status != PurchaseOrderStatus.Open)
            throw new RuleViolationException("purchase-order-closed", $"Beställning {Reference} är inte öppen och kan inte makuleras.");
        Status = PurchaseOrderStatus.Cancelled;
    }

    public static string SwedishName(PurchaseOrderStatus status) => status switch
    {
        PurchaseOrderStatus.Open => "Beställd",
        PurchaseOrderStatus.Delivered => "Levererad",
        PurchaseOrderStatus.Cancelled => "Makulerad",
        _ => status.ToString(),
    };
}

public sealed class PurchaseOrderLine : Entity
{
    private PurchaseOrderLine() { }

    internal PurchaseOrderLine(PurchaseOrder order, DeviceModel model, int quantity)
    {
        MunicipalityId = order.MunicipalityId;
        PurchaseOrderId = order.Id;
        DeviceModelId = model.Id;
        Model = model;
        Ordered = quantity;
    }

    public Guid PurchaseOrderId { get; private set; }
    public Guid DeviceModelId { get; private set; }
    public DeviceModel? Model { get; private set; }
    public int Ordered { get; private set; }
    public int Delivered { get; internal set; }
    public int Remaining => Ordered - Delivered;
}
