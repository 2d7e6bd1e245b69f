using Nyckelfri.Clients;
using Nyckelfri.Devices;
using Nyckelfri.Households;
using Nyckelfri.Keys;
using Nyckelfri.Properties;
using Nyckelfri.Providers;

namespace Nyckelfri.UnitTests;

/// <summary>The places a device moves between, all in one municipality.</summary>
internal sealed class DeviceWorld
{
    public DeviceWorld(Guid? municipalityId = null)
    {
        MunicipalityId = municipalityId ?? AMunicipality.Id();
        var address = new AddressBuilder().InMunicipality(MunicipalityId).Build();
        Store = new StockLocation(MunicipalityId, "Fastighetsskötarens förråd");
        AlarmCentre = new StockLocation(MunicipalityId, "Larmcentralen");
        Household = new HouseholdBuilder().At(address).Build();
        OtherHousehold = new HouseholdBuilder().At(address).Build();
        Entrance = new EntranceBuilder().At(address).Named("Port A").Build();
        OtherEntrance = new EntranceBuilder().At(address).Named("Port B").Build();
    }

    public Guid MunicipalityId { get; }

    /// <summary>Where new devices arrive and reserved ones wait.</summary>
    public StockLocation Store { get; }

    /// <summary>The other shelf: where taken-down and repaired devices are put.</summary>
    public StockLocation AlarmCentre { get; }

    public Household Household { get; }
    public Household OtherHousehold { get; }
    public Entrance Entrance { get; }
    public Entrance OtherEntrance { get; }

    public DeviceModel Model(DeviceKind kind) => new(MunicipalityId, kind, $"{DeviceNames.SwedishName(kind)} 3", "Låsleverantören AB");

    public DeviceBuilder Device(DeviceKind kind = DeviceKind.LockUnit) => new DeviceBuilder(this).OfKind(kind);
}

/// <summary>
/// A device in any status, reached through the domain's own transitions (never by setting fields), at
/// its right place: a household for a lock unit, key safe or medicine cabinet, an entrance for an entrance unit.
/// </summary>
internal sealed class DeviceBuilder(DeviceWorld world)
{
    private static int _nextSerial;

    private DeviceKind _kind = DeviceKind.LockUnit;
    private string? _keyNumber = "N-" + Interlocked.Increment(ref _nextSerial).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
    private DeviceStart _start = DeviceStart.InStock;

    public DeviceBuilder OfKind(DeviceKind kind) { _kind = kind; return this; }
    public DeviceBuilder WithKeyNumber(string? keyNumber) { _keyNumber = keyNumber; return this; }
    public DeviceBuilder In(DeviceStart start) { _start = start; return this; }

    public Device Build()
    {
        var serial = "SN-" + Interlocked.Increment(ref _nextSerial).ToString("00000", System.Globalization.CultureInfo.InvariantCulture);
        var device = new Device(world.Model(_kind), serial, _keyNumber, world.Store, "1.0.4");
        switch (_start)
        {
            case DeviceStart.InStock:
                break;
            case DeviceStart.Reserved:
                ReserveAtItsPlace(device);
                break;
            case DeviceStart.Installed:
                InstallAtItsPlace(device);
                break;
            case DeviceStart.FaultyMounted:
                InstallAtItsPlace(device);
                device.ReportFault("Låser inte");
                break;
            case DeviceStart.FaultyOffTheDoor:
                device.ReportFault("Trasig vid leverans");
                break;
            case DeviceStart.InRepair:
                InstallAtItsPlace(device);
                device.ReportFault("Låser inte");
                device.SendForRepair();
                break;
            case DeviceStart.Scrapped:
                device.Scrap("Vattenskadad");
                break;
        }
        return device;
    }

    private void ReserveAtItsPlace(Device device)
    {
        if (_kind == DeviceKind.EntranceUnit) device.Reserve(world.Entrance);
        else device.Reserve(world.Household);
    }

    private void InstallAtItsPlace(Device device)
    {
        if (_kind == DeviceKind.EntranceUnit) device.Install(world.Entrance, null, TestClock.Today.AddDays(-30));
        else device.Install(world.Household, null, TestClock.Today.AddDays(-30));
    }
}

/// <summary>The statuses a device can be in, with faulty split by whether it is still on the door.</summary>
public enum DeviceStart { InStock, Reserved, Installed, FaultyMounted, FaultyOffTheDoor, InRepair, Scrapped }

/// <summary>What a test compares to prove that a refused transition changed nothing.</summary>
internal sealed record DeviceSnapshot(
    DeviceStatus Status, Guid? HouseholdId, Guid? EntranceId, Guid? StockLocationId, string? KeyNumber,
    DateOnly? InstalledOn, string? FaultDescription, string? ScrapReason, int? BatteryLevel, DateTime? BatteryReportedAt)
{
    public static DeviceSnapshot Of(Device d) => new(d.Status, d.HouseholdId, d.EntranceId, d.StockLocationId, d.KeyNumber,
        d.InstalledOn, d.FaultDescription, d.ScrapReason, d.BatteryLevel, d.BatteryReportedAt);
}

/// <summary>A client with a key set held by a home-care unit, and a second unit to move it to.</summary>
internal sealed class KeyWorld
{
    public KeyWorld()
    {
        var municipalityId = AMunicipality.Id();
        var provider = new ProviderBuilder().InMunicipality(municipalityId).Build();
        Client = new ClientBuilder().InMunicipality(municipalityId).Build();
        HomeCare = new UnitBuilder().Of(provider).Named("Hemtjänstgrupp Norr").Build();
        AlarmGroup = new UnitBuilder().Of(provider).Named("Larmgruppen").Build();
    }

    public Client Client { get; }
    public Unit HomeCare { get; }
    public Unit AlarmGroup { get; }

    public KeySet Set(int keyCount = 2) => new(Client, "N-0042", keyCount, HomeCare);

    public static KeyReceipt.Parties Signed(DateOnly? date = null) =>
        new(date ?? TestClock.Today, "Astrid Lindqvist", "Erik Johansson", SignedByGiver: true, SignedByReceiver: true, Note: null);
}
