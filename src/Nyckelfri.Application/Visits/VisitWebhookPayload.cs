using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nyckelfri.Access;

namespace Nyckelfri.Visits;

/// <summary>
/// What the visit webhook posts (docs/visits.md): ids, source and times, never a name or a
/// personnummer. The receiver looks the people up in its own system by the ids it was given.
/// </summary>
public sealed record VisitWebhookPayload(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("visitId")] Guid VisitId,
    [property: JsonPropertyName("clientId")] Guid ClientId,
    [property: JsonPropertyName("employeeId")] Guid EmployeeId,
    [property: JsonPropertyName("unitId")] Guid? UnitId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("startedAt")] string StartedAt,
    [property: JsonPropertyName("endedAt")] string EndedAt,
    [property: JsonPropertyName("durationSeconds")] long DurationSeconds)
{
    public const string VisitEnded = "visit.ended";

    public static string Json(Visit visit)
    {
        if (visit.EndedAt is not { } ended) throw new InvalidOperationException("Only a finished visit is posted.");
        // Both times are sent to the whole second, and the duration is their difference, so a receiver that
        // subtracts the two gets exactly durationSeconds (rounding the exact difference could differ by one).
        var started = WholeSecond(visit.StartedAt);
        var endedAt = WholeSecond(ended);
        var payload = new VisitWebhookPayload(VisitEnded, visit.Id, visit.ClientId, visit.EmployeeId, visit.UnitId,
            visit.Source.ToString(), Instant(started), Instant(endedAt), (long)(endedAt - started).TotalSeconds);
        return JsonSerializer.Serialize(payload);
    }

    private static DateTime WholeSecond(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, utc.Kind);

    /// <summary>ISO 8601 in UTC to the second: "2026-11-23T08:15:00Z".</summary>
    private static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
