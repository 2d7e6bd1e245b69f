using Nyckelfri.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        return await Sender(app, db, receiver).DeliverDueAsync(now, CancellationToken.None);
    }

    private static VisitWebhookSender Sender(NyckelfriApp app, NyckelfriDbContext db, IHttpClientFactory http) =>
        new(db, http, app.Services.GetRequiredService<VisitWebhookSecrets>(),
            Microsoft.Extensions.Options.Options.Create(new VisitWebhookOptions()), NullLogger<VisitWebhookSender>.Instance);

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
        // Outside Development neither http:// to this machine nor any local, private or link-local address.
        foreach (var url in new[] { "http://localhost:5080/hook", "https://localhost/hook", "https://127.0.0.1/hook", "https://10.1.2.3/hook",
                     "https://172.20.0.1/hook", "https://192.168.1.10/hook", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/hook",
                     "https://[::1]/hook", "https://[fe80::1]/hook", "https://[fd00::1]/hook", "https://[::ffff:127.0.0.1]/hook", "https://0.0.0.0/hook",
                     $"https://{System.Net.Dns.GetHostName()}/hook" })
            await (await admin.PutAsJsonAsync("/api/v1/admin/visit-webhook", new { version = view.Version(), url }))
                .ShouldBeFieldError("url", url.StartsWith("http:", StringComparison.Ordinal) ? "Adressen ska börja med https://." : WebhookAddresses.LocalRefused);
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

    [DatabaseTheory, DatabaseProviders]
    public async Task Settings_Secret_IsStoredEncryptedWithTheKeyRing_AndAClearOneIsEncryptedAtStart(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var secret = await SetWebhook(app, Url);
        var protection = app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>();
        await using var db = app.SystemContext();
        var municipality = await db.Municipalities.SingleAsync(m => m.Id == app.World.MunicipalityA);

        municipality.VisitWebhookSecret!.ShouldStartWith(VisitWebhookSecrets.Prefix);
        municipality.VisitWebhookSecret.ShouldNotContain(secret);
        app.Services.GetRequiredService<VisitWebhookSecrets>().Unprotect(municipality.VisitWebhookSecret).ShouldBe(secret);

        // A secret from before (in clear) is never used to sign, and the start-up task encrypts it.
        municipality.VisitWebhookSecret = secret;
        await db.SaveChangesAsync();
        app.Services.GetRequiredService<VisitWebhookSecrets>().Unprotect(secret).ShouldBeNull();
        (await VisitWebhookSecrets.ProtectClearAsync(db, protection, CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);
        await using var read = app.SystemContext();
        var stored = await read.Municipalities.Where(m => m.Id == app.World.MunicipalityA).Select(m => m.VisitWebhookSecret).SingleAsync();
        app.Services.GetRequiredService<VisitWebhookSecrets>().Unprotect(stored).ShouldBe(secret);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Delivery_StoredAddressNotPublic_RefusedAtSendTime_NothingSent_ReasonForTheAdministrator(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        await SetWebhook(app, Url);
        var visit = await FinishedVisit(app, "r");
        // An address stored before the rule, or changed behind the settings' back.
        await using (var db = app.SystemContext())
            await db.Municipalities.Where(m => m.Id == app.World.MunicipalityA)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.VisitWebhookUrl, "http://127.0.0.1:5432/"));
        var receiver = new FakeReceiver(HttpStatusCode.NoContent);

        try
        {
            await Deliver(app, receiver, app.Clock.UtcNow());

            receiver.Received.ShouldBeEmpty();
            (await DeliveryOf(app, visit.Id)).LastError.ShouldBe(VisitWebhookSender.AddressRefused);
        }
        finally
        {
            // The other tests of the collection count what one round delivers: this delivery must not be left due.
            await using var db = app.SystemContext();
            await db.WebhookDeliveries.Where(d => d.VisitId == visit.Id).ExecuteDeleteAsync();
            await SetWebhook(app, Url);
        }
    }

    /// <summary>
    /// The app's own webhook client checks the addresses a name resolves to when it connects (DNS rebinding):
    /// this machine's host name resolves to a loopback or private address, and a listener there never sees a connection.
    /// </summary>
    [Fact]
    public async Task WebhookClient_HostResolvingToThisMachine_RefusedAtConnect()
    {
        var app = await fixture.For(DatabaseProvider.Sqlite);
        var host = System.Net.Dns.GetHostName();
        (await System.Net.Dns.GetHostAddressesAsync(host)).ShouldAllBe(a => !WebhookAddresses.IsPublic(a));
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var http = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient(VisitWebhookSender.HttpClientName);

        var error = await Should.ThrowAsync<HttpRequestException>(() => http.PostAsync($"https://{host}:{port}/hook", new StringContent("{}")));

        error.InnerException.ShouldBeOfType<WebhookAddressRefusedException>();
        listener.Pending().ShouldBeFalse();
    }
}
