using Microsoft.EntityFrameworkCore;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;

namespace Nyckelfri.Batteries;

/// <summary>
/// Battery levels reported by the lock platform or the app, a batch at a time. The whole batch is
/// checked first and nothing is kept if any reading is wrong, so a sender can correct and resend it.
/// Every reading is kept; each device's current level and forecast follow its newest one; a level
/// below the municipality's threshold opens a battery change for the unit serving the home, and a
/// level at or above it closes the one that is open (seed 002 §8). A reading already stored (the
/// same device and moment: a resent batch) is skipped, so resending is harmless.
/// </summary>
public sealed class ReportBatteryLevels(NyckelfriDbContext db, BatteryChangeRule rule) : IHandler
{
    public const int MaxReadings = 500;
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(5);

    /// <summary>A lock offline for longer than this would not hold a reading worth keeping.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(365);

    public sealed class Command
    {
        public List<Reading?>? Readings { get; set; }
    }

    public sealed class Reading
    {
        public string? SerialNumber { get; set; }

        /// <summary>Percent, 0–100.</summary>
        public int? Level { get; set; }

        /// <summary>When the device measured it (ISO 8601 with offset, e.g. "2026-11-22T10:00:00Z"); the time of the report when left out.</summary>
        public DateTimeOffset? ReportedAt { get; set; }
    }

    /// <summary>Readings kept, readings skipped as already stored, battery changes opened and closed.</summary>
    public sealed record Result(int Accepted, int AlreadyStored, int TasksOpened, int TasksClosed);

    private sealed record Valid(Device Device, int Level, DateTime At);

    public async Task<Result> Handle(Command command, CancellationToken ct)
    {
        var now = Truncate(db.Clock.UtcNow());
        var readings = await Check(command, now, ct);

        var deviceIds = readings.Select(r => r.Device.Id).Distinct().ToList();
        var since = new[] { now - BatteryForecast.Window, readings.Min(r => r.At) }.Min();
        var earlier = (await db.BatteryReadings.AsNoTracking()
                .Where(r => deviceIds.Contains(r.DeviceId) && r.At >= since)
                .Select(r => new { r.DeviceId, r.At, r.Level })
                .ToListAsync(ct))
            .ToLookup(r => r.DeviceId, r => (r.At, r.Level));

        var fresh = readings.Where(r => !earlier[r.Device.Id].Any(e => e.At == r.At)).OrderBy(r => r.At).ToList();
        var becameCurrent = new HashSet<Device>();
        foreach (var r in fresh)
        {
            if (r.Device.ReportBattery(r.Level, r.At)) becameCurrent.Add(r.Device);
            db.BatteryReadings.Add(new BatteryReading(r.Device, r.Level, r.At));
        }
        foreach (var device in fresh.Select(r => r.Device).Distinct())
            device.ForecastBattery(earlier[device.Id].Concat(fresh.Where(r => r.Device == device).Select(r => (r.At, r.Level))), now);

        // Only a new current level says something new about the battery: a delayed older reading
        // must not reopen a change that was just done.
        var (opened, closed) = await rule.Follow(becameCurrent, now, ct);
        await db.SaveChangesAsync(ct);
        return new Result(fresh.Count, readings.Count - fresh.Count, opened, closed);
    }

    /// <summary>Checks every reading and finds its device; throws all the errors of the batch together.</summary>
    private async Task<List<Valid>> Check(Command command, DateTime now, CancellationToken ct)
    {
        var v = new Validator();
        var input = command.Readings ?? [];
        if (input.Count == 0) v.Add(nameof(Command.Readings), "Ange minst en batterinivå.");
        if (input.Count > MaxReadings) v.Add(nameof(Command.Readings), $"Högst {MaxReadings} batterinivåer per anrop.");
        v.ThrowIfInvalid();

        var parsed = new List<(string Field, string? Serial, int? Level, DateTime? At)>();
        var seen = new Dictionary<(string, DateTime), string>();
        for (var i = 0; i < input.Count; i++)
        {
            var field = $"{nameof(Command.Readings)}[{i}]";
            if (input[i] is not { } reading)
            {
                v.Add(field, "Avläsningen saknas.");
                continue;
            }
            var serial = DeviceNumbers.Serial(v, $"{field}.{nameof(Reading.SerialNumber)}", reading.SerialNumber);
            var level = Level(v, $"{field}.{nameof(Reading.Level)}", reading.Level);
            var at = Time(v, $"{field}.{nameof(Reading.ReportedAt)}", reading.ReportedAt, now);
            if (serial is not null && at is { } moment && !seen.TryAdd((serial, moment), field))
                v.Add($"{field}.{nameof(Reading.ReportedAt)}",
                    $"Samma enhet och tidpunkt finns redan i anropet ({seen[(serial, moment)]}).");
            parsed.Add((field, serial, level, at));
        }

        var serials = parsed.Where(p => p.Serial is not null).Select(p => p.Serial!).Distinct().ToList();
        var devices = await db.Devices.Where(d => serials.Contains(d.SerialNumber)).ToDictionaryAsync(d => d.SerialNumber, ct);
        foreach (var (field, serial, _, _) in parsed.Where(p => p.Serial is not null))
        {
            var serialField = $"{field}.{nameof(Reading.SerialNumber)}";
            if (!devices.TryGetValue(serial!, out var device)) v.Add(serialField, $"Ingen enhet med serienummer {serial} finns.");
            else if (device.Status == DeviceStatus.Scrapped) v.Add(serialField, $"Enheten {serial} är skrotad och rapporterar inga batterinivåer.");
        }
        v.ThrowIfInvalid();
        return parsed.Select(p => new Valid(devices[p.Serial!], p.Level!.Value, p.At!.Value)).ToList();
    }

    private static int? Level(Validator v, string field, int? level)
    {
        if (level is null) v.Add(field, "Batterinivå måste anges.");
        else if (level is < 0 or > Device.MaxBatteryLevel) v.Add(field, "Batterinivån ska vara mellan 0 och 100 %.");
        else return level;
        return null;
    }

    private static DateTime? Time(Validator v, string field, DateTimeOffset? reportedAt, DateTime now)
    {
        if (reportedAt is null) return now;
        var at = Truncate(reportedAt.Value.UtcDateTime);
        if (at > now + MaxAhead) v.Add(field, "Tidpunkten får ligga högst 5 minuter fram i tiden.");
        else if (at < now - MaxAge) v.Add(field, "Tidpunkten får ligga högst ett år bakåt i tiden.");
        else return at;
        return null;
    }

    // Whole milliseconds: what both databases store exactly, so a resent reading is recognised.
    private static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
