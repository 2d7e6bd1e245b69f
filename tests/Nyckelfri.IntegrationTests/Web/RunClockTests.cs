using Nyckelfri.Common;
using Nyckelfri.Testing;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>The run's clock keeps a run away from Swedish midnight (see <see cref="RunClock"/>).</summary>
public sealed class RunClockTests
{
    [Theory]
    [InlineData("2026-12-07T08:00:00", 0)]          // 09:00 in Stockholm (winter, UTC+1)
    [InlineData("2026-12-07T19:59:59", 0)]          // 20:59:59
    [InlineData("2026-12-07T20:00:00", 9 * 3600)]   // 21:00 → 06:00 the next day
    [InlineData("2026-12-07T22:59:00", 6 * 3600 + 60)] // 23:59 → 06:00
    [InlineData("2026-06-15T19:30:00", 8 * 3600 + 1800)] // 21:30 summer time (UTC+2) → 06:00
    [InlineData("2026-03-28T20:00:00", 8 * 3600)]   // 21:00 on the eve of summer time: the night is an hour shorter
    public void OffsetFor_TimeOfDay_IsZeroOrReachesSixTheNextMorning(string utc, int seconds)
    {
        var now = DateTimeOffset.Parse(utc + "Z", System.Globalization.CultureInfo.InvariantCulture);

        var offset = RunClock.OffsetFor(now);

        offset.ShouldBe(TimeSpan.FromSeconds(seconds));
        var local = TimeZoneInfo.ConvertTime(now + offset, SwedishTime.Zone);
        if (seconds > 0) (local.Hour, local.Minute).ShouldBe((6, 0));
    }

    [Fact]
    public void TestClock_NotPinned_RunsOnTheRunsClock_AndAPinWins()
    {
        var clock = new TestClock();
        (clock.GetUtcNow() - RunClock.Now).Duration().ShouldBeLessThan(TimeSpan.FromSeconds(5));
        var pinned = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        clock.Now = pinned;
        clock.GetUtcNow().ShouldBe(pinned);
    }
}
