using Nyckelfri.Common;

namespace Nyckelfri.Devices;

/// <summary>One reported battery level. Append-only: the forecast reads the recent ones.</summary>
public sealed class BatteryReading
{
    private BatteryReading() { }

    public BatteryReading(Device device, int level, DateTime at)
    {
        MunicipalityId = device.MunicipalityId;
        DeviceId = device.Id;
        Level = level;
        At = at;
    }

    public long Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid DeviceId { get; private set; }
    public int Level { get; private set; }
    public DateTime At { get; private set; }
}

/// <summary>
/// A simple forecast of how many days a battery has left: the least-squares drain per day over the
/// readings since the battery was last changed (a rise of <see cref="ChangeJump"/> points or more),
/// within the last <see cref="Window"/>. Unknown (null) with fewer than two readings a day apart, or
/// when the level is not falling.
/// </summary>
public sealed record BatteryForecast(double? DrainPerDay, int? DaysLeft, DateOnly? EmptyOn)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(120);
    public const int ChangeJump = 10;
    private static readonly BatteryForecast Unknown = new(null, null, null);

    public static BatteryForecast From(IEnumerable<(DateTime At, int Level)> readings, DateTime now)
    {
        var recent = readings.Where(r => r.At >= now - Window && r.At <= now).OrderBy(r => r.At).ToList();
        // Only the readings since the last battery change describe this battery.
        for (var i = recent.Count - 1; i > 0; i--)
        {
            if (recent[i].Level - recent[i - 1].Level >= ChangeJump) { recent = recent[i..]; break; }
        }
        if (recent.Count < 2 || (recent[^1].At - recent[0].At).TotalDays < 1) return Unknown;

        var origin = recent[0].At;
        var xs = recent.Select(r => (r.At - origin).TotalDays).ToList();
        var ys = recent.Select(r => (double)r.Level).ToList();
        var meanX = xs.Average();
        var meanY = ys.Average();
        var covariance = xs.Zip(ys, (x, y) => (x - meanX) * (y - meanY)).Sum();
        var variance = xs.Sum(x => (x - meanX) * (x - meanX));
        var slope = covariance / variance;
        if (slope > -0.01) return Unknown with { DrainPerDay = Math.Max(0, -slope) };

        var drain = -slope;
        var last = recent[^1];
        var daysLeft = Math.Max(0, last.Level / drain - (now - last.At).TotalDays);
        var whole = (int)Math.Floor(daysLeft);
        return new BatteryForecast(Math.Round(drain, 2), whole, DateOnly.FromDateTime(SwedishTime.ToLocal(now)).AddDays(whole));
    }
}

public enum PendingTaskKind { BatteryChange }

public enum PendingTaskStatus { Open, Done }

/// <summary>
/// Work that a rule opened and a person must do, waiting for the work-order inbox (issue 4). For now
/// one kind: a battery below the municipality's threshold opens a battery change for the provider
/// unit that serves the household (seed 002 §8: the provider changes batteries). At most one open
/// task per device and kind (a unique index backs this up).
/// </summary>
public sealed class PendingTask : Entity
{
    private PendingTask() { }

    public PendingTask(Device device, PendingTaskKind kind, Guid? unitId, int level, DateTime openedAt)
    {
        MunicipalityId = device.MunicipalityId;
        DeviceId = device.Id;
        Kind = kind;
        UnitId = unitId;
        Level = level;
        OpenedAt = openedAt;
        Status = PendingTaskStatus.Open;
    }

    public PendingTaskKind Kind { get; private set; }
    public Guid DeviceId { get; private set; }
    public Device? Device { get; private set; }

    /// <summary>The provider unit expected to do it; null when no unit serves the household today.</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>The battery level that opened the task.</summary>
    public int Level { get; private set; }
    public DateTime OpenedAt { get; private set; }
    public PendingTaskStatus Status { get; private set; }
    public DateTime? DoneAt { get; private set; }
    public string? DoneBy { get; private set; }
    public string? Note { get; private set; }

    public void Complete(string doneBy, DateTime at, string? note)
    {
        if (Status != PendingTaskStatus.Open)
            throw new RuleViolationException("task-closed", "Uppgiften är redan klar.");
        Status = PendingTaskStatus.Done;
        DoneAt = at;
        DoneBy = doneBy;
        Note = note;
    }

    public static string SwedishName(PendingTaskKind kind) => kind switch
    {
        PendingTaskKind.BatteryChange => "Batteribyte",
        _ => kind.ToString(),
    };
}
