using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// The checks every API area repeats: a 201 pointing at the new record, a 400 naming one field in
/// Swedish, a 409 for a stale version, the history of a record, and whether anything was stored.
/// </summary>
internal static class ApiChecks
{
    public const string StaleVersionMessage = "Någon annan har ändrat uppgifterna";

    /// <summary>Checks a 201 whose Location is <paramref name="collection"/>/{id} and returns its body.</summary>
    public static async Task<JsonElement> ShouldBeCreatedAt(this HttpResponseMessage response, string collection)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.Headers.Location!.ToString().ShouldBe($"{collection}/{body.Id()}");
        return body;
    }

    /// <summary>Checks a 200 and returns its body.</summary>
    public static async Task<JsonElement> ShouldBeOk(this HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Checks a 400 ProblemDetails carrying <paramref name="message"/> under the camelCase <paramref name="field"/>.</summary>
    public static async Task ShouldBeFieldError(this HttpResponseMessage response, string field, string message)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        errors.TryGetProperty(field, out var messages).ShouldBeTrue(text);
        messages.EnumerateArray().Select(m => m.GetString()).ShouldContain(message);
    }

    public static async Task ShouldBeStaleVersionConflict(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
        text.ShouldContain(StaleVersionMessage);
    }

    public static Guid Id(this JsonElement body) => body.GetProperty("id").GetGuid();

    public static int Version(this JsonElement body) => body.GetProperty("version").GetInt32();

    public static string? Text(this JsonElement body, string property) => body.GetProperty(property).GetString();

    /// <summary>The ids of a page's items (a list endpoint's <c>items</c>).</summary>
    public static async Task<List<Guid>> IdsOf(this HttpClient api, string listUrl)
    {
        var page = await api.GetFromJsonAsync<JsonElement>(listUrl);
        return page.GetProperty("items").EnumerateArray().Select(i => i.Id()).ToList();
    }

    /// <summary>A record's history (from <paramref name="historyUrl"/>), oldest line first.</summary>
    public static async Task<List<HistoryLine>> HistoryOf(this HttpClient api, string historyUrl)
    {
        var lines = await api.GetFromJsonAsync<JsonElement>(historyUrl);
        return lines.EnumerateArray()
            .Select(l => new HistoryLine(l.Text("action")!, l.GetProperty("changes").EnumerateArray()
                .Select(c => new Change(c.Text("field")!, c.Text("before"), c.Text("after"))).ToList()))
            .Reverse()
            .ToList();
    }

    /// <summary>Checks that the history is a Created line, then an Updated line that changed <paramref name="field"/> to <paramref name="after"/>.</summary>
    public static async Task ShouldShowCreatedThenUpdated(this HttpClient api, string historyUrl, string field, string after)
    {
        var history = await api.HistoryOf(historyUrl);
        history.Select(h => h.Action).ShouldBe([Nyckelfri.History.AuditActions.Created, Nyckelfri.History.AuditActions.Updated]);
        history[1].Changes.ShouldContain(c => c.Field == field && c.After == after);
    }

    /// <summary>Everything stored, as <see cref="DatabaseFingerprint"/> sums it up.</summary>
    public static async Task<string> FingerprintAsync(this NyckelfriApp app)
    {
        await using var db = app.SystemContext();
        return await DatabaseFingerprint.TakeAsync(db);
    }

    /// <summary>A valid organisation number from its first nine digits: NNNNNN-NNNN with the Luhn check digit.</summary>
    public static string OrganizationNumber(string nine) =>
        $"{nine[..6]}-{nine[6..]}{Nyckelfri.Clients.PersonalIdentityNumber.CheckDigitFor(nine)}";

    /// <summary>The same number with the check digit one off.</summary>
    public static string WithWrongCheckDigit(string number) =>
        number[..^1] + (char)('0' + (number[^1] - '0' + 1) % 10);

    /// <summary>A valid personnummer (12 digits) from a birth date and a serial (see ClientsApiTests).</summary>
    public static string PersonalIdentityNumber(string birth, string serial) =>
        birth + serial + Nyckelfri.Clients.PersonalIdentityNumber.CheckDigitFor(birth[2..] + serial);
}

internal sealed record HistoryLine(string Action, List<Change> Changes);

internal sealed record Change(string Field, string? Before, string? After);

internal static class RefusedUploadNotices
{
    /// <summary>
    /// Reads and then deletes the access-log lines that record refused uploads of the lock's events
    /// (reason "events-refused-…"), so that a test can show the refusal was recorded and that nothing
    /// else changed (a fingerprint taken before equals one taken after).
    /// </summary>
    public static async Task<List<Nyckelfri.Access.AccessEvent>> TakeRefusalNoticesAsync(this NyckelfriApp app, Guid lockId)
    {
        await using var db = app.SystemContext();
        var notices = await db.AccessEvents.Where(e => e.LockId == lockId && e.ReasonCode != null && e.ReasonCode.StartsWith("events-refused-"))
            .OrderBy(e => e.RecordedAt).ThenBy(e => e.ReasonCode).ToListAsync();
        db.AccessEvents.RemoveRange(notices);
        await db.SaveChangesAsync();
        return notices;
    }
}
