using Nyckelfri.Testing;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.IntegrationTests.Doors;

/// <summary>
/// "Öppna" in two steps around the device that holds the key (OpenDoor, the doors API; the browser's
/// script does the same): with the demo wired in, the whole protocol runs against the emulated lock
/// platform and the lock's events come back through the upload; the server relays only a response
/// carrying the caller's own credential; with no lock platform connected (demo off, as in production
/// until a vendor's adapter is registered) the answer says so in Swedish, and nothing is issued or logged.
/// </summary>
public sealed class OpenDoorTests(AppFixture withDemo, AppWithoutDemoFixture withoutDemo)
    : IClassFixture<AppFixture>, IClassFixture<AppWithoutDemoFixture>
{
    [DatabaseTheory, DatabaseProviders]
    public async Task Open_WithTheEmulatedLockPlatform_OpensTheLockAndStoresItsEvents(DatabaseProvider provider)
    {
        var app = await withDemo.For(provider);
        using var door = await app.NewDoor(keyKind: DigitalKeyKind.WebApp);
        var api = await app.ApiAsUser(door.UserName);

        var step = await (await api.DoorChallenge(door.LockId, door.DeviceKey)).ShouldBeOk();
        step.GetProperty("responseTag").GetString().ShouldBe(Enrolment.ResponseTag);
        step.GetProperty("protocolVersion").GetInt32().ShouldBe(Protocol.Version);
        var outcome = await (await api.PostAsJsonAsync($"/api/v1/doors/{door.LockId}/response",
            new { response = Convert.ToBase64String(BrowserKeySteps.Answer(step, door.DeviceKey)) })).ShouldBeOk();

        outcome.GetProperty("opened").GetBoolean().ShouldBeTrue();
        outcome.GetProperty("message").GetString().ShouldBe("Dörren är upplåst.");
        await using var db = app.SystemContext();
        var events = await db.AccessEvents.Where(e => e.LockId == door.LockId).ToListAsync();
        events.ShouldContain(e => e.Kind == AccessEventKind.CredentialIssued && e.EmployeeId == door.EmployeeId);
        var opened = events.Single(e => e.Kind == AccessEventKind.Opened);
        opened.LockSequence.ShouldNotBeNull();
        opened.EmployeeId.ShouldBe(door.EmployeeId);
        opened.CredentialKind.ShouldBe(AccessCredentialKind.Normal);
        // Protocol v2 end to end: the emulated lock signed the batch, the server stored the chain and who uploaded it.
        opened.LockEventHash!.Length.ShouldBe(Protocol.HashLength);
        opened.RecordedBy.ShouldStartWith("Eva Dörrsson");
        (await db.LockSyncs.SingleAsync(s => s.LockId == door.LockId)).HighestSequence.ShouldBe(opened.LockSequence!.Value);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task APostToAHandlerThePageDoesNotHave_Is404_Not500(DatabaseProvider provider)
    {
        var app = await withDemo.For(provider);
        using var door = await app.NewDoor(keyKind: DigitalKeyKind.WebApp);
        using var session = await PageSession.LoginAsync(app, door.UserName);

        // "Open" was the door page's server-side opening before the key moved into the browser.
        (await session.PostFormAsync($"/Brukare/{door.ClientId}/Dorren", [], "Open")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await session.PostFormAsync("/Mina-brukare", [], "NoSuchHandler")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task AnEventNumbered2Pow63Minus1_Gets400_AndTheDoorStillOpens(DatabaseProvider provider)
    {
        var app = await withDemo.For(provider);
        using var door = await app.NewDoor(keyKind: DigitalKeyKind.WebApp);
        var chain = new EventChain(door.LockId, door.LockKey, long.MaxValue - 1);
        var extreme = chain.Sign([chain.Append(s => new LockEvent(door.LockId, s, RunClock.Now, LockEventKind.Opened, EmployeeId: door.EmployeeId))]);
        var api = await app.ApiAsUser(door.UserName);

        var response = await api.PostAsJsonAsync($"/api/v1/locks/{door.LockId}/events", LockHistory.Body(extreme.ToArray()));

        (await response.ShouldBeRefused(HttpStatusCode.BadRequest, "sequence-jump-too-large")).ShouldBe(long.MaxValue);
        (await api.OpenDoor(door.LockId, door.DeviceKey)).GetProperty("message").GetString().ShouldBe("Dörren är upplåst.");
        (await api.OpenDoor(door.LockId, door.DeviceKey)).GetProperty("message").GetString().ShouldBe("Dörren är upplåst.");
        await using var db = app.SystemContext();
        (await db.LockSyncs.SingleAsync(s => s.LockId == door.LockId)).HighestSequence.ShouldBe(2);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task TheSyncAfterOpening_RefusedBecauseTheRegisteredLockKeyIsWrong_IsRecordedAndShownOnTheLockPage(DatabaseProvider provider)
    {
        var app = await withDemo.For(provider);
        using var door = await app.NewDoor(keyKind: DigitalKeyKind.WebApp);
        await using (var db = app.SystemContext())
        {
            // Someone registered another key at mounting: the lock's own signature no longer matches.
            using var wrong = P256.CreateKey();
            (await db.Devices.SingleAsync(d => d.Id == door.LockId)).RegisterLockPublicKey(P256.ExportPublicKey(wrong));
            await db.SaveChangesAsync();
        }
        var api = await app.ApiAsUser(door.UserName);

        // The door opens (the credential does not depend on the lock's key), but its events are not stored.
        (await api.OpenDoor(door.LockId, door.DeviceKey)).GetProperty("message").GetString().ShouldBe("Dörren är upplåst.");
        (await api.OpenDoor(door.LockId, door.DeviceKey)).GetProperty("message").GetString().ShouldBe("Dörren är upplåst.");

        await using (var db = app.SystemContext())
        {
            (await db.AccessEvents.CountAsync(e => e.LockId == door.LockId && e.LockSequence != null)).ShouldBe(0);
            var notice = (await db.AccessEvents.Where(e => e.LockId == door.LockId && e.ReasonCode == "events-refused-signature-invalid").ToListAsync())
                .ShouldHaveSingleItem(); // two refusals within the hour by the same person: one line
            notice.RecordedBy.ShouldNotBeNull().ShouldStartWith("Eva Dörrsson");
        }
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Nyckelfri.Identity.Roles.SystemAdministrator));
        var lockPage = System.Net.WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Utrustning/{door.LockId}"));
        lockPage.ShouldContain("Senast nekade uppladdning");
        lockPage.ShouldContain("Låsets underskrift stämmer inte");
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task BreakGlass_SignedByTheDevice_OpensAndIsRecorded(DatabaseProvider provider)
    {
        var app = await withDemo.For(provider);
        using var door = await app.NewDoor(keyKind: DigitalKeyKind.WebApp);
        var api = await app.ApiAsUser(door.UserName);

        var noReason = await api.PostAsJsonAsync($"/api/v1/doors/{door.LockId}/break-glass-challenge",
            new { holderPublicKey = BrowserKeySteps.PublicKeyOf(door.DeviceKey) });
        await noReason.ShouldBeFieldError("reason", "Anledning till nödöppningen måste anges.");
        var step = await (await api.PostAsJsonAsync($"/api/v1/doors/{door.LockId}/break-glass-challenge",
            new { holderPublicKey = BrowserKeySteps.PublicKeyOf(door.DeviceKey), reason = "Larm utan svar." })).ShouldBeOk();
        var outcome = await (await api.PostAsJsonAsync($"/api/v1/doors/{door.LockId}/response",
            new { response = Convert.ToBase64String(BrowserKeySteps.Answer(step, door.DeviceKey)) })).ShouldBeOk();

        outcome.GetProperty("opened").GetBoolean().ShouldBeTrue();
        outcome.GetProperty("breakGlass").GetBoolean().ShouldBeTrue();
        await using var db = app.SystemContext();
        (await db.BreakGlasses.CountAsync(g => g.LockId == door.LockId)).ShouldBe(1);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Response_WithAnotherEmployeesCredentialOrGarbage_IsNotRelayedToTheLock(DatabaseProvider provider)
    {
        var app = await withDemo.For(provider);
        using var mine = await app.NewDoor(keyKind: DigitalKeyKind.WebApp);
        using var theirs = await app.NewDoor(keyKind: DigitalKeyKind.WebApp);
        var myApi = await app.ApiAsUser(mine.UserName);
        var theirStep = await (await (await app.ApiAsUser(theirs.UserName)).DoorChallenge(theirs.LockId, theirs.DeviceKey)).ShouldBeOk();

        await (await myApi.PostAsJsonAsync($"/api/v1/doors/{theirs.LockId}/response",
                new { response = Convert.ToBase64String(BrowserKeySteps.Answer(theirStep, theirs.DeviceKey)) }))
            .ShouldBeRefusedWith(HttpStatusCode.Conflict, OpenDoor.NotYourCredentialCode);
        await (await myApi.PostAsJsonAsync($"/api/v1/doors/{mine.LockId}/response", new { response = "AAEC" }))
            .ShouldBeRefusedWith(HttpStatusCode.Conflict, "response-malformed");
        await using var db = app.SystemContext();
        (await db.AccessEvents.CountAsync(e => e.LockId == theirs.LockId && e.Kind == AccessEventKind.Opened)).ShouldBe(0);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Open_WithNoLockPlatformConnected_SaysSoInSwedishAndIssuesNothing(DatabaseProvider provider)
    {
        var app = await withoutDemo.For(provider);
        using var door = await app.NewDoor(keyKind: DigitalKeyKind.WebApp);
        var api = await app.ApiAsUser(door.UserName);

        var response = await api.DoorChallenge(door.LockId, door.DeviceKey);

        await response.ShouldBeRefusedWith(HttpStatusCode.Forbidden, OpenDoor.NoLockPlatformCode);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Ingen låsplattform är ansluten, så dörren kan inte öppnas härifrån.");
        await using var db = app.SystemContext();
        (await db.AccessEvents.CountAsync(e => e.LockId == door.LockId)).ShouldBe(0);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task BreakGlass_WithNoLockPlatformConnected_SaysSoAndRecordsNoBreakGlass(DatabaseProvider provider)
    {
        var app = await withoutDemo.For(provider);
        using var door = await app.NewDoor(keyKind: DigitalKeyKind.WebApp);
        var api = await app.ApiAsUser(door.UserName);

        var response = await api.PostAsJsonAsync($"/api/v1/doors/{door.LockId}/break-glass-challenge",
            new { holderPublicKey = BrowserKeySteps.PublicKeyOf(door.DeviceKey), reason = "Brukaren svarar inte, larm utan svar." });

        await response.ShouldBeRefusedWith(HttpStatusCode.Forbidden, OpenDoor.NoLockPlatformCode);
        await using var db = app.SystemContext();
        (await db.BreakGlasses.CountAsync(g => g.LockId == door.LockId)).ShouldBe(0);
    }
}
