using Nyckelfri.Common;
using Nyckelfri.Households;
using Nyckelfri.Properties;

namespace Nyckelfri.Devices;

/// <summary>
/// One physical device: a lock unit, entrance unit, key safe or medicine cabinet. Its life is a set
/// of named transitions (STYLE.md §3); each checks that the device's status allows it and fails with
/// a <see cref="RuleViolationException"/> otherwise, so nothing ever silently does nothing.
/// Linking rules: an installed lock unit belongs to exactly one household (and a household has at
/// most one: the caller passes the one already there, and a unique index backs it up); an entrance
/// unit to exactly one entrance, shared by every client behind it.
/// </summary>
public sealed partial class Device : Entity
{
    private Device() { }

    /// <summary>A device arrives from the supplier (a delivery) and goes on the shelf.</summary>
    public Device(DeviceModel model, string serialNumber, string? keyNumber, StockLocation location, string? firmware)
    {
        MunicipalityId = model.MunicipalityId;
        DeviceModelId = model.Id;
        Model = model;
        Kind = model.Kind;
        SerialNumber = serialNumber;
        KeyNumber = keyNumber;
        Firmware = firmware;
        Status = DeviceStatus.InStock;
        PutOnShelf(location);
    }

    public DeviceKind Kind { get; private set; }
    public Guid DeviceModelId { get; private set; }
    public DeviceModel? Model { get; private set; }

    /// <summary>Unique in the municipality; upper-case (<see cref="DeviceNumbers"/>).</summary>
    public string SerialNumber { get; private set; } = "";

    /// <summary>The number on the label, written on the client's lock at install (seed 003). Unique in the municipality.</summary>
    public string? KeyNumber { get; private set; }
    public string? Firmware { get; set; }
    public string? Note { get; set; }
    public DeviceStatus Status { get; private set; }

    /// <summary>Where it sits while in stock, reserved or faulty off the door. Null when mounted or away for repair.</summary>
    public Guid? StockLocationId { get; private set; }
    public StockLocation? StockLocation { get; private set; }

    /// <summary>The household it is reserved for or mounted at (lock unit, key safe, medicine cabinet).</summary>
    public Guid? HouseholdId { get; private set; }
    public Household? Household { get; private set; }

    /// <summary>The entrance it is reserved for or mounted at (entrance unit).</summary>
    public Guid? EntranceId { get; private set; }
    public Entrance? Entrance { get; private set; }

    public DateOnly? InstalledOn { get; private set; }

    /// <summary>
    /// A lock unit's or entrance unit's own public key (protocol v2: the P-256 point 0x04 ‖ X ‖ Y the
    /// lock made at commissioning), registered when it is mounted. The server verifies the lock's
    /// signed event batches with it; null until registered, and then no events are accepted.
    /// </summary>
    public byte[]? LockPublicKey { get; private set; }
    public string? FaultDescription { get; private set; }
    public string? ScrapReason { get; private set; }

    /// <summary>Percent, 0–100, as last reported by the lock platform or the app.</summary>
    [Telemetry]
    public int? BatteryLevel { get; private set; }
    [Telemetry]
    public DateTime? BatteryReportedAt { get; private set; }

    /// <summary>Mounted on a door right now: installed, or faulty but not yet taken down.</summary>
    public bool IsMounted => Status == DeviceStatus.Installed || (Status == DeviceStatus.Faulty && (HouseholdId ?? EntranceId) is not null);

    /// <summary>Registers the lock's own public key; the caller has checked that it is a point on P-256.</summary>
    public void RegisterLockPublicKey(byte[] publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (Kind is not (DeviceKind.LockUnit or DeviceKind.EntranceUnit))
            throw new RuleViolationException("not-a-lock", $"{Name} {SerialNumber} är inget lås och har ingen låsnyckel.");
        if (publicKey.Length != 65 || publicKey[0] != 0x04)
            throw ValidationFailedException.For(nameof(LockPublicKey), "Låsets publika nyckel ska vara en P-256-punkt på 65 byte.");
        LockPublicKey = (byte[])publicKey.Clone();
    }

    public void ChangeKeyNumber(string? keyNumber)
    {
        if (keyNumber is null && IsMounted && Kind is DeviceKind.LockUnit or DeviceKind.EntranceUnit)
            throw ValidationFailedException.For(nameof(KeyNumber), "En monterad låsenhet måste ha ett nyckelnummer.");
        KeyNumber = keyNumber;
    }

    /// <summary>Set aside for a household (lock unit, key safe, medicine cabinet): in stock → reserved.</summary>
    public void Reserve(Household household)
    {
        Require(DeviceStatus.InStock, "reserveras");
        RequireHouseholdKind();
        RequireSameMunicipality(household.MunicipalityId);
        Status = DeviceStatus.Reserved;
        LinkTo(household);
    }

    /// <summary>Set aside for an entrance (entrance unit): in stock → reserved.</summary>
    public void Reserve(Entrance entrance)
    {
        Require(DeviceStatus.InStock, "reserveras");
        RequireEntranceKind();
        RequireSameMunicipality(entrance.MunicipalityId);
        Status = DeviceStatus.Reserved;
        LinkTo(entrance);
    }

