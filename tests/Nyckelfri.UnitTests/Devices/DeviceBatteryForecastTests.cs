using Nyckelfri.Devices;

namespace Nyckelfri.UnitTests.Devices;

/// <summary>The device keeps the day its battery is forecast to run out, for the low-battery list.</summary>
public sealed class DeviceBatteryForecastTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    private static Device ALockUnit()
    {
        var municipality = AMunicipality.Id();
        var model = new DeviceModel(municipality, DeviceKind.LockUnit, "Lås 3", "Leverantören");
        return new Device(model, "PH-1", "K-1", new StockLocation(municipality, "Förrådet"), null);
    }

    [Fact]
    public void ForecastBattery_SteadyDrain_KeepsTheDayItRunsOut()
    {
        var device = ALockUnit();

        var forecast = device.ForecastBattery([(Now.AddDays(-10), 60), (Now.AddDays(-5), 50), (Now, 40)], Now);

        forecast.DaysLeft.ShouldBe(20);
        device.BatteryEmptyOn.ShouldBe(new DateOnly(2026, 12, 12));
    }

    [Fact]
    public void ForecastBattery_NoLongerKnown_ForgetsTheEarlierDay()
    {
        var device = ALockUnit();
        device.ForecastBattery([(Now.AddDays(-10), 60), (Now, 40)], Now);

        // A new battery: one reading since the change says nothing yet.
        device.ForecastBattery([(Now.AddDays(-10), 60), (Now.AddDays(-1), 40), (Now, 100)], Now);

        device.BatteryEmptyOn.ShouldBeNull();
    }
}
