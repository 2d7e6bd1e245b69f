using Nyckelfri.Devices;

namespace Nyckelfri.Web.Pages.Devices;

/// <summary>How a device's status and battery are shown. The Swedish text always goes with the colour.</summary>
public static class DeviceStyle
{
    public static string Badge(DeviceStatus status) => status switch
    {
        DeviceStatus.Installed => "badge text-bg-success",
        DeviceStatus.Reserved => "badge text-bg-info",
        DeviceStatus.Faulty => "badge text-bg-danger",
        DeviceStatus.InRepair => "badge text-bg-warning",
        DeviceStatus.Scrapped => "badge text-bg-secondary",
        _ => "badge text-bg-light border",
    };

    public static string Battery(int? level) => level is null ? "–" : $"{level} %";

    /// <summary>"ca 42 dagar kvar" from the forecast, or "okänd" when the readings do not tell.</summary>
    public static string DaysLeft(BatteryForecast forecast) => forecast.DaysLeft switch
    {
        null => "okänd",
        1 => "ca 1 dag kvar",
        var days => $"ca {days} dagar kvar",
    };
}
