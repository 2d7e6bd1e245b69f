using Nyckelfri.Common;

namespace Nyckelfri.Devices;

/// <summary>A product the municipality buys (e.g. "Phoniro Lock 3"): its kind and supplier. Stock is counted per model.</summary>
public sealed class DeviceModel : Entity
{
    private DeviceModel() { }

    public DeviceModel(Guid municipalityId, DeviceKind kind, string name, string supplier)
    {
        MunicipalityId = municipalityId;
        Kind = kind;
        Name = name;
        Supplier = supplier;
    }

    /// <summary>Fixed once devices of the model exist: a device's kind decides where it may be mounted.</summary>
    public DeviceKind Kind { get; private set; }
    public string Name { get; set; } = "";
    public string Supplier { get; set; } = "";
    public string? Note { get; set; }
}

/// <summary>A place where devices and the clients' original lock parts are kept (the caretaker's store, the alarm centre).</summary>
public sealed class StockLocation : Entity
{
    private StockLocation() { }

    public StockLocation(Guid municipalityId, string name)
    {
        MunicipalityId = municipalityId;
        Name = name;
    }

    public string Name { get; set; } = "";
    public string? Description { get; set; }
}

/// <summary>
/// The least number of devices of one model that should be in stock at one location; below it the
/// stock page warns that it is time to order (seed 002 §7: the caretaker tells the system administrator).
/// </summary>
public sealed class ReorderLevel : Entity
{
    public const int MaxLevel = 10_000;

    private ReorderLevel() { }

    public ReorderLevel(StockLocation location, DeviceModel model, int level)
    {
        if (location.MunicipalityId != model.MunicipalityId) throw new NotFoundException("Modellen");
        MunicipalityId = location.MunicipalityId;
        StockLocationId = location.Id;
        DeviceModelId = model.Id;
        Change(level);
    }

    public Guid StockLocationId { get; private set; }
    public Guid DeviceModelId { get; private set; }
    public int Level { get; private set; }

    public void Change(int level)
    {
        if (level is < 0 or > MaxLevel)
            throw ValidationFailedException.For(nameof(Level), $"Beställningsnivån ska vara mellan 0 och {MaxLevel}.");
        Level = level;
    }

    public bool IsBreachedBy(int inStock) => inStock < Level;
}
