using Nyckelfri.Common;

namespace Nyckelfri.Devices;

public sealed partial class Device
{
    /// <summary>
    /// The day the battery is expected to run out, from the forecast made when the last levels
    /// arrived; null while unknown. Kept on the device so that the low-battery list can find the
    /// batteries that will soon be empty without reading every device's readings. The date stays
    /// right as days pass: the forecast only changes when new readings arrive.
    /// </summary>
    [Telemetry]
    public DateOnly? BatteryEmptyOn { get; private set; }

    /// <summary>Forecasts the battery from its recent readings (<see cref="BatteryForecast"/>) and keeps the day it runs out.</summary>
    public BatteryForecast ForecastBattery(IEnumerable<(DateTime At, int Level)> readings, DateTime now)
    {
        var forecast = BatteryForecast.From(readings, now);
        BatteryEmptyOn = forecast.EmptyOn;
        return forecast;
    }
}
