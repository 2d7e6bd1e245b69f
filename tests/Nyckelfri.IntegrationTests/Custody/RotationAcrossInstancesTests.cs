using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Access;
using Nyckelfri.Data;
using Nyckelfri.Demo;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Doors;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Testing;

namespace Nyckelfri.IntegrationTests.Custody;

/// <summary>
/// A rotation made on one instance behind a load balancer: the other instance, which has the old key in
/// its cache, signs with the new key from the second it activates and never with a retired one, and its
/// "Öppna" carries the new key set to a lock commissioned before the rotation. An app of its own: it
/// rotates the municipality's keys and moves the clock.
/// </summary>
public sealed class RotationAcrossInstancesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [DatabaseTheory, DatabaseProviders]
    public async Task RotateOnOneInstance_TheOtherSignsWithTheNewKeyAndCarriesTheSetToTheDoor(DatabaseProvider provider)
    {
        var first = await fixture.For(provider);
        first.Clock.Now = RunClock.Now;
        using var door = await first.NewDoor(keyKind: DigitalKeyKind.WebApp);
        await using var second = first.StartAnotherInstance();
        second.Clock.Now = first.Clock.Now;
        (await OpenAsync(first, door)).ShouldContain("Dörren är upplåst.");
        var lockOnPlatform = first.Services.GetRequiredService<EmulatedLocks>();
        var commissioned = Platform(lockOnPlatform, door);
        var oldKeyId = commissioned.TrustedKeyIds.Single();

        var rotation = await (await (await second.ApiAs(Roles.SystemAdministrator))
            .PostAsJsonAsync("/api/v1/issuer-keys/rotate", new { overlapHours = 24 })).Content.ReadFromJsonAsync<RotationResult>();
        var activation = new DateTimeOffset(rotation!.ActivatesAt, TimeSpan.Zero);
        first.Clock.Now = second.Clock.Now = activation.AddSeconds(1);

        (await IssuerKeyRotationTests.IssueAsync(await LoginAsync(first, door.UserName), door)).Credential.IssuerKeyId.ShouldBe(rotation.KeyId);
        (await OpenAsync(first, door)).ShouldContain("Dörren är upplåst.");
        commissioned.TrustedKeyIds.ShouldBe(new[] { oldKeyId, rotation.KeyId }.Order(StringComparer.Ordinal));
        commissioned.Status().IssuerKeySetVersion.ShouldBe(rotation.KeySetVersion);

        first.Clock.Now = second.Clock.Now = activation + Nyckelfri.LockProtocol.Protocol.MaxValidity + Nyckelfri.LockProtocol.Protocol.DefaultAllowedSkew;
        var admin = await LoginAsync(second, TestWorld.UserFor(Roles.SystemAdministrator));
        (await admin.PostAsync($"/api/v1/issuer-keys/{oldKeyId}/retire", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var jwks = await (await first.WithApiKey().GetAsync("/api/v1/issuer-keys")).ShouldBeOk();
        jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ShouldBe([rotation.KeyId]);
        (await OpenAsync(first, door)).ShouldContain("Dörren är upplåst.");
        commissioned.TrustedKeyIds.ShouldBe([rotation.KeyId]);
        first.Clock.Now = second.Clock.Now = null;
    }

    private sealed record RotationResult(string KeyId, DateTime ActivatesAt, long KeySetVersion);

    private static LockEmulator.EmulatedLock Platform(EmulatedLocks locks, Door door) =>
        locks.GetOrAdd(new LockOnRecord(door.LockId, door.LockSerial, [], 0, null));

    /// <summary>"Öppna" as the staff app does it (the doors API, the device key signing), logged in anew (a token lasts on the app's clock, which the test moves).</summary>
    private static async Task<string> OpenAsync(NyckelfriApp app, Door door)
    {
        var api = await LoginAsync(app, door.UserName);
        return (await api.OpenDoor(door.LockId, door.DeviceKey)).GetProperty("message").GetString()!;
    }

    private static async Task<HttpClient> LoginAsync(NyckelfriApp app, string userName)
    {
        var client = app.Anonymous();
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = TestWorld.Password })).ShouldBeOk();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }
}
