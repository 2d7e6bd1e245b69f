using Nyckelfri.Devices;

namespace Nyckelfri.UnitTests.Devices;

public class BatteryForecastTests
{
    /// <summary>11:00 in Sweden on the unit tests' today.</summary>
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    private static (DateTime At, int Level) DaysAgo(double days, int level) => (Now.AddDays(-days), level);

    private static void ShouldBeUnknown(BatteryForecast forecast)
    {
        forecast.DaysLeft.ShouldBeNull();
        forecast.EmptyOn.ShouldBeNull();
    }

    [Fact]
    public void From_SteadyDrainOfOnePointADay_SixtyDaysLeftFromTheLastReading()
    {
        var forecast = BatteryForecast.From([DaysAgo(20, 80), DaysAgo(10, 70), DaysAgo(0, 60)], Now);

        forecast.DrainPerDay.ShouldBe(1.0);
        forecast.DaysLeft.ShouldBe(60);
        forecast.EmptyOn.ShouldBe(TestClock.Today.AddDays(60));
    }

    [Fact]
    public void From_LastReadingSomeDaysAgo_CountsThoseDaysAsDrained()
    {
        var forecast = BatteryForecast.From([DaysAgo(25, 80), DaysAgo(15, 70), DaysAgo(5, 60)], Now);

        forecast.DaysLeft.ShouldBe(55);
        forecast.EmptyOn.ShouldBe(TestClock.Today.AddDays(55));
    }

    [Fact]
    public void From_ReadingsInAnyOrder_SameForecast()
    {
        var forecast = BatteryForecast.From([DaysAgo(0, 60), DaysAgo(20, 80), DaysAgo(10, 70)], Now);

        forecast.DaysLeft.ShouldBe(60);
    }

    [Fact]
    public void From_PartDayLeft_RoundsDaysDown()
    {
        // 2.5 points a day from 50: 20 days exactly; 49 gives 19.6 days, shown as 19.
        var forecast = BatteryForecast.From([DaysAgo(2, 54), DaysAgo(0, 49)], Now);

        forecast.DrainPerDay.ShouldBe(2.5);
        forecast.DaysLeft.ShouldBe(19);
    }

    [Fact]
    public void From_BatteryChangedMidSeries_OnlyReadingsSinceTheChangeCount()
    {
        // The old battery drained 1 a day; the new one 5 a day since it went in.
        var forecast = BatteryForecast.From(
            [DaysAgo(30, 40), DaysAgo(20, 30), DaysAgo(10, 20), DaysAgo(2, 100), DaysAgo(0, 90)], Now);

        forecast.DrainPerDay.ShouldBe(5.0);
        forecast.DaysLeft.ShouldBe(18);
    }

    [Fact]
    public void From_JumpOfExactlyTen_TreatedAsBatteryChange()
    {
        var forecast = BatteryForecast.From([DaysAgo(3, 60), DaysAgo(2, 50), DaysAgo(1, 60), DaysAgo(0, 50)], Now);

        forecast.DrainPerDay.ShouldBe(10.0);
        forecast.DaysLeft.ShouldBe(5);
    }

    [Fact]
    public void From_JumpOfNine_NotABatteryChangeSoTheWholeSeriesCounts()
    {
        var forecast = BatteryForecast.From([DaysAgo(3, 59), DaysAgo(2, 50), DaysAgo(1, 59), DaysAgo(0, 50)], Now);

        forecast.DrainPerDay.ShouldBe(1.8);
        forecast.DaysLeft.ShouldBe(27);
    }

    [Fact]
    public void From_BatteryJustChanged_UnknownUntilTheNewOneHasTwoReadings()
    {
        var forecast = BatteryForecast.From([DaysAgo(20, 30), DaysAgo(10, 20), DaysAgo(0, 100)], Now);

        ShouldBeUnknown(forecast);
        forecast.DrainPerDay.ShouldBeNull();
    }

