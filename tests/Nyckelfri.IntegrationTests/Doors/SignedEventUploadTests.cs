using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.LockProtocol;
using Nyckelfri.Notifications;
using Nyckelfri.Testing;

namespace Nyckelfri.IntegrationTests.Doors;

/// <summary>
/// Protocol v2 at the upload (issue 12): only batches the lock signed with its registered key, with an
/// unbroken chain, from a caller who may see the lock, within the bounds, are stored; anything else is
/// refused whole with a stable code (naming the event at fault) and leaves the database as it was. A
/// fork is refused and alerted; a re-upload of the same events stays idempotent. On SQLite and PostgreSQL.
/// </summary>
[Collection(AppCollections.Access)]
public sealed class SignedEventUploadTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task EventsForgedWithAnotherKey_AreRefused_AndNothingChanges(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var api = await app.ApiAsUser(door.UserName);
        using var otherKey = P256.CreateKey();
        var forger = new EventChain(door.LockId, otherKey);
        var forged = Enumerable.Range(1, 5).Select(_ => forger.Append(s =>
            new LockEvent(door.LockId, s, RunClock.Now.AddMinutes(-30 + s), LockEventKind.Opened, EmployeeId: door.EmployeeId))).ToList();
        var before = await app.FingerprintAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/locks/{door.LockId}/events", LockHistory.Body(forger.Sign(forged).ToArray()));

        (await response.ShouldBeRefused(HttpStatusCode.BadRequest, "signature-invalid")).ShouldBeNull();
        // The refusal itself is one access-log line naming the reason and the uploader; nothing else changed.
        var notice = (await app.TakeRefusalNoticesAsync(door.LockId)).ShouldHaveSingleItem();
        (notice.ReasonCode, notice.Outcome, notice.LockSequence).ShouldBe(("events-refused-signature-invalid", AccessOutcome.Denied, (long?)null));
        notice.RecordedBy.ShouldNotBeNull().ShouldStartWith("Eva Dörrsson");
        (await app.FingerprintAsync()).ShouldBe(before);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task GenuineEvents_UploadedByACoordinatorOfAnotherProvider_Are404_AndNothingChanges(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var history = new LockHistory(door).Opened(3);
        var outsider = await app.ApiAsUser(TestWorld.InternalCoordinator);
        var before = await app.FingerprintAsync();

        var response = await outsider.PostAsJsonAsync($"/api/v1/locks/{door.LockId}/events", history.Body(1, 3));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.FingerprintAsync()).ShouldBe(before);
    }

    public static TheoryData<DatabaseProvider, string> Tamperings()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
            foreach (var tampering in new[] { "altered", "removed", "inserted", "reordered", "last-altered" })
                data.Add(provider, tampering);
        return data;
    }

    [DatabaseTheory, MemberData(nameof(Tamperings))]
    public async Task AChainWithOneEventTamperedWith_IsRefused_NamingTheEvent_AndNothingIsStored(DatabaseProvider provider, string tampering)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var api = await app.ApiAsUser(door.UserName);
        var history = new LockHistory(door).Opened(6);
        var genuine = history.Batch(1, 6);
        var (tampered, code, culprit) = tampering switch
        {
            // Event 3's time moved by one second: event 4's link no longer matches it.
            "altered" => (Flip(genuine, LockHistory.Offset(1, 3) + 15), "event-altered", 3L),
            // Event 4 left out: the batch skips from 3 to 5.
            "removed" => (Without(genuine, 4), "event-missing", 4L),
            // A forged event 4 put in before the lock's own (renumbered 5–7): the link after it breaks.
            "inserted" => (InsertedBefore(genuine, door, history, 4), "event-altered", 4L),
            // Events 3 and 4 swapped: 4 comes before 3.
            "reordered" => (Swapped(genuine, 3), "event-out-of-order", 3L),
            // The last event altered: it no longer hashes to the head the lock signed.
            _ => (Flip(genuine, LockHistory.Offset(1, 6) + 15), "event-altered", 6L),
        };

        var response = await api.PostAsJsonAsync($"/api/v1/locks/{door.LockId}/events", LockHistory.Body(tampered));

        (await response.ShouldBeRefused(HttpStatusCode.BadRequest, code)).ShouldBe(culprit);
        (await app.TakeRefusalNoticesAsync(door.LockId)).ShouldHaveSingleItem().ReasonCode.ShouldBe("events-refused-" + code);
        await using var db = app.SystemContext();
        (await db.AccessEvents.CountAsync(e => e.LockId == door.LockId)).ShouldBe(0);
        (await db.LockSyncs.CountAsync(s => s.LockId == door.LockId)).ShouldBe(0);
        // The genuine batch is still taken afterwards.
        (await (await api.PostAsJsonAsync($"/api/v1/locks/{door.LockId}/events", LockHistory.Body(genuine))).ShouldBeOk())
            .GetProperty("stored").GetInt32().ShouldBe(6);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task AFork_IsRefused_AndAlertsTheSystemAdministrator_WhileAnIdenticalReuploadStaysIdempotent(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var api = await app.ApiAsUser(door.UserName);
        var url = $"/api/v1/locks/{door.LockId}/events";
        var history = new LockHistory(door).Opened(5);
        await (await api.PostAsJsonAsync(url, history.Body(1, 5))).ShouldBeOk();
        var again = await (await api.PostAsJsonAsync(url, history.Body(1, 5))).ShouldBeOk();
        (again.GetProperty("stored").GetInt32(), again.GetProperty("duplicates").GetInt32()).ShouldBe((0, 5));

        // The same key signs another history: events 4–6 where 4 and 5 differ from what is stored.
        var other = new LockHistory(door).Opened(3);
        other.Add(s => new LockEvent(door.LockId, s, RunClock.Now.AddMinutes(-10), LockEventKind.Refused, RefusalReason.Expired))
            .Add(s => new LockEvent(door.LockId, s, RunClock.Now.AddMinutes(-9), LockEventKind.Opened))
            .Add(s => new LockEvent(door.LockId, s, RunClock.Now.AddMinutes(-8), LockEventKind.Opened));
        var response = await api.PostAsJsonAsync(url, other.Body(4, 6));

        (await response.ShouldBeRefused(HttpStatusCode.Conflict, "event-fork")).ShouldBe(4);
        await using var db = app.SystemContext();
        (await db.AccessEvents.CountAsync(e => e.LockId == door.LockId && e.LockSequence != null)).ShouldBe(5);
        (await db.LockSyncs.SingleAsync(s => s.LockId == door.LockId)).HighestSequence.ShouldBe(5);
        var notice = await db.AccessEvents.SingleAsync(e => e.LockId == door.LockId && e.ReasonCode == "event-fork");
        notice.Detail!.ShouldContain("händelse 4");
        var alerts = await db.Notifications.Where(n => n.Template == nameof(NotificationTemplate.LockEventsForked) && n.Link == $"/Utrustning/{door.LockId}")
            .ToListAsync();
        alerts.ShouldHaveSingleItem().RecipientRole.ShouldBe(Roles.SystemAdministrator);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task EachStoredEvent_RecordsWhoUploadedIt_InTheAccessLogApi(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var history = new LockHistory(door).Opened(4);
        await (await (await app.ApiAsUser(door.UserName)).PostAsJsonAsync($"/api/v1/locks/{door.LockId}/events", history.Body(1, 2))).ShouldBeOk();
        await (await app.WithApiKey().PostAsJsonAsync($"/api/v1/locks/{door.LockId}/events", history.Body(3, 4))).ShouldBeOk();

        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var log = await (await admin.GetAsync($"/api/v1/access-log?lockId={door.LockId}&kind=Opened")).ShouldBeOk();
        var items = log.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(4);
        var uploaders = items.Select(i => i.Text("recordedBy")!).ToList();
        uploaders.Count(u => u.StartsWith("API-nyckel", StringComparison.Ordinal)).ShouldBe(2);
        uploaders.Count(u => u.StartsWith("Eva Dörrsson", StringComparison.Ordinal)).ShouldBe(2);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.SystemAdministrator));
        var lockPage = System.Net.WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Utrustning/{door.LockId}"));
        lockPage.ShouldContain("Låsets nyckel och senaste händelser");
        lockPage.ShouldContain("API-nyckel");
        lockPage.ShouldContain(uploaders.First(u => u.StartsWith("Eva", StringComparison.Ordinal)));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task BoundsAreRefused_ASequenceJumpAndAnEventInTheFuture(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var api = await app.ApiAsUser(door.UserName);
        var url = $"/api/v1/locks/{door.LockId}/events";
        var jump = new EventChain(door.LockId, door.LockKey, lastSequence: LockEventLimits.Default.MaxSequenceJump);
        var far = jump.Sign([jump.Append(s => new LockEvent(door.LockId, s, RunClock.Now.AddMinutes(-1), LockEventKind.Opened))]);
        var ahead = new LockHistory(door).Add(s => new LockEvent(door.LockId, s, app.Clock.GetUtcNow().AddMinutes(6), LockEventKind.Opened));
        var before = await app.FingerprintAsync();

        (await (await api.PostAsJsonAsync(url, LockHistory.Body(far.ToArray()))).ShouldBeRefused(HttpStatusCode.BadRequest, "sequence-jump-too-large"))
            .ShouldBe(LockEventLimits.Default.MaxSequenceJump + 1);
        (await (await api.PostAsJsonAsync(url, ahead.Body(1, 1))).ShouldBeRefused(HttpStatusCode.BadRequest, "event-in-future")).ShouldBe(1);

        (await app.TakeRefusalNoticesAsync(door.LockId)).Select(n => n.ReasonCode)
            .ShouldBe(["events-refused-event-in-future", "events-refused-sequence-jump-too-large"], ignoreOrder: true);
        (await app.FingerprintAsync()).ShouldBe(before);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Fuzz_ThousandsOfMalformedAndExtremeBatches_NeverA500_AndNothingIsStored(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var api = await app.ApiAsUser(door.UserName);
        var url = $"/api/v1/locks/{door.LockId}/events";
        var genuine = new LockHistory(door).Opened(8).Batch(1, 8);
        var random = new Random(20261207);
        var before = await app.FingerprintAsync();
        var statuses = new Dictionary<HttpStatusCode, int>();

        for (var i = 0; i < 1000; i++)
        {
            using var content = new StringContent(FuzzBody(random, i, genuine, door), System.Text.Encoding.UTF8, "application/json");
            using var response = await api.PostAsync(url, content);
            var status = response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            ((int)status).ShouldBeInRange(400, 499, $"input {i}: {await response.Content.ReadAsStringAsync()}");
        }

        // One line per refusal reason (and uploader) per hour, however many were refused: no flood.
        var notices = await app.TakeRefusalNoticesAsync(door.LockId);
        notices.Count.ShouldBeGreaterThan(1);
        notices.Select(n => n.ReasonCode).ShouldBeUnique();
        (await app.FingerprintAsync()).ShouldBe(before);
        statuses.Keys.ShouldContain(HttpStatusCode.BadRequest);
    }

    /// <summary>One fuzz input: random bytes, a genuine batch with bytes changed, a genuinely signed batch with extreme values, or bad JSON.</summary>
    private static string FuzzBody(Random random, int i, byte[] genuine, Door door)
    {
        switch (i % 4)
        {
            case 0:
            {
                var bytes = new byte[random.Next(0, 2000)];
                random.NextBytes(bytes);
                if (bytes.Length > 1 && random.Next(2) == 0) (bytes[0], bytes[1]) = (0x05, 0x02);
                return JsonSerializer.Serialize(new { batch = Convert.ToBase64String(bytes) });
            }
            case 1:
            {
                var bytes = (byte[])genuine.Clone();
                for (var flips = random.Next(1, 4); flips > 0; flips--) bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                return JsonSerializer.Serialize(new { batch = Convert.ToBase64String(bytes) });
            }
            case 2:
            {
                var count = random.Next(1, 4);
                long[] starts = [long.MaxValue - count, long.MaxValue / 2, LockEventLimits.Default.MaxSequenceJump, 1L << 40];
                DateTimeOffset[] times = [DateTimeOffset.FromUnixTimeSeconds(253_402_300_799), DateTimeOffset.FromUnixTimeSeconds(0), RunClock.Now.AddYears(3)];
                var extremeSequence = random.Next(2) == 0;
                var chain = new EventChain(door.LockId, door.LockKey, extremeSequence ? starts[random.Next(starts.Length)] : 0);
                var at = extremeSequence ? RunClock.Now.AddMinutes(-5) : times[random.Next(times.Length)];
                var events = Enumerable.Range(0, count).Select(_ => chain.Append(s => new LockEvent(door.LockId, s, at,
                    (LockEventKind)random.Next(1, 256), (RefusalReason)random.Next(0, 256), BatteryPercent: random.Next(0, 101)))).ToList();
                return JsonSerializer.Serialize(new { batch = Convert.ToBase64String(chain.Sign(events).ToArray()) });
            }
            default:
            {
                string[] bodies = ["", "{", "null", "[]", "{\"batch\": 12}", "{\"batch\": null}", "{\"batch\": \"===\"}", "{\"batch\": [1,2]}",
                    "{\"batch\": \"" + new string('A', 200_000) + "\"}", "{\"events\": [{\"sequence\": 9223372036854775807}]}"];
                return bodies[random.Next(bodies.Length)];
            }
        }
    }

    private static byte[] Flip(byte[] batch, int index)
    {
        var copy = (byte[])batch.Clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static byte[] Without(byte[] batch, long sequence)
    {
        var at = LockHistory.Offset(1, sequence);
        var copy = batch[..at].Concat(batch[(at + LockHistory.EventLength)..]).ToArray();
        copy[19]--; // the event count's low byte
        return copy;
    }

    private static byte[] Swapped(byte[] batch, long sequence)
    {
        var copy = (byte[])batch.Clone();
        var a = LockHistory.Offset(1, sequence);
        var b = a + LockHistory.EventLength;
        batch.AsSpan(b, LockHistory.EventLength).CopyTo(copy.AsSpan(a));
        batch.AsSpan(a, LockHistory.EventLength).CopyTo(copy.AsSpan(b));
        return copy;
    }

    /// <summary>
    /// What a forger without the lock's key can do: keep the lock's signed head and first event, put a
    /// well-linked event of her own in at <paramref name="sequence"/> and renumber the lock's events after
    /// it. (Only the record's encoding is taken from the chain here; its signature is thrown away.)
    /// </summary>
    private static byte[] InsertedBefore(byte[] batch, Door door, LockHistory history, long sequence)
    {
        var forger = new EventChain(door.LockId, door.LockKey, sequence - 1, history.Events[(int)sequence - 2].Hash);
        var inserted = forger.Append(s => new LockEvent(door.LockId, s, RunClock.Now.AddMinutes(-100), LockEventKind.Opened, EmployeeId: Guid.NewGuid()));
        var record = forger.Sign([inserted]).Encoded.Slice(LockHistory.HeaderLength, LockHistory.EventLength).ToArray();
        var at = LockHistory.Offset(1, sequence);
        var copy = batch[..at].Concat(record).Concat(batch[at..]).ToArray();
        for (var k = sequence + 1; k <= history.Events.Count + 1; k++)
        {
            var offset = LockHistory.Offset(1, k);
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(copy.AsSpan(offset, 8), k);
        }
        copy[19]++;
        return copy;
    }
}

internal static class RefusalChecks
{
    /// <summary>The refusal's status and stable code; returns the event it names, if any.</summary>
    public static async Task<long?> ShouldBeRefused(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        var body = JsonSerializer.Deserialize<JsonElement>(text);
        body.GetProperty("code").GetString().ShouldBe(code, text);
        return body.TryGetProperty("sequence", out var sequence) ? sequence.GetInt64() : null;
    }
}
