using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Doors;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.LockEmulator;
using Nyckelfri.LockProtocol;
using Nyckelfri.Testing;

namespace Nyckelfri.IntegrationTests.Custody;

/// <summary>
/// Issuer-key rotation through the real app and an emulated lock (docs/key-custody.md): a new key is
/// published in a signed key set before it signs; after the key-set update the lock accepts the new key
/// id, refuses an unknown one, and the old key's credentials open until they expire; then the old key is
/// retired. An app of its own: it rotates the test municipality's keys and moves the clock a day on.
/// </summary>
public sealed class IssuerKeyRotationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [DatabaseTheory, DatabaseProviders]
    public async Task Rotate_AfterTheKeySetUpdate_NewKeyOpensOldOpensUntilExpiryUnknownRefused(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        app.Clock.Now = RunClock.Now;
        using var door = await app.NewDoor();
        var staff = await app.ApiAsUser(door.UserName);
        var admin = await app.ApiAs(Roles.SystemAdministrator);

        var first = await IssueAsync(staff, door);
        using var emulated = new EmulatedLock(new EmulatedLockOptions
        {
            LockId = door.LockId, SerialNumber = door.LockSerial, TrustedIssuers = first.KeySet.Keys, IssuerKeySetVersion = first.KeySet.SetVersion,
        }, app.Clock);
        Open(emulated, door, first.Credential).ShouldBe(RefusalReason.None);
        var oldKeyId = first.Credential.IssuerKeyId;

        var rotated = await admin.PostAsJsonAsync("/api/v1/issuer-keys/rotate", new { overlapHours = 24 });
        rotated.StatusCode.ShouldBe(HttpStatusCode.Created, await rotated.Content.ReadAsStringAsync());
        var rotation = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        var newKeyId = rotation.GetProperty("keyId").GetString()!;
        var activatesAt = rotation.GetProperty("activatesAt").GetDateTime();
        newKeyId.ShouldNotBe(oldKeyId);
        (await admin.PostAsJsonAsync("/api/v1/issuer-keys/rotate", new { overlapHours = 24 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // During the overlap the old key still signs; the set naming both travels with the credential.
        app.Clock.Now = new DateTimeOffset(activatesAt, TimeSpan.Zero).AddMinutes(-1);
        // A bearer token lasts an hour on the app's clock: log in again after moving it.
        staff = await LoginAsync(app, door.UserName);
        var beforeSwitch = await IssueAsync(staff, door);
        beforeSwitch.Credential.IssuerKeyId.ShouldBe(oldKeyId);
        beforeSwitch.KeySet.Keys.Select(k => k.KeyId).Order(StringComparer.Ordinal).ShouldBe(new[] { oldKeyId, newKeyId }.Order(StringComparer.Ordinal));
        beforeSwitch.KeySet.SetVersion.ShouldBeGreaterThan(first.KeySet.SetVersion);

        app.Clock.Now = new DateTimeOffset(activatesAt, TimeSpan.Zero).AddSeconds(1);
        var afterSwitch = await IssueAsync(staff, door);
        afterSwitch.Credential.IssuerKeyId.ShouldBe(newKeyId);
        Open(emulated, door, afterSwitch.Credential).ShouldBe(RefusalReason.UntrustedIssuer);

        emulated.ApplyIssuerKeySet(afterSwitch.KeySet.Encoded).Applied.ShouldBeTrue();

        Open(emulated, door, afterSwitch.Credential).ShouldBe(RefusalReason.None);
        Open(emulated, door, beforeSwitch.Credential).ShouldBe(RefusalReason.None);
        Open(emulated, door, Forged(door, "nf-unknown-9")).ShouldBe(RefusalReason.UntrustedIssuer);
        Open(emulated, door, Forged(door, newKeyId)).ShouldBe(RefusalReason.IssuerSignatureInvalid);

        // The old key's last credential opens until it expires, skew included, and not a second longer.
        app.Clock.Now = beforeSwitch.Credential.ValidUntil + Protocol.DefaultAllowedSkew;
        Open(emulated, door, beforeSwitch.Credential).ShouldBe(RefusalReason.None);
        admin = await LoginAsync(app, TestWorld.UserFor(Roles.SystemAdministrator));
        var early = await admin.PostAsync($"/api/v1/issuer-keys/{oldKeyId}/retire", null);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadAsStringAsync()).ShouldContain("issuer-key-credentials-unexpired");
        app.Clock.Now = beforeSwitch.Credential.ValidUntil + Protocol.DefaultAllowedSkew + TimeSpan.FromSeconds(1);
        Open(emulated, door, beforeSwitch.Credential).ShouldBe(RefusalReason.Expired);

        // Retired once every credential it can have signed has expired: the lock forgets it.
        app.Clock.Now = new DateTimeOffset(activatesAt, TimeSpan.Zero) + Protocol.MaxValidity + Protocol.DefaultAllowedSkew;
        (staff, admin) = (await LoginAsync(app, door.UserName), await LoginAsync(app, TestWorld.UserFor(Roles.SystemAdministrator)));
        (await admin.PostAsync($"/api/v1/issuer-keys/{newKeyId}/retire", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await admin.PostAsync($"/api/v1/issuer-keys/{oldKeyId}/retire", null)).ShouldBeOk()).GetProperty("keyId").GetString().ShouldBe(oldKeyId);
        var retiring = await KeySetAsync(app);
        retiring.SignerKeyId.ShouldBe(newKeyId);
        retiring.Keys.Select(k => k.KeyId).ShouldBe([newKeyId]);
        emulated.ApplyIssuerKeySet(retiring.Encoded).Applied.ShouldBeTrue();
        emulated.TrustedKeyIds.ShouldBe([newKeyId]);
        // The revocation list is published again under the signing key, so the lock still takes it.
        var list = await (await staff.GetAsync("/api/v1/revocation-list")).ShouldBeOk();
        RevocationList.TryDecode(Convert.FromBase64String(list.GetProperty("list").GetString()!), out var decoded, out _).ShouldBeTrue();
        decoded!.IssuerKeyId.ShouldBe(newKeyId);
        emulated.ApplyRevocationList(decoded).Applied.ShouldBeTrue();
        Open(emulated, door, (await IssueAsync(staff, door)).Credential).ShouldBe(RefusalReason.None);

        await using var db = app.SystemContext();
        var keys = await db.IssuerKeys.Where(k => k.MunicipalityId == app.World.MunicipalityA).OrderBy(k => k.ActivatesAt).ToListAsync();
        keys.Select(k => (k.KeyId, Retired: k.RetiredAt is not null)).ShouldBe([(oldKeyId, true), (newKeyId, false)]);
        app.Clock.Now = null;
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task IssuerKeysPage_ListsKeysAndRotates(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var session = await PageSession.LoginAsync(app, TestWorld.UserFor(Roles.SystemAdministrator));

        var page = await session.Client.GetStringAsync("/Admin/Utfardarnycklar");

        page.ShouldContain("Utfärdarnycklar");
        await using var db = app.SystemContext();
        foreach (var key in await db.IssuerKeys.Where(k => k.MunicipalityId == app.World.MunicipalityA).ToListAsync())
        {
            page.ShouldContain(key.KeyId);
            page.ShouldContain(Nyckelfri.Access.ListIssuerKeys.Fingerprint(key.PublicKey));
        }
    }

    /// <summary>A client with a token made now on the app's clock (the app's cached tokens are from before the clock moved).</summary>
    private static async Task<HttpClient> LoginAsync(NyckelfriApp app, string userName)
    {
        var client = app.Anonymous();
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = TestWorld.Password })).ShouldBeOk();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    internal sealed record Issued(Credential Credential, Nyckelfri.Access.CurrentIssuerKeySet KeySet);

    /// <summary>A credential from the API and the key set that came with it, as the phone gets them.</summary>
    internal static async Task<Issued> IssueAsync(HttpClient staff, Door door)
    {
        var body = await (await staff.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId })).ShouldBeOk();
        Credential.TryDecode(Convert.FromBase64String(body.GetProperty("credential").GetString()!), out var credential, out _).ShouldBeTrue();
        var set = body.GetProperty("issuerKeySet");
        var encoded = Convert.FromBase64String(set.GetProperty("set").GetString()!);
        IssuerKeySet.TryDecode(encoded, out var decoded, out _).ShouldBeTrue();
        decoded!.SetVersion.ShouldBe(set.GetProperty("version").GetInt64());
        return new Issued(credential!, new Nyckelfri.Access.CurrentIssuerKeySet(decoded.SetVersion, decoded.IssuedAt.UtcDateTime, encoded, decoded.Keys));
    }

    private static async Task<IssuerKeySet> KeySetAsync(NyckelfriApp app)
    {
        var body = await (await app.WithApiKey().GetAsync("/api/v1/issuer-keys/key-set")).ShouldBeOk();
        IssuerKeySet.TryDecode(Convert.FromBase64String(body.GetProperty("set").GetString()!), out var set, out _).ShouldBeTrue();
        return set!;
    }

    internal static RefusalReason Open(EmulatedLock emulated, Door door, Credential credential) =>
        emulated.Present(door.Holder.Answer(emulated.Challenge(), credential)).Reason;

    /// <summary>A credential for the door signed by a key the municipality never had, under the given key id.</summary>
    private static Credential Forged(Door door, string keyId)
    {
        using var key = P256.CreateKey();
        var now = DateTimeOffset.FromUnixTimeSeconds(RunClock.Now.ToUnixTimeSeconds());
        return new Issuer(keyId, key).Issue(door.EmployeeId, P256.ExportPublicKey(door.DeviceKey), door.LockId, now.AddDays(-2), now.AddDays(-2).AddHours(8));
    }
}