    [Fact]
    public void From_NoReadings_Unknown()
    {
        var forecast = BatteryForecast.From([], Now);

        ShouldBeUnknown(forecast);
        forecast.DrainPerDay.ShouldBeNull();
    }

    [Fact]
    public void From_OneReading_Unknown() =>
        ShouldBeUnknown(BatteryForecast.From([DaysAgo(3, 60)], Now));

    [Fact]
    public void From_ReadingsLessThanADayApart_Unknown() =>
        ShouldBeUnknown(BatteryForecast.From([DaysAgo(0.9, 70), DaysAgo(0.5, 60), DaysAgo(0, 50)], Now));

    [Fact]
    public void From_ReadingsExactlyADayApart_Forecast() =>
        BatteryForecast.From([DaysAgo(1, 60), DaysAgo(0, 50)], Now).DaysLeft.ShouldBe(5);

    [Fact]
    public void From_FlatSeries_UnknownDaysLeftAndNoDrain()
    {
        var forecast = BatteryForecast.From([DaysAgo(20, 70), DaysAgo(10, 70), DaysAgo(0, 70)], Now);

        ShouldBeUnknown(forecast);
        forecast.DrainPerDay.ShouldBe(0);
    }

    [Fact]
    public void From_RisingSeries_UnknownDaysLeftAndNoDrain()
    {
        var forecast = BatteryForecast.From([DaysAgo(20, 60), DaysAgo(10, 64), DaysAgo(0, 68)], Now);

        ShouldBeUnknown(forecast);
        forecast.DrainPerDay.ShouldBe(0);
    }

    [Fact]
    public void From_ReadingsOlderThanTheWindow_Ignored()
    {
        // A full battery 200 days ago would flatten the line to well under 1 a day.
        var forecast = BatteryForecast.From(
            [DaysAgo(200, 100), DaysAgo(130, 99), DaysAgo(20, 80), DaysAgo(10, 70), DaysAgo(0, 60)], Now);

        forecast.DrainPerDay.ShouldBe(1.0);
        forecast.DaysLeft.ShouldBe(60);
    }

    [Fact]
    public void From_OnlyReadingsOlderThanTheWindow_Unknown() =>
        ShouldBeUnknown(BatteryForecast.From([DaysAgo(200, 80), DaysAgo(150, 60)], Now));

    [Fact]
    public void From_ReadingsAfterNow_Ignored()
    {
        var forecast = BatteryForecast.From([DaysAgo(20, 80), DaysAgo(10, 70), DaysAgo(0, 60), DaysAgo(-5, 0)], Now);

        forecast.DaysLeft.ShouldBe(60);
    }

    [Fact]
    public void From_LastReadingLongAgoWithSteepDrain_ZeroDaysLeftNeverNegative()
    {
        var forecast = BatteryForecast.From([DaysAgo(40, 20), DaysAgo(35, 10)], Now);

        forecast.DrainPerDay.ShouldBe(2.0);
        forecast.DaysLeft.ShouldBe(0);
        forecast.EmptyOn.ShouldBe(TestClock.Today);
    }

    [Fact]
    public void From_EmptyBattery_ZeroDaysLeft() =>
        BatteryForecast.From([DaysAgo(2, 4), DaysAgo(0, 0)], Now).DaysLeft.ShouldBe(0);

    [Fact]
    public void From_EveningInSweden_EmptyOnCountsFromTheSwedishDate()
    {
        // 23:30 UTC on 22 November is already 23 November in Sweden.
        var lateNow = new DateTime(2026, 11, 22, 23, 30, 0, DateTimeKind.Utc);

        var forecast = BatteryForecast.From([(lateNow.AddDays(-10), 70), (lateNow, 60)], lateNow);

        forecast.DaysLeft.ShouldBe(60);
        forecast.EmptyOn.ShouldBe(new DateOnly(2026, 11, 23).AddDays(60));
    }
}
