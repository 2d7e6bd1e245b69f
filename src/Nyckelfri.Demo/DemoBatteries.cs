using Nyckelfri.Common;
using Nyckelfri.Devices;

namespace Nyckelfri.Demo;

/// <summary>
/// Weekly battery reports from every lock unit on a door over the last nine weeks, each battery
/// draining 0.1–0.6 % a day (a few hungry locks more), so that most are fine, some are below the
/// municipality's threshold and a few more will be empty within a month. Where a level would have
/// been above 100 % the battery was changed during the period. A battery below the threshold has
/// an open battery-change task for the unit serving the home; a changed battery that had fallen
/// below it has a completed one.
/// </summary>
internal sealed class DemoBatteries(DemoUnitStaff staff, DemoRandom random, DateTime now, int threshold)
{
    public const int Weeks = 9;

    private enum Profile { Normal, Low, Hungry }

    private readonly List<BatteryReading> _readings = [];
    private readonly List<PendingTask> _tasks = [];

    public sealed record Result(List<BatteryReading> Readings, List<PendingTask> Tasks);

    public Result Create(IEnumerable<Device> devices, IReadOnlyDictionary<Guid, DemoHome> homes)
    {
        var locks = devices.Where(d => d.Kind == DeviceKind.LockUnit && d.IsMounted).ToList();
        var today = DateOnly.FromDateTime(SwedishTime.ToLocal(now));
        // Low and hungry batteries only where a unit serves the home and the lock has hung there a while.
        var candidates = locks.Where(d => homes[d.HouseholdId!.Value].ServingUnitId is not null && d.InstalledOn < today.AddDays(-120)).ToList();
        random.Shuffle(candidates);
        var low = candidates.Take(random.Between(12, 18)).ToHashSet();
        var hungry = candidates.Skip(low.Count).Take(random.Between(3, 5)).ToHashSet();

        foreach (var device in locks)
        {
            var profile = low.Contains(device) ? Profile.Low : hungry.Contains(device) ? Profile.Hungry : Profile.Normal;
            Report(device, homes[device.HouseholdId!.Value], profile);
        }
        return new Result(_readings, _tasks);
    }

    private void Report(Device device, DemoHome home, Profile profile)
    {
        var (level, drain) = profile switch
        {
            Profile.Low => (random.Between(4, 19), random.Between(25, 60) / 100.0),
            // Empty within a month, though still above the threshold: the forecast warns before the task opens.
            Profile.Hungry => Hungry(),
            _ => (random.Between(30, 100), random.Between(10, 60) / 100.0),
        };
        var installed = device.InstalledOn!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var sinceInstall = (now - installed).TotalDays;
        // A lock put up recently started with a fresh battery.
        if (sinceInstall < Weeks * 7) level = Math.Min(level, (int)Math.Round(100 - drain * sinceInstall));

        // Most batteries are changed on a routine visit before they run low; some only once the task opened.
        var levelAtChange = random.Chance(0.2) ? random.Between(8, 19) : random.Between(20, 35);
        var battery = new Battery(level, drain, levelAtChange, random.Between(20, 60) / 100.0);
        var series = Enumerable.Range(0, Weeks)
            .Select(week => Weeks - 1 - week)
            .Select(weeksAgo => now.AddDays(-7 * weeksAgo).AddHours(weeksAgo == 0 ? -random.Between(1, 6) : -random.Between(0, 20)))
            .Where(at => at >= installed)
            .Select(at => (At: at, Level: battery.LevelAt((now - at).TotalDays, random)))
            .ToList();
        foreach (var (at, value) in series)
        {
            _readings.Add(new BatteryReading(device, value, at));
            device.ReportBattery(value, at);
        }
        // As a report through the API does: keep the forecast's empty date, so the low-battery list
        // also shows the batteries that are still above the threshold but will soon run out.
        device.ForecastBattery(series, now);
        AddTasks(device, home, series);
    }

    private (int Level, double Drain) Hungry()
    {
        var drain = random.Between(90, 120) / 100.0;
        return (random.Between(21, (int)(drain * 28)), drain);
    }

    /// <summary>
    /// A task opens at the first report below the threshold and is done when the battery was changed
    /// (the next report jumps up). Homes no unit serves any more have no tasks.
    /// </summary>
    private void AddTasks(Device device, DemoHome home, List<(DateTime At, int Level)> series)
    {
        if (home.ServingUnitId is not { } unit) return;
        PendingTask? open = null;
        for (var i = 0; i < series.Count; i++)
        {
            if (open is not null && series[i].Level - series[i - 1].Level >= BatteryForecast.ChangeJump)
            {
                var doneAt = series[i].At.AddHours(-random.Between(4, 48));
                open.Complete(staff.NameAt(unit, DateOnly.FromDateTime(doneAt)), doneAt, "Batteriet bytt.");
                open = null;
            }
            if (open is null && series[i].Level < threshold)
            {
                open = new PendingTask(device, PendingTaskKind.BatteryChange, unit, series[i].Level, series[i].At);
                _tasks.Add(open);
            }
        }
    }

    /// <summary>
    /// The level a given number of days ago: the present battery's level counted back at its drain;
    /// before it was fitted (where that would pass 100 %), the previous battery, run down to
    /// <see cref="LevelAtChange"/> when it was replaced.
    /// </summary>
    private sealed record Battery(int Level, double Drain, int LevelAtChange, double PreviousDrain)
    {
        public int LevelAt(double daysAgo, DemoRandom random)
        {
            var noise = daysAgo < 1 ? 0 : random.Between(-1, 1);
            var present = Level + Drain * daysAgo;
            if (present <= Device.MaxBatteryLevel) return Clamp(present + noise);
            var changedDaysAgo = (Device.MaxBatteryLevel - Level) / Drain;
            return Clamp(LevelAtChange + PreviousDrain * (daysAgo - changedDaysAgo) + noise);
        }

        private static int Clamp(double level) => (int)Math.Clamp(Math.Round(level), 0, Device.MaxBatteryLevel);
    }
}
