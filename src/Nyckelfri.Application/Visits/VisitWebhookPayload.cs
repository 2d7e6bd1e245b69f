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
        var payload = new VisitWebhookPayload(VisitEnded, visit.Id, visit.ClientId, visit.EmployeeId, visit.UnitId,
            visit.Source.ToString(), Instant(visit.StartedAt), Instant(ended),
            (long)Math.Round((ended - visit.StartedAt).TotalSeconds));
        return JsonSerializer.Serialize(payload);
    }

    /// <summary>ISO 8601 in UTC to the second: "2026-11-23T08:15:00Z".</summary>
    private static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
