using Nyckelfri.Common;

namespace Nyckelfri.Testing;

/// <summary>
/// The clock a test run gives the app: the machine's time, moved forward to 06:00 the next Swedish day
/// when the run starts within three hours of Swedish midnight. No run then sees "today" change under it
/// (a test computes a date, the app computes it again a moment later, and midnight fell between). Shared
/// by the integration and browser tests (linked into both projects).
/// </summary>
public sealed class RunClock : TimeProvider
{
    /// <summary>How far this run's clock is ahead of the machine's: zero, except near Swedish midnight.</summary>
    public static readonly TimeSpan Offset = OffsetFor(System.GetUtcNow());

    public static RunClock Instance { get; } = new();

    /// <summary>Now, on this run's clock.</summary>
    public static DateTimeOffset Now => System.GetUtcNow() + Offset;

    /// <summary>The Swedish date on this run's clock: the app's "today".</summary>
    public static DateOnly Today => Instance.Today();

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Zero before 21:00 Swedish time; from then, the way to 06:00 the next morning.</summary>
    public static TimeSpan OffsetFor(DateTimeOffset utc)
    {
        var local = TimeZoneInfo.ConvertTime(utc, SwedishTime.Zone).DateTime;
        if (local.Hour < 21) return TimeSpan.Zero;
        var nextMorning = SwedishTime.ToUtc(local.Date.AddDays(1).AddHours(6));
        return nextMorning - utc.UtcDateTime;
    }
}
