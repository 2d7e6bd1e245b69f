using System.Globalization;
using Nyckelfri.Devices;

namespace Nyckelfri.Demo;

/// <summary>The names of the demo's stock locations and device models, for tests and the README.</summary>
public static class DemoStockNames
{
    /// <summary>The caretaker's store: deliveries arrive here and the installers take their locks from here.</summary>
    public const string Store = "Vaktmästeriet, kommunhuset";

    /// <summary>A small stock for urgent swaps outside office hours.</summary>
    public const string AlarmCentre = "Trygghetslarmscentralen";

    public const string LockUnit = "Phoniro Lock 3";
    public const string OlderLockUnit = "Phoniro Lock 2";
    public const string EntranceUnit = "Phoniro Door Unit";
    public const string KeySafe = "Nyckelgömma KS-10";
    public const string MedicineCabinet = "Medicinskåp MC-2";

    public const string LockSupplier = "Phoniro AB";
    public const string KeySafeSupplier = "Nordiska Låsteknik AB";
    public const string MedicineCabinetSupplier = "Medilås Sverige AB";
}

/// <summary>
/// The municipality's stock as seed 002 §7 describes it: the caretaker ("vaktmästeriet") receives
/// deliveries and keeps the store; the system administrator orders from the supplier. Reorder levels
/// are set so that exactly one model (the medicine cabinet) is below its level at the store. Serial
/// and key numbers are handed out here, in increasing order with random gaps, so they never repeat.
/// </summary>
internal sealed class DemoStock
{
    private readonly DemoRandom _random;
    private readonly Dictionary<DeviceModel, int> _serials = [];
    private int _keyNumber = 10_000;

    public DemoStock(Guid municipalityId, DemoRandom random, string storeName = DemoStockNames.Store,
        string storeDescription = "Förrådet i källaren på kommunhuset. Vaktmästeriet tar emot leveranser och lämnar ut lås till montörerna.")
    {
        _random = random;
        Store = new StockLocation(municipalityId, storeName) { Description = storeDescription };
        AlarmCentre = new StockLocation(municipalityId, DemoStockNames.AlarmCentre)
        {
            Description = "Litet lager för akuta byten på kvällar och helger.",
        };
        LockUnit = Model(municipalityId, DeviceKind.LockUnit, DemoStockNames.LockUnit, DemoStockNames.LockSupplier, 12_000);
        OlderLockUnit = Model(municipalityId, DeviceKind.LockUnit, DemoStockNames.OlderLockUnit, DemoStockNames.LockSupplier, 4_000);
        OlderLockUnit.Note = "Köps inte längre. Byts mot Phoniro Lock 3 när den går sönder.";
        EntranceUnit = Model(municipalityId, DeviceKind.EntranceUnit, DemoStockNames.EntranceUnit, DemoStockNames.LockSupplier, 1_000);
        KeySafe = Model(municipalityId, DeviceKind.KeySafe, DemoStockNames.KeySafe, DemoStockNames.KeySafeSupplier, 300);
        MedicineCabinet = Model(municipalityId, DeviceKind.MedicineCabinet, DemoStockNames.MedicineCabinet, DemoStockNames.MedicineCabinetSupplier, 500);
    }

    public StockLocation Store { get; }
    public StockLocation AlarmCentre { get; }
    public IReadOnlyList<StockLocation> Locations => [Store, AlarmCentre];

    public DeviceModel LockUnit { get; }
    public DeviceModel OlderLockUnit { get; }
    public DeviceModel EntranceUnit { get; }
    public DeviceModel KeySafe { get; }
    public DeviceModel MedicineCabinet { get; }
    public IReadOnlyList<DeviceModel> Models => [LockUnit, OlderLockUnit, EntranceUnit, KeySafe, MedicineCabinet];

