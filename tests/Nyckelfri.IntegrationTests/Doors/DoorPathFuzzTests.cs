using Nyckelfri.Testing;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Xunit.Abstractions;

namespace Nyckelfri.IntegrationTests.Doors;

/// <summary>
/// Bounded input on the door path (issue 12 item 2): thousands of malformed and extreme requests, from a
/// fixed seed so that a failure can be replayed, against credentials, break-glass, lock sync and status
/// reads and NFC scans, as a staff login and as an administrator. None may answer 500; every refusal is
/// RFC 9457 ProblemDetails; and since no request names a real lock or tag, the database is exactly as it
/// was. (The event upload is fuzzed with protocol v2.) On SQLite and PostgreSQL.
/// </summary>
[Collection(AppCollections.Access)]
public sealed class DoorPathFuzzTests(AppFixture fixture, ITestOutputHelper output)
{
    private const int Requests = 2000;
    private const int Seed = 20261207;

    [DatabaseTheory, DatabaseProviders]
    public async Task MalformedAndExtremeRequests_NeverA500_AlwaysProblemDetails_AndNothingChanges(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var phone = await app.ApiAsUser(door.UserName);
        var admin = await app.ApiAs(Nyckelfri.Identity.Roles.SystemAdministrator);
        // The issuer key is made on first use; make it now so that the fingerprint does not count it.
        await phone.GetAsync("/api/v1/revocation-list");
        var before = await app.FingerprintAsync();
        var random = new Random(Seed);
        var statuses = new Dictionary<int, int>();
        var failures = new List<string>();

        for (var i = 0; i < Requests; i++)
        {
            var (method, path, body, contentType) = NextRequest(random);
            using var request = new HttpRequestMessage(method, path);
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType);
            using var response = await (random.Next(4) == 0 ? admin : phone).SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
                failures.Add($"#{i} {method} {path} {Shorten(body)} → {status}: {Shorten(await response.Content.ReadAsStringAsync())}");
            else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"#{i} {method} {path} {Shorten(body)} → {status} as {response.Content.Headers.ContentType?.MediaType ?? "(no body)"}");
        }

        output.WriteLine($"{provider}: {Requests} requests, seed {Seed}: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}")));
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures.Take(20)));
        await app.TakeRefusalNoticesAsync(door.LockId); // refused uploads are recorded as such; nothing else may change
        (await app.FingerprintAsync()).ShouldBe(before);
    }

    private static (HttpMethod Method, string Path, string? Body, string ContentType) NextRequest(Random random)
    {
        var json = "application/json";
        return random.Next(7) switch
        {
            0 => (HttpMethod.Post, "/api/v1/credentials", Body(random, ["lockId", "digitalKeyId", "holderPublicKey"]), json),
            1 => (HttpMethod.Post, "/api/v1/break-glass", Body(random, ["lockId", "reason", "minutes", "digitalKeyId", "holderPublicKey"]), json),
            2 => (HttpMethod.Post, "/api/v1/nfc-scans", Body(random, ["tagId", "scannedAt"]), json),
            3 => (HttpMethod.Get, $"/api/v1/locks/{PathSegment(random)}/sync", null, json),
            4 => (HttpMethod.Get, $"/api/v1/locks/{PathSegment(random)}/permissions", null, json),
            5 => (HttpMethod.Post, random.Next(2) == 0 ? "/api/v1/credentials" : "/api/v1/break-glass", Garbage(random),
                random.Next(3) == 0 ? "text/plain" : json),
            _ => (HttpMethod.Post, "/api/v1/nfc-scans", Garbage(random), json),
        };
    }

    /// <summary>An object with some of the fields (and some strangers), each of a random, often wrong, kind.</summary>
    private static string Body(Random random, string[] fields)
    {
        var parts = new List<string>();
        foreach (var field in fields.Append("unknownField" + random.Next(3)))
            if (random.Next(4) != 0) parts.Add($"\"{(random.Next(10) == 0 ? field.ToUpperInvariant() : field)}\":{Value(random, 0)}");
        return "{" + string.Join(",", parts) + "}";
    }

    private static string Value(Random random, int depth) => random.Next(depth > 2 ? 14 : 17) switch
    {
        0 => "null",
        1 => random.Next(2) == 0 ? "true" : "false",
        2 => random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture),
        3 => new[] { "9223372036854775807", "-9223372036854775808", "18446744073709551616", "1e308", "-1e309", "0.5", "-0", "1E400" }[random.Next(8)],
        4 => Quote(Guid.NewGuid().ToString(random.Next(2) == 0 ? "D" : "N")),
        5 => Quote("00000000-0000-0000-0000-000000000000"),
        6 => Quote(new string('A', random.Next(0, 70_000))),
        7 => Quote(Convert.ToBase64String(RandomBytes(random, new[] { 0, 1, 64, 65, 66, 200 }[random.Next(6)]))),
        8 => Quote("BA" + new string('=', random.Next(0, 5))),
        9 => Quote(new[] { "9999-12-31T23:59:59Z", "0001-01-01T00:00:00", "2026-13-45", "2026-03-29T02:30:00", "nu", "2026-10-25T02:30:00+02:00" }[random.Next(6)]),
        10 => Quote(new string((char)random.Next(0x20, 0xD7FF), random.Next(1, 600))),
        11 => Quote("\\u0000\\ud800" + "<script>alert(1)</script>' OR 1=1 --"),
        12 => random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
        13 => Quote(""),
        14 => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Value(random, depth + 1))) + "]",
        15 => "{\"a\":" + Value(random, depth + 1) + "}",
        _ => new string('[', 70) + new string(']', 70),
    };

    private static string Garbage(Random random) => random.Next(6) switch
    {
        0 => "",
        1 => "{",
        2 => "null",
        3 => "[]",
        4 => Encoding.Latin1.GetString(RandomBytes(random, random.Next(1, 300))),
        _ => "{\"lockId\":" + new string('9', random.Next(20, 400)) + "}",
    };

    private static string PathSegment(Random random) => random.Next(5) switch
    {
        0 => Guid.NewGuid().ToString(),
        1 => "00000000-0000-0000-0000-000000000000",
        2 => Uri.EscapeDataString(new string((char)random.Next(0x20, 0x7E), random.Next(1, 50))),
        3 => "9223372036854775807",
        _ => Guid.NewGuid().ToString("N"),
    };

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 160 ? text : text[..160] + "…";
}
