using Nyckelfri.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.LockProtocol;
using Nyckelfri.Notifications;
using Nyckelfri.Routines;
using Nyckelfri.Staff;

namespace Nyckelfri.IntegrationTests.Doors;

/// <summary>
/// The online path of the lock protocol through the API, with an emulated lock on the other side:
/// credentials only when the permission holds, blocking (server and lock), idempotent and concurrent
/// event uploads, gaps, break-glass, "could not get in" and the lock's revocation-list lag; on SQLite
/// and PostgreSQL.
/// </summary>
[Collection(AppCollections.Access)]
public sealed class DoorsApiTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task Credential_ForAPermittedLock_OpensTheEmulatedLock_AndIsLogged(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var api = await app.ApiAsUser(door.UserName);

        var body = await (await api.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId })).ShouldBeOk();
        Credential.TryDecode(Convert.FromBase64String(body.Text("credential")!), out var credential, out _).ShouldBeTrue();
        credential!.EmployeeId.ShouldBe(door.EmployeeId);
        credential.LockId.ShouldBe(door.LockId);
        credential.Validity.ShouldBeLessThanOrEqualTo(Protocol.MaxValidity);
        credential.HolderPublicKey.ToArray().ShouldBe(P256.ExportPublicKey(door.DeviceKey));

        using var emulated = await app.EmulatedLock(door);
        var challenge = emulated.Challenge();
        emulated.Present(door.Holder.Answer(challenge, credential)).Opened.ShouldBeTrue();

        await using var db = app.SystemContext();
        var issued = await db.AccessEvents.SingleAsync(e => e.CredentialId == credential.CredentialId);
        issued.Kind.ShouldBe(AccessEventKind.CredentialIssued);
        issued.ClientId.ShouldBe(door.ClientId);
        issued.UnitId.ShouldBe(app.World.ExternalUnit);
        issued.Detail!.ShouldContain("arbetar på Norr");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Block_NextCredentialRequestIsDenied_AndTheLockWithTheNewListRefusesTheOldCredential(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var api = await app.ApiAsUser(door.UserName);
        var before = await (await api.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId })).ShouldBeOk();
        Credential.TryDecode(Convert.FromBase64String(before.Text("credential")!), out var old, out _).ShouldBeTrue();

        await app.Block(door);

        var refused = await api.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.Text("code").ShouldBe("key-blocked");
        problem.Text("detail")!.ShouldContain("spärrad");
        var list = problem.GetProperty("revocationList");
        list.GetProperty("version").GetInt64().ShouldBeGreaterThanOrEqualTo(1);

        // Offline: the lock still opens for the old credential until a phone brings it the new list ...
        using var emulated = await app.EmulatedLock(door);
        emulated.Present(door.Holder.Answer(emulated.Challenge(), old!)).Opened.ShouldBeTrue();
        // ... and not after.
        emulated.ApplyRevocationList(Convert.FromBase64String(list.Text("list")!)).Applied.ShouldBeTrue();
        var after = emulated.Present(door.Holder.Answer(emulated.Challenge(), old!));
        after.Opened.ShouldBeFalse();
        after.Reason.ShouldBe(RefusalReason.HolderKeyRevoked);

        await using var db = app.SystemContext();
        var denial = await db.AccessEvents.Where(e => e.EmployeeId == door.EmployeeId && e.Kind == AccessEventKind.CredentialRefused).SingleAsync();
        denial.ReasonCode.ShouldBe("key-blocked");
        denial.Outcome.ShouldBe(AccessOutcome.Denied);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Credential_WithoutPermission_IsRefusedWithTheReason(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor(EmploymentType.Hourly, withUnit: false);
        var api = await app.ApiAsUser(door.UserName);

        var refused = await api.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId });

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.Text("code").ShouldBe(nameof(PermissionDenial.SubstituteNotBooked));
        problem.Text("detail").ShouldBe(PermissionDecision.SwedishName(PermissionDenial.SubstituteNotBooked));
        (await api.PostAsJsonAsync("/api/v1/credentials", new { lockId = Guid.NewGuid() })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Credential_ForADeviceKeyThatIsNotTheKeys_IsRefused(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var api = await app.ApiAsUser(door.UserName);
        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);

        var refused = await api.PostAsJsonAsync("/api/v1/credentials",
            new { lockId = door.LockId, holderPublicKey = Convert.ToBase64String(P256.ExportPublicKey(other)) });

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).Text("code").ShouldBe("device-key-mismatch");
        await (await api.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId, holderPublicKey = "inte base64" }))
            .ShouldBeFieldError("holderPublicKey", "Enhetens publika nyckel ska vara 65 byte (0x04||X||Y) i base64.");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Upload_Twice_StoresEachEventOnce(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var api = await app.ApiAsUser(door.UserName);
        var batch = new LockHistory(door).Opened(20).Body(1, 20);

        var first = await (await api.PostAsJsonAsync($"/api/v1/locks/{door.LockId}/events", batch)).ShouldBeOk();
        var second = await (await api.PostAsJsonAsync($"/api/v1/locks/{door.LockId}/events", batch)).ShouldBeOk();

        first.GetProperty("stored").GetInt32().ShouldBe(20);
        second.GetProperty("stored").GetInt32().ShouldBe(0);
        second.GetProperty("duplicates").GetInt32().ShouldBe(20);
        await using var db = app.SystemContext();
        (await db.AccessEvents.CountAsync(e => e.LockId == door.LockId && e.LockSequence != null)).ShouldBe(20);
        (await db.LockSyncs.SingleAsync(s => s.LockId == door.LockId)).HighestSequence.ShouldBe(20);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task ConcurrentUploads_OfOverlappingBatches_StoreEachEventExactlyOnce(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var api = await app.ApiAsUser(door.UserName);
        (int From, int To)[] batches = [(1, 60), (30, 90), (1, 100), (50, 100), (80, 100), (1, 40)];
        var history = new LockHistory(door).Opened(100);

        var responses = await Task.WhenAll(batches.Select(b =>
            api.PostAsJsonAsync($"/api/v1/locks/{door.LockId}/events", history.Body(b.From, b.To))));

        foreach (var response in responses) response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var stored = 0;
        foreach (var response in responses) stored += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stored").GetInt32();
        stored.ShouldBe(100);
        await using var db = app.SystemContext();
        var sequences = await db.AccessEvents.Where(e => e.LockId == door.LockId && e.LockSequence != null).Select(e => e.LockSequence!.Value).ToListAsync();
        sequences.Count.ShouldBe(100);
        sequences.Distinct().Count().ShouldBe(100);
        var sync = await db.LockSyncs.SingleAsync(s => s.LockId == door.LockId);
        sync.HighestSequence.ShouldBe(100);
        sync.MissingEvents.ShouldBe(0);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Upload_WithAGap_LogsItAndTellsTheSystemAdministrator_AndTheFillClosesIt(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var api = await app.ApiAsUser(door.UserName);
        var history = new LockHistory(door).Opened(12);
        await (await api.PostAsJsonAsync($"/api/v1/locks/{door.LockId}/events", history.Body(1, 5))).ShouldBeOk();

        var gapped = await (await api.PostAsJsonAsync($"/api/v1/locks/{door.LockId}/events", history.Body(9, 12))).ShouldBeOk();

        gapped.GetProperty("missingEvents").GetInt64().ShouldBe(3);
        var gap = gapped.GetProperty("newGaps").EnumerateArray().ShouldHaveSingleItem();
        (gap.GetProperty("first").GetInt64(), gap.GetProperty("last").GetInt64()).ShouldBe((6L, 8L));
        await using (var db = app.SystemContext())
        {
            var line = await db.AccessEvents.SingleAsync(e => e.LockId == door.LockId && e.Kind == AccessEventKind.SequenceGap);
            line.Detail.ShouldBe("Händelse 6–8 saknas från låset (3 st).");
            var alert = await db.Notifications.Where(n => n.Template == nameof(NotificationTemplate.LockEventsMissing)).ToListAsync();
            alert.ShouldContain(n => n.RecipientRole == Roles.SystemAdministrator && n.Body.Contains(door.LockSerial));
        }

        var filled = await (await api.PostAsJsonAsync($"/api/v1/locks/{door.LockId}/events", history.Body(6, 8))).ShouldBeOk();
        filled.GetProperty("missingEvents").GetInt64().ShouldBe(0);
        filled.GetProperty("newGaps").GetArrayLength().ShouldBe(0);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Upload_EnrichesOpeningsFromTheIssuedCredential_AndRefusalsWithTheLocksReason(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var api = await app.ApiAsUser(door.UserName);
        var body = await (await api.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId })).ShouldBeOk();
        Credential.TryDecode(Convert.FromBase64String(body.Text("credential")!), out var credential, out _).ShouldBeTrue();
        using var emulated = await app.EmulatedLock(door);
        emulated.Present(door.Holder.Answer(emulated.Challenge(), credential!)).Opened.ShouldBeTrue();
        emulated.Present(new byte[10]).Opened.ShouldBeFalse();

        var batch = emulated.ReadSignedEvents(0)!;
        await (await api.PostAsJsonAsync($"/api/v1/locks/{door.LockId}/events", LockHistory.Body(batch.ToArray()))).ShouldBeOk();

        await using var db = app.SystemContext();
        var lines = await db.AccessEvents.Where(e => e.LockId == door.LockId && e.LockSequence != null).OrderBy(e => e.LockSequence).ToListAsync();
        lines.Count.ShouldBe(2);
        lines[0].Kind.ShouldBe(AccessEventKind.Opened);
        (lines[0].EmployeeId, lines[0].ClientId, lines[0].DigitalKeyId, lines[0].UnitId).ShouldBe((door.EmployeeId, door.ClientId, door.KeyId, app.World.ExternalUnit));
        lines[1].Kind.ShouldBe(AccessEventKind.Refused);
        lines[1].ReasonCode.ShouldBe(nameof(RefusalReason.Malformed));
        lines[1].Detail.ShouldBe(RefusalReasonTexts.Swedish(RefusalReason.Malformed));
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task BreakGlass_NeedsAReason_IsShort_AlertsTheUnitManager_AndWaitsForReview(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor(EmploymentType.Hourly, withUnit: false);
        var api = await app.ApiAsUser(door.UserName);

        await (await api.PostAsJsonAsync("/api/v1/break-glass", new { lockId = door.LockId }))
            .ShouldBeFieldError("reason", "Anledning till nödöppningen måste anges.");
        var body = await (await api.PostAsJsonAsync("/api/v1/break-glass", new { lockId = door.LockId, reason = "Larm utan svar, brukaren kan ha fallit" })).ShouldBeOk();

        body.Text("kind").ShouldBe("BreakGlass");
        (body.GetProperty("validUntil").GetDateTimeOffset() - body.GetProperty("validFrom").GetDateTimeOffset()).ShouldBe(TimeSpan.FromMinutes(30));
        await using (var db = app.SystemContext())
        {
            // This test's break-glass only: the outbox is shared with the other tests of the app.
            var glass = await db.BreakGlasses.SingleAsync(b => b.EmployeeId == door.EmployeeId);
            var reference = RequestBreakGlass.Reference(glass.Id);
            var alerts = await db.Notifications.Where(n => n.Template == nameof(NotificationTemplate.BreakGlassAlert) && n.Subject.Contains(reference))
                .ToListAsync();
            alerts.ShouldContain(n => n.RecipientRole == Roles.UnitManager && n.RecipientUnitId == app.World.ExternalUnit);
            foreach (var alert in alerts) PersonalDataScanner.Scan(alert.Subject + " " + alert.Body).ShouldBeEmpty();
        }

        var manager = await app.ApiAs(Roles.UnitManager);
        var list = await (await manager.GetAsync("/api/v1/break-glass?unreviewed=true")).ShouldBeOk();
        var item = list.EnumerateArray().Single(i => i.GetProperty("employeeId").GetGuid() == door.EmployeeId);
        item.Text("reason").ShouldBe("Larm utan svar, brukaren kan ha fallit");
        (await manager.PostAsJsonAsync($"/api/v1/break-glass/{item.Id()}/review", new { justified = true, version = item.Version() }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await (await manager.GetAsync("/api/v1/break-glass?unreviewed=true")).ShouldBeOk();
        after.EnumerateArray().ShouldNotContain(i => i.GetProperty("employeeId").GetGuid() == door.EmployeeId);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task CouldNotGetIn_LogsTheIncident_OpensAFaultReport_AndNamesTheKeyHolder(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        await using (var db = app.SystemContext())
        {
            var client = await db.Clients.SingleAsync(c => c.Id == door.ClientId);
            var unit = await db.Units.SingleAsync(u => u.Id == app.World.ExternalUnit);
            db.KeySets.Add(new Keys.KeySet(client, "F-" + door.LockSerial[^4..], 1, unit));
            await db.SaveChangesAsync();
        }
        var api = await app.ApiAsUser(door.UserName);

        var body = await (await api.PostAsJsonAsync($"/api/v1/clients/{door.ClientId}/could-not-get-in", new { note = "Låset blinkar rött" })).ShouldBeOk();

        body.Text("message")!.ShouldContain("Använd den fysiska nyckeln: Norr");
        await using var check = app.SystemContext();
        var order = await check.WorkOrders.SingleAsync(w => w.Id == body.GetProperty("workOrderId").GetGuid());
        order.Kind.ShouldBe(RoutineKind.FaultReport);
        order.ClientId.ShouldBe(door.ClientId);
        var line = await check.AccessEvents.SingleAsync(e => e.ClientId == door.ClientId && e.Kind == AccessEventKind.CouldNotGetIn);
        (line.EmployeeId, line.LockId).ShouldBe((door.EmployeeId, door.LockId));
        var told = await check.Notifications.Where(n => n.Template == nameof(NotificationTemplate.CouldNotGetIn) && n.Link == $"/Arenden/{order.Id}")
            .ToListAsync();
        told.ShouldContain(n => n.RecipientUnitId == app.World.ExternalUnit && n.Body.Contains("Norr"));
        foreach (var n in told) PersonalDataScanner.Scan(n.Subject + " " + n.Body).ShouldBeEmpty();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task LockSync_ShowsTheRevocationListLag_AndTheWorstCaseExposure(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var api = await app.ApiAsUser(door.UserName);
        var body = await (await api.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId })).ShouldBeOk();
        var validUntil = body.GetProperty("validUntil").GetDateTimeOffset();
        await app.Block(door);
        var admin = await app.ApiAs(Roles.SystemAdministrator);

        var lagging = await (await admin.GetAsync($"/api/v1/locks/{door.LockId}/sync")).ShouldBeOk();
        lagging.GetProperty("versionsBehind").GetInt64().ShouldBeGreaterThanOrEqualTo(1);
        lagging.GetProperty("keysBlockedSinceLockList").GetInt32().ShouldBe(1);
        // The lock accepts the credential until its end plus the lock's clock skew.
        lagging.GetProperty("exposureUntil").GetDateTimeOffset().ShouldBe(validUntil + Protocol.DefaultAllowedSkew);

        var current = lagging.GetProperty("currentListVersion").GetInt64();
        var applied = new LockHistory(door).Add(s => new LockEvent(door.LockId, s, RunClock.Now, LockEventKind.RevocationListApplied,
            RevocationListVersion: current));
        await (await api.PostAsJsonAsync($"/api/v1/locks/{door.LockId}/events", applied.Body(1, 1))).ShouldBeOk();
        var upToDate = await (await admin.GetAsync($"/api/v1/locks/{door.LockId}/sync")).ShouldBeOk();
        upToDate.GetProperty("versionsBehind").GetInt64().ShouldBe(0);
        upToDate.GetProperty("lockListVersion").GetInt64().ShouldBe(current);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Upload_RefusesBadBatches_WithFieldErrors(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor();
        var api = await app.ApiAsUser(door.UserName);
        var url = $"/api/v1/locks/{door.LockId}/events";

        await (await api.PostAsJsonAsync(url, new { batch = "" })).ShouldBeFieldError("batch", "Skicka låsets signerade händelsebatch (base64).");
        await (await api.PostAsJsonAsync(url, new { batch = "inte base64!" })).ShouldBeFieldError("batch", "Batchen är inte giltig base64.");
        var malformed = await api.PostAsJsonAsync(url, new { batch = Convert.ToBase64String(new byte[40]) });
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadFromJsonAsync<JsonElement>()).Text("code").ShouldBe("batch-malformed");
        await using var db = app.SystemContext();
        (await db.AccessEvents.CountAsync(e => e.LockId == door.LockId)).ShouldBe(0);
    }
}
