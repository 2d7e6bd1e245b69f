using Nyckelfri.Common;

namespace Nyckelfri.Access;

public enum TwoFactorDeviceStatus { InStock, Issued, KeptAtUnit, Blocked, Retired }

/// <summary>
/// A 2-factor activation device (2-faktorsaktiveringsdosa, tvåfaktorsplugg): it activates a digital key.
/// Personal ones are signed out to an employee like the key; shared ones are kept in the unit's
/// code-locked, logging key cabinet (seed 001). It is never kept with the key it activates.
/// </summary>
public sealed class TwoFactorDevice : Entity
{
    public const int MaxSerialLength = 40;

    private TwoFactorDevice() { }

    public TwoFactorDevice(Guid municipalityId, string serialNumber)
    {
        MunicipalityId = municipalityId;
        SerialNumber = DigitalKey.Normalise(serialNumber);
        Status = TwoFactorDeviceStatus.InStock;
    }

    public string SerialNumber { get; private set; } = "";
    public TwoFactorDeviceStatus Status { get; private set; }
    public Guid? EmployeeId { get; private set; }

    /// <summary>The unit whose key cabinet holds a shared device.</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>Where it is kept when not in use.</summary>
    public string? KeptAt { get; private set; }
    public DateTime? BlockedAt { get; private set; }
    public string? BlockReason { get; private set; }

    public void Issue(Guid employeeId, string? keptAt)
    {
        Require(Status == TwoFactorDeviceStatus.InStock, "Bara en dosa i lager kan lämnas ut.");
        Status = TwoFactorDeviceStatus.Issued;
        EmployeeId = employeeId;
        UnitId = null;
        KeptAt = Clean(keptAt);
    }

    /// <summary>A shared device placed in a unit's key cabinet.</summary>
    public void PlaceAtUnit(Guid unitId, string keptAt)
    {
        Require(Status == TwoFactorDeviceStatus.InStock, "Bara en dosa i lager kan placeras på en enhet.");
        if (string.IsNullOrWhiteSpace(keptAt))
            throw new RuleViolationException("two-factor-place-required", "Ange var på enheten dosan förvaras.");
        Status = TwoFactorDeviceStatus.KeptAtUnit;
        UnitId = unitId;
        EmployeeId = null;
        KeptAt = Clean(keptAt);
    }

    public void Return()
    {
        Require(Status is TwoFactorDeviceStatus.Issued or TwoFactorDeviceStatus.KeptAtUnit, "Dosan är inte utlämnad.");
        Status = TwoFactorDeviceStatus.InStock;
        EmployeeId = null;
        UnitId = null;
        KeptAt = null;
    }

    public void Block(string reason, DateTime at)
    {
        Require(Status is not (TwoFactorDeviceStatus.Blocked or TwoFactorDeviceStatus.Retired), "Dosan är redan spärrad eller ur bruk.");
        Status = TwoFactorDeviceStatus.Blocked;
        BlockedAt = at;
        BlockReason = reason;
    }

    /// <summary>Taken out of use (worn out or no longer needed): only from stock.</summary>
    public void Retire()
    {
        Require(Status == TwoFactorDeviceStatus.InStock, "Bara en dosa i lager kan tas ur bruk.");
        Status = TwoFactorDeviceStatus.Retired;
    }

    /// <summary>Where the device is kept when not in use; only one that is out has such a place.</summary>
    public void KeepAt(string? place)
    {
        Require(Status is TwoFactorDeviceStatus.Issued or TwoFactorDeviceStatus.KeptAtUnit, "Bara en utlämnad dosa har en förvaringsplats.");
        if (Status == TwoFactorDeviceStatus.KeptAtUnit && string.IsNullOrWhiteSpace(place))
            throw new RuleViolationException("two-factor-place-required", "Ange var på enheten dosan förvaras.");
        KeptAt = Clean(place);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new RuleViolationException("two-factor-illegal-transition", message);
    }

    public static string SwedishName(TwoFactorDeviceStatus status) => status switch
    {
        TwoFactorDeviceStatus.InStock => "I lager",
        TwoFactorDeviceStatus.Issued => "Utlämnad (personlig)",
        TwoFactorDeviceStatus.KeptAtUnit => "I enhetens nyckelskåp",
        TwoFactorDeviceStatus.Blocked => "Spärrad",
        TwoFactorDeviceStatus.Retired => "Ur bruk",
        _ => status.ToString(),
    };
}
