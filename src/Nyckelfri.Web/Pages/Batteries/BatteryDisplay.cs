using System.Globalization;
using Nyckelfri.Devices;

namespace Nyckelfri.Web.Pages.Batteries;

/// <summary>How battery levels and forecasts read on a page. A low level says so in words, not only in colour.</summary>
public static class BatteryDisplay
{
    public static string LevelBadge(bool belowThreshold) =>
        belowThreshold ? "badge text-bg-danger" : "badge text-bg-warning";

    public static string LevelText(int level, bool belowThreshold) =>
        belowThreshold ? $"{level} % – lågt" : $"{level} %";

    public static string DaysLeft(int? days) => days switch
    {
        null => "okänd",
        0 => "tomt inom ett dygn",
        1 => "ca 1 dag kvar",
        _ => $"ca {days.Value.ToString(CultureInfo.InvariantCulture)} dagar kvar",
    };

    public static string Place(string address, string? apartment, string? entrance) =>
        address + (apartment is null ? "" : $", lgh {apartment}") + (entrance is null ? "" : $", {entrance}");

    public static string Kind(DeviceKind kind) => DeviceNames.SwedishName(kind);
}
