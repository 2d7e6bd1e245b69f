using Nyckelfri.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Nyckelfri.Access;
using Nyckelfri.Identity;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Visits;
using static Nyckelfri.IntegrationTests.Visits.VisitsTestData;

namespace Nyckelfri.IntegrationTests.Visits;

/// <summary>
/// The visit webhook on a real database (SQLite and PostgreSQL): its settings through the API (the secret
/// shown once), a finished visit queued in the pairing's save, and the sender against a fake receiver:
/// the signature verifies, a failure is retried a minute later, a success is marked delivered.
/// </summary>
[Collection(AppCollections.Access)]
public sealed class VisitWebhookTests(AppFixture fixture)
{
    private const string Url = "https://planering.example.se/nyckelfri/besok";

    /// <summary>A receiver that answers with the given statuses in turn and keeps what it was sent.</summary>
    private sealed class FakeReceiver(params HttpStatusCode[] answers) : HttpMessageHandler, IHttpClientFactory
    {
        private int _next;
        public List<(HttpRequestMessage Request, string Body)> Received { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Received.Add((request, await request.Content!.ReadAsStringAsync(ct)));
            return new HttpResponseMessage(answers[Math.Min(_next++, answers.Length - 1)]);
        }

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);
    }

    /// <summary>A finished 25-minute visit (door opened at 09:00 and 09:25 yesterday, Swedish time), paired now.</summary>
    private static async Task<Visit> FinishedVisit(NyckelfriApp app, string tag)
    {
        var client = await AddClient(app, app.World.InternalUnit, "Majken", "Webbhook" + tag);
        var employee = await AddEmployee(app, app.World.InternalUnit, "Olle", "Postare" + tag);
        var arrival = await AddEvent(app, AccessEventKind.Opened, AccessOutcome.Allowed, SwedishTimeAgo(app, 1, 9), client.Id, employee, null, app.World.InternalUnit);
        var departure = await AddEvent(app, AccessEventKind.Opened, AccessOutcome.Allowed, SwedishTimeAgo(app, 1, 9, 25), client.Id, employee, null, app.World.InternalUnit);
        await using (var db = app.SystemContext(app.World.MunicipalityA))
            await new VisitPairing(db).PairAsync([arrival, departure], CancellationToken.None);
        await using var read = app.SystemContext();
        return await read.Visits.SingleAsync(v => v.ClientId == client.Id);
    }

    private static async Task<int> Deliver(NyckelfriApp app, FakeReceiver receiver, DateTime now)
    {
        await using var db = app.SystemContext();
        return await new VisitWebhookSender(db, receiver, NullLogger<VisitWebhookSender>.Instance).DeliverDueAsync(now, CancellationToken.None);
    }

    private static async Task<WebhookDelivery> DeliveryOf(NyckelfriApp app, Guid visitId)
    {
        await using var db = app.SystemContext();
        return await db.WebhookDeliveries.SingleAsync(d => d.VisitId == visitId);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Delivery_FailsThenSucceeds_RetriedAfterAMinuteSignedAndMarkedDelivered(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var secret = await SetWebhook(app, Url);
        var visit = await FinishedVisit(app, "a");
        var queued = await DeliveryOf(app, visit.Id);
        queued.Payload.ShouldContain(visit.Id.ToString());
        var receiver = new FakeReceiver(HttpStatusCode.ServiceUnavailable, HttpStatusCode.NoContent);
        var now = app.Clock.UtcNow();

        (await Deliver(app, receiver, now)).ShouldBe(0);

        var failed = await DeliveryOf(app, visit.Id);
        (failed.Attempts, failed.LastError, failed.DeliveredAt).ShouldBe((1, "HTTP 503", (DateTime?)null));
        failed.NextAttemptAt!.Value.ShouldBe(app.Clock.UtcNow().AddMinutes(1), TimeSpan.FromSeconds(30));
        (await Deliver(app, receiver, now)).ShouldBe(0); // not due yet
        receiver.Received.Count.ShouldBe(1);
        var admin = await (await (await app.ApiAs(Roles.SystemAdministrator)).GetAsync("/api/v1/admin/visit-webhook")).ShouldBeOk();
        admin.GetProperty("problems").EnumerateArray().ShouldContain(p => p.GetProperty("id").GetInt64() == failed.Id && p.Text("lastError") == "HTTP 503");

        (await Deliver(app, receiver, failed.NextAttemptAt.Value)).ShouldBe(1);

        var delivered = await DeliveryOf(app, visit.Id);
        delivered.DeliveredAt.ShouldNotBeNull();
        (delivered.Attempts, delivered.NextAttemptAt, delivered.LastError).ShouldBe((2, (DateTime?)null, (string?)null));
        var (request, body) = receiver.Received[^1];
        request.Method.ShouldBe(HttpMethod.Post);
        request.RequestUri.ShouldBe(new Uri(Url));
        request.Content!.Headers.ContentType!.MediaType.ShouldBe("application/json");
        body.ShouldBe(queued.Payload);
        var timestamp = long.Parse(request.Headers.GetValues(VisitWebhookSignature.TimestampHeader).Single(), System.Globalization.CultureInfo.InvariantCulture);
        timestamp.ShouldBeInRange(RunClock.Now.ToUnixTimeSeconds() - 60, RunClock.Now.ToUnixTimeSeconds() + 5);
        var signature = request.Headers.GetValues(VisitWebhookSignature.SignatureHeader).Single();
        using var hmac = new System.Security.Cryptography.HMACSHA256(System.Text.Encoding.UTF8.GetBytes(secret));
        signature.ShouldBe("sha256=" + Convert.ToHexStringLower(hmac.ComputeHash(System.Text.Encoding.UTF8.GetBytes($"{timestamp}.{body}"))));
        request.Headers.GetValues(VisitWebhookSignature.DeliveryHeader).Single().ShouldBe(delivered.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var payload = JsonDocument.Parse(body).RootElement;
        payload.GetProperty("durationSeconds").GetInt64().ShouldBe(25 * 60);
        payload.GetProperty("employeeId").GetGuid().ShouldBe(visit.EmployeeId);
        body.ShouldNotContain("Majken");
        body.ShouldNotContain("Olle");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Settings_SecretShownOnceThenMasked_NeverInTheHistory(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var secret = await SetWebhook(app, Url);

        var view = await (await admin.GetAsync("/api/v1/admin/visit-webhook")).ShouldBeOk();
        view.Text("url").ShouldBe(Url);
        view.GetProperty("hasSecret").GetBoolean().ShouldBeTrue();
        view.GetProperty("secret").ValueKind.ShouldBe(JsonValueKind.Null);
        view.Text("secretHint").ShouldBe("••••" + secret[^4..]);
        var kept = await (await admin.PutAsJsonAsync("/api/v1/admin/visit-webhook", new { version = view.Version(), url = Url + "/v2" })).ShouldBeOk();
        kept.GetProperty("secret").ValueKind.ShouldBe(JsonValueKind.Null);
        kept.Text("secretHint").ShouldBe(view.Text("secretHint"));

        await using var db = app.SystemContext();
        var history = await db.AuditEntries.Where(a => a.EntityId == app.World.MunicipalityA).Select(a => a.Changes).ToListAsync();
        history.ShouldContain(h => h.Contains(Url + "/v2", StringComparison.Ordinal));
        history.ShouldAllBe(h => !h.Contains(secret, StringComparison.Ordinal));
        (await admin.PutAsJsonAsync("/api/v1/admin/visit-webhook", new { version = view.Version(), url = Url }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict); // stale version
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Settings_AddressNotHttps_Returns400(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var view = await (await admin.GetAsync("/api/v1/admin/visit-webhook")).ShouldBeOk();

        foreach (var url in new[] { "http://planering.example.se/besok", "ftp://example.se/x", "besok", "https://user:pw@example.se/x" })
            (await admin.PutAsJsonAsync("/api/v1/admin/visit-webhook", new { version = view.Version(), url })).StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
        await (await admin.PutAsJsonAsync("/api/v1/admin/visit-webhook", new { version = view.Version() })).ShouldBeFieldError("url", "Adress måste anges.");
        var local = await (await admin.PutAsJsonAsync("/api/v1/admin/visit-webhook", new { version = view.Version(), url = "http://localhost:5080/hook" })).ShouldBeOk();
        local.Text("url").ShouldBe("http://localhost:5080/hook");
        await SetWebhook(app, Url);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Pairing_MunicipalityWithoutWebhook_QueuesNothing(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        await SetWebhook(app, Url);
        (await admin.DeleteAsync("/api/v1/admin/visit-webhook")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var visit = await FinishedVisit(app, "d");

        await using (var db = app.SystemContext())
            (await db.WebhookDeliveries.AnyAsync(d => d.VisitId == visit.Id)).ShouldBeFalse();
        (await admin.DeleteAsync("/api/v1/admin/visit-webhook")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await SetWebhook(app, Url);
    }
}
