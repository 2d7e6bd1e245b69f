using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Data;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.LockProtocol;
using Nyckelfri.Testing;

namespace Nyckelfri.IntegrationTests.Doors;

/// <summary>
/// "Öppna" on the door page (OpenDoor): with the demo wired in, the whole protocol runs against the
/// emulated lock platform and the lock's events come back through the upload; with no lock platform
/// connected (demo off, as in production until a vendor's adapter is registered) the page says so in
/// Swedish, and nothing is issued or logged.
/// </summary>
public sealed class OpenDoorPageTests(AppFixture withDemo, AppWithoutDemoFixture withoutDemo)
    : IClassFixture<AppFixture>, IClassFixture<AppWithoutDemoFixture>
{
    [DatabaseTheory, DatabaseProviders]
    public async Task Open_WithTheEmulatedLockPlatform_OpensTheLockAndStoresItsEvents(DatabaseProvider provider)
    {
        var app = await withDemo.For(provider);
        using var door = await app.NewDoor(keyKind: DigitalKeyKind.WebApp);
        using var session = await PageSession.LoginAsync(app, door.UserName);

        var page = await Open(session, door);

        page.ShouldContain("Dörren är upplåst.");
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
    public async Task AnEventNumbered2Pow63Minus1_Gets400_AndTheDoorStillOpens(DatabaseProvider provider)
    {
        var app = await withDemo.For(provider);
        using var door = await app.NewDoor(keyKind: DigitalKeyKind.WebApp);
        var chain = new EventChain(door.LockId, door.LockKey, long.MaxValue - 1);
        var extreme = chain.Sign([chain.Append(s => new LockEvent(door.LockId, s, RunClock.Now, LockEventKind.Opened, EmployeeId: door.EmployeeId))]);
        var api = await app.ApiAsUser(door.UserName);

        var response = await api.PostAsJsonAsync($"/api/v1/locks/{door.LockId}/events", LockHistory.Body(extreme.ToArray()));

        (await response.ShouldBeRefused(HttpStatusCode.BadRequest, "sequence-jump-too-large")).ShouldBe(long.MaxValue);
        using var session = await PageSession.LoginAsync(app, door.UserName);
        (await Open(session, door)).ShouldContain("Dörren är upplåst.");
        (await Open(session, door)).ShouldContain("Dörren är upplåst.");
        await using var db = app.SystemContext();
        (await db.LockSyncs.SingleAsync(s => s.LockId == door.LockId)).HighestSequence.ShouldBe(2);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Open_WithNoLockPlatformConnected_SaysSoInSwedishAndIssuesNothing(DatabaseProvider provider)
    {
        var app = await withoutDemo.For(provider);
        using var door = await app.NewDoor(keyKind: DigitalKeyKind.WebApp);
        using var session = await PageSession.LoginAsync(app, door.UserName);

        var page = await Open(session, door);

        page.ShouldContain("Ingen låsplattform är ansluten, så dörren kan inte öppnas härifrån.");
        page.ShouldNotContain("Dörren är upplåst.");
        await using var db = app.SystemContext();
        (await db.AccessEvents.CountAsync(e => e.LockId == door.LockId)).ShouldBe(0);
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task BreakGlass_WithNoLockPlatformConnected_SaysSoAndRecordsNoBreakGlass(DatabaseProvider provider)
    {
        var app = await withoutDemo.For(provider);
        using var door = await app.NewDoor(keyKind: DigitalKeyKind.WebApp);
        using var session = await PageSession.LoginAsync(app, door.UserName);

        var page = await Open(session, door, "BreakGlass", new() { ["BreakGlassReason"] = "Brukaren svarar inte, larm utan svar." });

        page.ShouldContain("Ingen låsplattform är ansluten");
        await using var db = app.SystemContext();
        (await db.BreakGlasses.CountAsync(g => g.LockId == door.LockId)).ShouldBe(0);
    }

    /// <summary>Presses a button of the door page, follows the redirect back and returns the page as shown.</summary>
    private static async Task<string> Open(PageSession session, Door door, string handler = "Open", Dictionary<string, string>? fields = null)
    {
        var path = $"/Brukare/{door.ClientId}/Dorren";
        var response = await session.PostFormAsync(path, fields ?? [], handler);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().ShouldBe(path);
        return WebUtility.HtmlDecode(await session.Client.GetStringAsync(path));
    }
}
