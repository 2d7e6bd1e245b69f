using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nyckelfri.Access;
using Nyckelfri.Notifications;
using Nyckelfri.Visits;

namespace Nyckelfri.UnitTests.Visits;

public sealed class VisitWebhookTests
{
    private const string Secret = "4f1c0a9e8b7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a493827160f5e4d3";
    private const long Timestamp = 1_795_420_800;
    private const string Body = "{\"type\":\"visit.ended\",\"visitId\":\"0190f0a0-0000-7000-8000-000000000010\",\"durationSeconds\":2520}";

    [Fact]
    public void Sign_KnownVector_IsHexHmacSha256OfTimestampDotBody()
    {
        // Computed separately, as a receiver would: HMAC-SHA256(key = secret's UTF-8, message = "timestamp.body").
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var expected = "sha256=" + string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes("1795420800." + Body)).Select(b => b.ToString("x2")));

        VisitWebhookSignature.Sign(Secret, Timestamp, Body).ShouldBe(expected);
    }

    [Fact]
    public void Sign_TheVectorInTheDocs_GivesTheDocumentedSignature() =>
        // docs/visits.md gives receivers this vector (computed there with openssl and Python's hmac).
        VisitWebhookSignature.Sign(Secret, Timestamp, Body).ShouldBe("sha256=4b5b9b7172d760dec433fae2b92f90bb027f8070eb57ea5bf0b570b2110644b5");

    [Fact]
    public void Sign_RfcTestVector_MatchesThePublishedHmac()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?". Here the data is "timestamp.body",
        // so the vector is checked through a timestamp and body that join to it.
        var signature = VisitWebhookSignature.Sign("Jefe", 0, "what do ya want for nothing?");
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("Jefe"));
        signature.ShouldBe("sha256=" + Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes("0.what do ya want for nothing?"))));
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("Jefe"), Encoding.UTF8.GetBytes("what do ya want for nothing?")))
            .ShouldBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    [Fact]
    public void Verify_AlteredBodyTimestampOrSecret_IsFalse()
    {
        var signature = VisitWebhookSignature.Sign(Secret, Timestamp, Body);

        VisitWebhookSignature.Verify(Secret, Timestamp, Body, signature).ShouldBeTrue();
        VisitWebhookSignature.Verify(Secret, Timestamp, Body.Replace("2520", "2521"), signature).ShouldBeFalse();
        VisitWebhookSignature.Verify(Secret, Timestamp + 1, Body, signature).ShouldBeFalse();
        VisitWebhookSignature.Verify(Secret[..^1] + "0", Timestamp, Body, signature).ShouldBeFalse();
        VisitWebhookSignature.Verify(Secret, Timestamp, Body, null).ShouldBeFalse();
    }

    [Fact]
    public void NewSecret_Is32RandomBytesAsHex()
    {
        var a = VisitWebhookSignature.NewSecret();

        a.Length.ShouldBe(64);
        a.ShouldAllBe(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
        VisitWebhookSignature.NewSecret().ShouldNotBe(a);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(8, 128)]
    [InlineData(9, 256)]
    [InlineData(10, 360)]
    [InlineData(11, 360)]
    public void BackOff_AfterFailures_DoublesFromOneMinuteUpToSixHours(int failures, int minutes) =>
        WebhookDelivery.BackOff(failures).ShouldBe(TimeSpan.FromMinutes(minutes));

    [Fact]
    public void BackOff_AfterTheLastAttempt_GivesUp() => WebhookDelivery.BackOff(WebhookDelivery.MaxAttempts).ShouldBeNull();

    [Fact]
    public void MarkFailed_TwelveTimes_GivesUpAndWaitsForAnAdministrator()
    {
        var created = new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
        var delivery = new WebhookDelivery(Guid.NewGuid(), Guid.NewGuid(), Body, created);

        delivery.MarkFailed(created, "HTTP 503");
        delivery.NextAttemptAt.ShouldBe(created.AddMinutes(1));
        for (var i = 1; i < WebhookDelivery.MaxAttempts; i++) delivery.MarkFailed(created, "HTTP 503");

        delivery.Attempts.ShouldBe(WebhookDelivery.MaxAttempts);
        delivery.NextAttemptAt.ShouldBeNull();
        delivery.GaveUp.ShouldBeTrue();
        delivery.Retry(created.AddDays(1));
        (delivery.Attempts, delivery.NextAttemptAt).ShouldBe((0, (DateTime?)created.AddDays(1)));
    }

    [Fact]
    public void MarkDelivered_Twice_IsRefused()
    {
        var delivery = new WebhookDelivery(Guid.NewGuid(), Guid.NewGuid(), Body, DateTime.UtcNow);
        delivery.MarkDelivered(DateTime.UtcNow);

        Should.Throw<Nyckelfri.Common.RuleViolationException>(() => delivery.MarkDelivered(DateTime.UtcNow));
        Should.Throw<Nyckelfri.Common.RuleViolationException>(() => delivery.MarkFailed(DateTime.UtcNow, "HTTP 500"));
    }

    [Fact]
    public void Payload_FinishedVisit_CarriesIdsTimesAndDurationButNoPersonalData()
    {
        var start = new DateTime(2026, 11, 23, 8, 15, 0, DateTimeKind.Utc);
        var visit = new Visit(Guid.Parse("0190f0a0-0000-7000-8000-000000000001"), Guid.Parse("0190f0a0-0000-7000-8000-000000000002"),
            Guid.Parse("0190f0a0-0000-7000-8000-000000000003"), null, VisitSource.NfcTag, start, 7);
        visit.End(start.AddMinutes(42), 8);

        var json = VisitWebhookPayload.Json(visit);

        var root = JsonDocument.Parse(json).RootElement;
        root.GetProperty("type").GetString().ShouldBe("visit.ended");
        root.GetProperty("visitId").GetGuid().ShouldBe(visit.Id);
        root.GetProperty("clientId").GetGuid().ShouldBe(visit.ClientId);
        root.GetProperty("employeeId").GetGuid().ShouldBe(visit.EmployeeId);
        root.GetProperty("unitId").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("source").GetString().ShouldBe("NfcTag");
        root.GetProperty("startedAt").GetString().ShouldBe("2026-11-23T08:15:00Z");
        root.GetProperty("endedAt").GetString().ShouldBe("2026-11-23T08:57:00Z");
        root.GetProperty("durationSeconds").GetInt64().ShouldBe(2520);
        root.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["type", "visitId", "clientId", "employeeId", "unitId", "source", "startedAt", "endedAt", "durationSeconds"], ignoreOrder: true);
        PersonalDataScanner.Scan(json).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(200, 900)] // the exact difference 2520.7 s would round to 2521
    [InlineData(900, 200)] // 2519.3 s would round to 2519
    [InlineData(0, 0)]
    public void Json_FractionsOfASecond_DurationIsEndedAtMinusStartedAtAsSent(int startMs, int endMs)
    {
        var visit = new Visit(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, VisitSource.Lock,
            new DateTime(2026, 11, 23, 8, 15, 0, DateTimeKind.Utc).AddMilliseconds(startMs), 1);
        visit.End(new DateTime(2026, 11, 23, 8, 57, 0, DateTimeKind.Utc).AddMilliseconds(endMs), 2);

        using var json = JsonDocument.Parse(VisitWebhookPayload.Json(visit));
        var root = json.RootElement;
        var started = DateTimeOffset.Parse(root.GetProperty("startedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var ended = DateTimeOffset.Parse(root.GetProperty("endedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        root.GetProperty("startedAt").GetString().ShouldBe("2026-11-23T08:15:00Z");
        root.GetProperty("endedAt").GetString().ShouldBe("2026-11-23T08:57:00Z");
        root.GetProperty("durationSeconds").GetInt64().ShouldBe((long)(ended - started).TotalSeconds);
        root.GetProperty("durationSeconds").GetInt64().ShouldBe(2520);
    }
}