    /// <summary>How many devices of each model should be on each shelf, in stock, when the generator is done.</summary>
    public IReadOnlyList<(StockLocation Location, DeviceModel Model, int Count)> Shelves =>
    [
        (Store, LockUnit, 25), (Store, OlderLockUnit, 2), (Store, EntranceUnit, 3), (Store, KeySafe, 4),
        (Store, MedicineCabinet, 1), (AlarmCentre, LockUnit, 4), (AlarmCentre, KeySafe, 2),
    ];

    /// <summary>Below these the stock page warns. Only the medicine cabinets at the store are short (1 of 3).</summary>
    public List<ReorderLevel> ReorderLevels() =>
    [
        new(Store, LockUnit, 15), new(Store, EntranceUnit, 2), new(Store, KeySafe, 3), new(Store, MedicineCabinet, 3),
        new(AlarmCentre, LockUnit, 3), new(AlarmCentre, KeySafe, 1),
    ];

    /// <summary>
    /// Three orders from the system administrator to Phoniro: one delivered long ago, one partly
    /// delivered, and one just placed with nothing delivered yet.
    /// </summary>
    public List<PurchaseOrder> PurchaseOrders(DateOnly today, string orderedBy)
    {
        var note = $"Beställd av {orderedBy}, systemförvaltare.";
        var delivered = Order(1, today.AddDays(-_random.Between(200, 260)), note, (LockUnit, 40, 40), (EntranceUnit, 6, 6));
        var partly = Order(2, today.AddDays(-_random.Between(30, 40)), note, (LockUnit, 30, 18), (EntranceUnit, 4, 4));
        partly.Note += " Restnoterade lås levereras i nästa sändning.";
        var open = Order(3, today.AddDays(-_random.Between(4, 8)), note, (LockUnit, 20, 0), (EntranceUnit, 2, 0));
        return [delivered, partly, open];
    }

    /// <summary>A device as it comes from the supplier: serial number and key number on the label, on a shelf.</summary>
    public Device NewDevice(DeviceModel model, StockLocation location) =>
        new(model, NextSerial(model), NextKeyNumber(), location, Firmware(model));

    /// <summary>"N-10234": the number on the label that the installer writes on the client's lock.</summary>
    public string NextKeyNumber()
    {
        _keyNumber += _random.Between(1, 4);
        return "N-" + _keyNumber.ToString(CultureInfo.InvariantCulture);
    }

    private string NextSerial(DeviceModel model)
    {
        var next = _serials[model] + _random.Between(1, 9);
        _serials[model] = next;
        return SerialPrefix(model) + next.ToString("0000000", CultureInfo.InvariantCulture);
    }

    private string SerialPrefix(DeviceModel model) =>
        model == LockUnit ? "PH3-" : model == OlderLockUnit ? "PH2-" : model == EntranceUnit ? "PDU-" : model == KeySafe ? "KS10-" : "MC2-";

    private string Firmware(DeviceModel model)
    {
        if (model == LockUnit) return _random.Weighted([("3.5.1", 50), ("3.5.0", 30), ("3.4.2", 20)]);
        if (model == OlderLockUnit) return _random.Weighted([("2.9.4", 70), ("2.9.1", 30)]);
        if (model == EntranceUnit) return _random.Weighted([("1.8.0", 60), ("1.7.3", 40)]);
        return model == KeySafe ? "1.2.0" : "2.0.1";
    }

    private DeviceModel Model(Guid municipalityId, DeviceKind kind, string name, string supplier, int firstSerial)
    {
        var model = new DeviceModel(municipalityId, kind, name, supplier);
        _serials[model] = firstSerial;
        return model;
    }

    private PurchaseOrder Order(int number, DateOnly orderedOn, string note,
        params (DeviceModel Model, int Ordered, int Delivered)[] lines)
    {
        var order = new PurchaseOrder(Store.MunicipalityId, number, DemoStockNames.LockSupplier, orderedOn, Store) { Note = note };
        foreach (var (model, ordered, _) in lines) order.AddLine(model, ordered);
        foreach (var (model, _, delivered) in lines.Where(l => l.Delivered > 0)) order.Receive(model.Id, delivered);
        return order;
    }
}