    /// <summary>The reservation is withdrawn: reserved → in stock, at the same shelf.</summary>
    public void CancelReservation()
    {
        Require(DeviceStatus.Reserved, "få sin reservation borttagen");
        Status = DeviceStatus.InStock;
        Unlink();
    }

    /// <summary>
    /// Mounted at a household door: from stock, from a reservation for this household, or back from
    /// repair. <paramref name="mountedLock"/> is the lock unit already on that door, if any: a household
    /// has at most one. A lock unit must carry its key number from now on (seed 003: the installer
    /// labels the lock with it).
    /// </summary>
    public void Install(Household household, Device? mountedLock, DateOnly on, string? keyNumber = null)
    {
        RequireInstallable();
        RequireHouseholdKind();
        RequireSameMunicipality(household.MunicipalityId);
        if (Status == DeviceStatus.Reserved && HouseholdId != household.Id)
            throw new RuleViolationException("device-reserved-elsewhere",
                $"{Name} {SerialNumber} är reserverad för ett annat hushåll. Ta bort reservationen först.");
        if (Kind == DeviceKind.LockUnit && mountedLock is not null && mountedLock.Id != Id)
            throw new RuleViolationException("household-has-lock",
                $"Hushållet har redan en monterad låsenhet ({mountedLock.SerialNumber}). Ett hushåll har högst ett digitalt lås; sambor delar det.");
        SetKeyNumberForMounting(keyNumber);
        Status = DeviceStatus.Installed;
        InstalledOn = on;
        LinkTo(household);
    }

    /// <summary>Mounted at a building entrance: the same rules, one entrance unit per entrance.</summary>
    public void Install(Entrance entrance, Device? mountedUnit, DateOnly on, string? keyNumber = null)
    {
        RequireInstallable();
        RequireEntranceKind();
        RequireSameMunicipality(entrance.MunicipalityId);
        if (Status == DeviceStatus.Reserved && EntranceId != entrance.Id)
            throw new RuleViolationException("device-reserved-elsewhere",
                $"{Name} {SerialNumber} är reserverad för en annan port. Ta bort reservationen först.");
        if (mountedUnit is not null && mountedUnit.Id != Id)
            throw new RuleViolationException("entrance-has-unit",
                $"Porten har redan en monterad portenhet ({mountedUnit.SerialNumber}).");
        SetKeyNumberForMounting(keyNumber);
        Status = DeviceStatus.Installed;
        InstalledOn = on;
        LinkTo(entrance);
    }

    /// <summary>Taken down (removal or move) and put back on a shelf. A faulty device stays faulty.</summary>
    public void Uninstall(StockLocation location)
    {
        if (!IsMounted)
            throw Illegal("monteras ned", "bara en monterad enhet kan monteras ned");
        RequireSameMunicipality(location.MunicipalityId);
        if (Status == DeviceStatus.Installed) Status = DeviceStatus.InStock;
        InstalledOn = null;
        Unlink();
        PutOnShelf(location);
    }

    /// <summary>Reported not working. A mounted device stays linked until it is taken down; a reserved one loses its reservation.</summary>
    public void ReportFault(string description)
    {
        if (Status is not (DeviceStatus.InStock or DeviceStatus.Reserved or DeviceStatus.Installed))
            throw Illegal("felanmälas", "den är redan felanmäld, på reparation eller skrotad");
        if (Status == DeviceStatus.Reserved) Unlink();
        Status = DeviceStatus.Faulty;
        FaultDescription = description;
    }

    /// <summary>The fault was put right where the device is (a reset, a new battery): faulty → installed, or in stock if it was off the door.</summary>
    public void ResolveFault()
    {
        Require(DeviceStatus.Faulty, "friskförklaras");
        Status = (HouseholdId ?? EntranceId) is null ? DeviceStatus.InStock : DeviceStatus.Installed;
        FaultDescription = null;
    }

    /// <summary>Taken down if mounted and sent to the supplier: faulty → in repair. The door is now without this device.</summary>
    public void SendForRepair()
    {
        Require(DeviceStatus.Faulty, "skickas på reparation");
        Status = DeviceStatus.InRepair;
        InstalledOn = null;
        Unlink();
        StockLocationId = null;
        StockLocation = null;
    }

    /// <summary>Back from the supplier to a shelf: in repair → in stock. (Back onto a door is <see cref="Install(Household, Device?, DateOnly, string?)"/>.)</summary>
    public void ReturnFromRepair(StockLocation location)
    {
        Require(DeviceStatus.InRepair, "tas emot från reparation");
        RequireSameMunicipality(location.MunicipalityId);
        Status = DeviceStatus.InStock;
        FaultDescription = null;
        PutOnShelf(location);
    }

    /// <summary>Out of use for good. Never from a door or a reservation: take it down or release it first.</summary>
    public void Scrap(string reason)
    {
        if (Status is DeviceStatus.Scrapped)
            throw Illegal("skrotas", "den är redan skrotad");
        if (Status is DeviceStatus.Reserved || IsMounted)
            throw Illegal("skrotas", "den är monterad eller reserverad; montera ned den eller ta bort reservationen först");
        Status = DeviceStatus.Scrapped;
        ScrapReason = reason;
        StockLocationId = null;
        StockLocation = null;
    }
}
