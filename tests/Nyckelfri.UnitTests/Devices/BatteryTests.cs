using Nyckelfri.Common;
using Nyckelfri.Devices;
using Nyckelfri.Tenancy;

namespace Nyckelfri.UnitTests.Devices;

public class BatteryTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    // ---- Device.ReportBattery ----

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(57)]
    [InlineData(100)]
    public void ReportBattery_LevelWithinBounds_KeepsLevelAndTime(int level)
    {
        var device = new DeviceWorld().Device().In(DeviceStart.Installed).Build();

        device.ReportBattery(level, Now).ShouldBeTrue();

        device.BatteryLevel.ShouldBe(level);
        device.BatteryReportedAt.ShouldBe(Now);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(140)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void ReportBattery_LevelOutOfBounds_ThrowsValidationOnLevelAndKeepsOldLevel(int level)
    {
        var device = new DeviceWorld().Device().In(DeviceStart.Installed).Build();
        device.ReportBattery(64, Now.AddDays(-1));

        Should.Throw<ValidationFailedException>(() => device.ReportBattery(level, Now))
            .ShouldBeSingleError("Level", "Batterinivån ska vara mellan 0 och 100 %.");
        device.BatteryLevel.ShouldBe(64);
        device.BatteryReportedAt.ShouldBe(Now.AddDays(-1));
    }

    [Fact]
    public void ReportBattery_OlderThanTheLevelHeld_ReturnsFalseAndKeepsNewerLevel()
    {
        var device = new DeviceWorld().Device().In(DeviceStart.Installed).Build();
        device.ReportBattery(40, Now);

        device.ReportBattery(90, Now.AddHours(-3)).ShouldBeFalse();

        device.BatteryLevel.ShouldBe(40);
        device.BatteryReportedAt.ShouldBe(Now);
    }

    [Fact]
    public void ReportBattery_SameTimeAsTheLevelHeld_ReturnsFalse()
    {
        var device = new DeviceWorld().Device().In(DeviceStart.Installed).Build();
        device.ReportBattery(40, Now);

        device.ReportBattery(39, Now).ShouldBeFalse();

        device.BatteryLevel.ShouldBe(40);
    }

    [Fact]
    public void ReportBattery_NewerThanTheLevelHeld_Overwrites()
    {
        var device = new DeviceWorld().Device().In(DeviceStart.Installed).Build();
        device.ReportBattery(40, Now.AddDays(-2));

        device.ReportBattery(38, Now).ShouldBeTrue();

        device.BatteryLevel.ShouldBe(38);
        device.BatteryReportedAt.ShouldBe(Now);
    }

    [Theory]
    [InlineData(DeviceStart.InStock)]
    [InlineData(DeviceStart.Reserved)]
    [InlineData(DeviceStart.FaultyMounted)]
    [InlineData(DeviceStart.InRepair)]
    public void ReportBattery_DeviceNotScrapped_Accepted(DeviceStart start)
    {
        var device = new DeviceWorld().Device().In(start).Build();

        device.ReportBattery(75, Now).ShouldBeTrue();

        device.BatteryLevel.ShouldBe(75);
    }

    [Fact]
    public void ReportBattery_Scrapped_ThrowsIllegalTransitionAndKeepsNoLevel()
    {
        var device = new DeviceWorld().Device().In(DeviceStart.Scrapped).Build();

        var error = Should.Throw<RuleViolationException>(() => device.ReportBattery(50, Now));

        error.Code.ShouldBe("device-illegal-transition");
        error.Message.ShouldBe($"Låsenhet {device.SerialNumber} har status skrotad och kan inte rapportera batterinivå: den är skrotad.");
        device.BatteryLevel.ShouldBeNull();
        device.BatteryReportedAt.ShouldBeNull();
    }

    [Fact]
    public void BatteryReading_Constructor_CopiesDeviceAndMunicipality()
    {
        var device = new DeviceWorld().Device().Build();

        var reading = new BatteryReading(device, 33, Now);

        reading.DeviceId.ShouldBe(device.Id);
        reading.MunicipalityId.ShouldBe(device.MunicipalityId);
        reading.Level.ShouldBe(33);
        reading.At.ShouldBe(Now);
    }

    // ---- Municipality.ChangeBatteryThreshold ----

    [Fact]
    public void BatteryThreshold_NewMunicipality_Is20()
    {
        var municipality = new Municipality("Linköping", "linkoping", isDemo: false);

        municipality.BatteryThreshold.ShouldBe(20);
        Municipality.DefaultBatteryThreshold.ShouldBe(20);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(35)]
    [InlineData(90)]
    public void ChangeBatteryThreshold_WithinBounds_Changes(int percent)
    {
        var municipality = new Municipality("Linköping", "linkoping", isDemo: false);

        municipality.ChangeBatteryThreshold(percent);

        municipality.BatteryThreshold.ShouldBe(percent);
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(0)]
    [InlineData(91)]
    [InlineData(100)]
    public void ChangeBatteryThreshold_OutOfBounds_ThrowsValidationAndKeepsOld(int percent)
    {
        var municipality = new Municipality("Linköping", "linkoping", isDemo: false);
        municipality.ChangeBatteryThreshold(25);

        Should.Throw<ValidationFailedException>(() => municipality.ChangeBatteryThreshold(percent))
            .ShouldBeSingleError("BatteryThreshold", "Gränsen för lågt batteri ska vara mellan 1 och 90 %.");
        municipality.BatteryThreshold.ShouldBe(25);
    }
}
