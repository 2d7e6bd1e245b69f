using Nyckelfri.Common;
using Nyckelfri.Households;
using Nyckelfri.Properties;

namespace Nyckelfri.Devices;

public sealed partial class Device
{
    public const int MaxBatteryLevel = 100;

    private string Name => DeviceNames.SwedishName(Kind);

    /// <summary>
    /// A battery level reported by the lock platform or the app. An older report than the one held
    /// (a delayed upload) does not overwrite the current level; the caller still keeps it as a reading.
    /// </summary>
    public bool ReportBattery(int level, DateTime at)
    {
        if (level is < 0 or > MaxBatteryLevel)
            throw ValidationFailedException.For("Level", "Batterinivån ska vara mellan 0 och 100 %.");
        if (Status == DeviceStatus.Scrapped)
            throw Illegal("rapportera batterinivå", "den är skrotad");
        if (BatteryReportedAt is { } last && at <= last) return false;
        BatteryLevel = level;
        BatteryReportedAt = at;
        return true;
    }

    private void SetKeyNumberForMounting(string? keyNumber)
    {
        if (keyNumber is not null) KeyNumber = keyNumber;
        if (KeyNumber is null && Kind is DeviceKind.LockUnit or DeviceKind.EntranceUnit)
            throw ValidationFailedException.For(nameof(KeyNumber),
                "Ange nyckelnumret: låsenheten märks med det vid monteringen.");
    }

    private void RequireInstallable()
    {
        if (Status is not (DeviceStatus.InStock or DeviceStatus.Reserved or DeviceStatus.InRepair))
            throw Illegal("monteras", Status == DeviceStatus.Installed
                ? "den är redan monterad"
                : "bara en enhet i lager, reserverad eller tillbaka från reparation kan monteras");
    }

    private void Require(DeviceStatus expected, string action)
    {
        if (Status != expected)
            throw Illegal(action, $"det kräver status {DeviceNames.SwedishName(expected).ToLowerInvariant()}");
    }

    private void RequireHouseholdKind()
    {
        if (!DeviceNames.BelongsToHousehold(Kind))
            throw new RuleViolationException("device-wrong-place", "En portenhet monteras på en port, inte i ett hushåll.");
    }

    private void RequireEntranceKind()
    {
        if (Kind != DeviceKind.EntranceUnit)
            throw new RuleViolationException("device-wrong-place",
                $"{(Kind == DeviceKind.MedicineCabinet ? "Ett" : "En")} {Name.ToLowerInvariant()} monteras i ett hushåll, inte på en port.");
    }

    private void RequireSameMunicipality(Guid municipalityId)
    {
        if (municipalityId != MunicipalityId)
            throw new NotFoundException("Platsen");
    }

    private RuleViolationException Illegal(string action, string why) =>
        new("device-illegal-transition",
            $"{Name} {SerialNumber} har status {DeviceNames.SwedishName(Status).ToLowerInvariant()} och kan inte {action}: {why}.");

    private void LinkTo(Household household)
    {
        HouseholdId = household.Id;
        Household = household;
        EntranceId = null;
        Entrance = null;
        if (Status == DeviceStatus.Installed) { StockLocationId = null; StockLocation = null; }
    }

    private void LinkTo(Entrance entrance)
    {
        EntranceId = entrance.Id;
        Entrance = entrance;
        HouseholdId = null;
        Household = null;
        if (Status == DeviceStatus.Installed) { StockLocationId = null; StockLocation = null; }
    }

    private void Unlink()
    {
        HouseholdId = null;
        Household = null;
        EntranceId = null;
        Entrance = null;
    }

    private void PutOnShelf(StockLocation location)
    {
        if (location.MunicipalityId != MunicipalityId) throw new NotFoundException("Lagerplatsen");
        StockLocationId = location.Id;
        StockLocation = location;
    }
}
