using Nyckelfri.Testing;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.LockProtocol;
using static Nyckelfri.IntegrationTests.Access.DigitalKeysTestData;

namespace Nyckelfri.IntegrationTests.Doors;

/// <summary>
/// Device-key enrolment with proof of possession (issue 12): the employee's browser enrols its own key
/// on the web-app key, every bad proof is refused with a stable code and changes nothing, a replacement
/// needs the password and blocks the old device key at once, and the alarm centre's registration needs
/// a proof too; on SQLite and PostgreSQL.
/// </summary>
[Collection(AppCollections.Access)]
public sealed class DeviceKeyEnrolmentTests(AppFixture fixture)
{
    [DatabaseTheory, DatabaseProviders]
    public async Task Enrol_WithAProofByTheKey_RecordsThePublicKeyOnTheWebAppKey_AndTheDoorOpens(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor(keyKind: DigitalKeyKind.WebApp, enrolled: false);
        var api = await app.ApiAsUser(door.UserName);
        await (await api.DoorChallenge(door.LockId, door.DeviceKey)).ShouldBeRefusedWith(HttpStatusCode.Forbidden, OpenDoor.NotEnrolledCode);
        // A phone app asking for a credential for that key directly gets the same answer, logged as a refusal.
        await (await api.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId })).ShouldBeRefusedWith(HttpStatusCode.Forbidden, OpenDoor.NotEnrolledCode);

        var challenge = await api.EnrolmentChallenge();
        challenge.GetProperty("replaces").GetBoolean().ShouldBeFalse();
        challenge.GetProperty("tag").GetString().ShouldBe("nyckelfri/device-key-enrolment/v1");
        var enrolled = await (await api.Enrol(challenge, BrowserKeySteps.PublicKeyOf(door.DeviceKey), BrowserKeySteps.Proof(challenge, door.DeviceKey))).ShouldBeOk();

        enrolled.GetProperty("replaced").GetBoolean().ShouldBeFalse();
        await using (var db = app.SystemContext())
            (await db.DigitalKeys.SingleAsync(k => k.Id == door.KeyId)).HolderPublicKey.ShouldBe(P256.ExportPublicKey(door.DeviceKey));
        (await api.OpenDoor(door.LockId, door.DeviceKey)).GetProperty("opened").GetBoolean().ShouldBeTrue();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Enrol_BadProofs_AreRefusedWithStableCodes_AndNothingIsRecorded(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor(keyKind: DigitalKeyKind.WebApp, enrolled: false);
        var api = await app.ApiAsUser(door.UserName);
        var key = BrowserKeySteps.PublicKeyOf(door.DeviceKey);
        using var other = P256.CreateKey();

        var first = await api.EnrolmentChallenge();
        var second = await api.EnrolmentChallenge();
        // A proof over another challenge.
        await (await api.Enrol(first, key, BrowserKeySteps.Proof(second, door.DeviceKey))).ShouldBeRefusedWith(HttpStatusCode.Conflict, ProofOfPossession.ProofInvalid);
        // The challenge is used up by that attempt, good or not.
        await (await api.Enrol(first, key, BrowserKeySteps.Proof(first, door.DeviceKey))).ShouldBeRefusedWith(HttpStatusCode.Conflict, ProofOfPossession.ChallengeUsed);
        // A proof made by another key than the one enrolled.
        await (await api.Enrol(second, key, BrowserKeySteps.Proof(second, other))).ShouldBeRefusedWith(HttpStatusCode.Conflict, ProofOfPossession.ProofInvalid);
        // Malformed key and signature: the challenge is not touched.
        var third = await api.EnrolmentChallenge();
        await (await api.Enrol(third, Convert.ToBase64String(new byte[65]), BrowserKeySteps.Proof(third, door.DeviceKey)))
            .ShouldBeRefusedWith(HttpStatusCode.Conflict, ProofOfPossession.KeyMalformed);
        await (await api.Enrol(third, "inte base64!", BrowserKeySteps.Proof(third, door.DeviceKey))).ShouldBeRefusedWith(HttpStatusCode.Conflict, ProofOfPossession.KeyMalformed);
        await (await api.Enrol(third, key, Convert.ToBase64String(new byte[63]))).ShouldBeRefusedWith(HttpStatusCode.Conflict, ProofOfPossession.ProofMalformed);
        // Another login's challenge is unknown to this one.
        using var strangersDoor = await app.NewDoor(keyKind: DigitalKeyKind.WebApp, enrolled: false);
        var stranger = await app.ApiAsUser(strangersDoor.UserName);
        var strangers = await stranger.PostAsJsonAsync("/api/v1/me/device-key", new
        {
            challengeId = third.GetProperty("challengeId").GetGuid(), publicKey = key, proof = BrowserKeySteps.Proof(third, door.DeviceKey),
        });
        await strangers.ShouldBeRefusedWith(HttpStatusCode.Conflict, ProofOfPossession.ChallengeUnknown);
        // An expired one (made five minutes and a second ago).
        Guid expired;
        await using (var db = app.SystemContext())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == door.UserName);
            var old = new DeviceKeyChallenge(app.World.MunicipalityA, user.Id, door.KeyId, new byte[Enrolment.ChallengeLength],
                app.Clock.GetUtcNow().UtcDateTime - DeviceKeyChallenge.Lifetime - TimeSpan.FromSeconds(1));
            db.DeviceKeyChallenges.Add(old);
            await db.SaveChangesAsync();
            expired = old.Id;
        }
        var expiredProof = Convert.ToBase64String(Enrolment.Prove(door.DeviceKey, new byte[Enrolment.ChallengeLength], door.KeyId));
        await (await api.PostAsJsonAsync("/api/v1/me/device-key", new { challengeId = expired, publicKey = key, proof = expiredProof }))
            .ShouldBeRefusedWith(HttpStatusCode.Conflict, ProofOfPossession.ChallengeExpired);
        // Missing fields are a validation problem.
        (await api.PostAsJsonAsync("/api/v1/me/device-key", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await using var check = app.SystemContext();
        (await check.DigitalKeys.SingleAsync(k => k.Id == door.KeyId)).HasKeyMaterial.ShouldBeFalse();
        // The third challenge was never used by a well-formed attempt of this login: it still enrols.
        (await (await api.Enrol(third, key, BrowserKeySteps.Proof(third, door.DeviceKey))).ShouldBeOk()).GetProperty("replaced").GetBoolean().ShouldBeFalse();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task Replace_NeedsThePassword_BlocksTheOldDeviceKeyAtOnce_AndIsInTheHistory(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        using var door = await app.NewDoor(keyKind: DigitalKeyKind.WebApp);
        var api = await app.ApiAsUser(door.UserName);
        using var newPhone = P256.CreateKey();
        var oldHash = P256.KeyHash(P256.ExportPublicKey(door.DeviceKey));
        await (await api.DoorChallenge(door.LockId, newPhone)).ShouldBeRefusedWith(HttpStatusCode.Forbidden, OpenDoor.EnrolledElsewhereCode);

        var noPassword = await api.EnrolmentChallenge();
        noPassword.GetProperty("replaces").GetBoolean().ShouldBeTrue();
        await (await api.Enrol(noPassword, BrowserKeySteps.PublicKeyOf(newPhone), BrowserKeySteps.Proof(noPassword, newPhone)))
            .ShouldBeRefusedWith(HttpStatusCode.Conflict, EnrolWebAppDeviceKey.PasswordRequired);
        var wrong = await api.EnrolmentChallenge();
        await (await api.Enrol(wrong, BrowserKeySteps.PublicKeyOf(newPhone), BrowserKeySteps.Proof(wrong, newPhone), "fel-losenord"))
            .ShouldBeRefusedWith(HttpStatusCode.Conflict, EnrolWebAppDeviceKey.PasswordWrong);
        await using (var db = app.SystemContext())
            (await db.DigitalKeys.SingleAsync(k => k.Id == door.KeyId)).HolderPublicKey.ShouldBe(P256.ExportPublicKey(door.DeviceKey));

        var replaced = await api.EnrolKey(newPhone, TestWorld.Password);

        replaced.GetProperty("replaced").GetBoolean().ShouldBeTrue();
        var listVersion = replaced.GetProperty("revocationListVersion").GetInt64();
        await using var check = app.SystemContext();
        var list = await check.RevocationLists.SingleAsync(r => r.MunicipalityId == app.World.MunicipalityA && r.ListVersion == listVersion);
        RevocationList.TryDecode(list.Encoded, out var decoded, out _).ShouldBeTrue();
        decoded!.HolderKeyHashes.ShouldContain(h => h.SequenceEqual(oldHash));
        (await check.AuditEntries.Where(a => a.EntityId == door.KeyId).Select(a => a.Action).ToListAsync()).ShouldContain("Enhetsnyckel bytt");
        // The old device gets nothing more; the new one opens.
        await (await api.DoorChallenge(door.LockId, door.DeviceKey)).ShouldBeRefusedWith(HttpStatusCode.Forbidden, OpenDoor.EnrolledElsewhereCode);
        (await api.OpenDoor(door.LockId, newPhone)).GetProperty("opened").GetBoolean().ShouldBeTrue();
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task AlarmCentreRegistration_WithoutOrWithABadProof_IsRefused_AndWithAProofRegisters(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var api = await app.ApiAs(Roles.AlarmCentreSupport);
        var number = Unique("POP");

        var withoutProof = await api.PostAsJsonAsync("/api/v1/digital-keys", new { keyNumber = number, kind = "PhoneApp", holderPublicKey = PublicKeyBase64(out _), stock = "AlarmCentre" });
        withoutProof.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await withoutProof.Content.ReadAsStringAsync()).ShouldContain("enrolmentProof");
        var proof = await Prove(api, kind: "KeyFob");
        var otherKey = PublicKeyBase64(out _);
        await (await api.PostAsJsonAsync("/api/v1/digital-keys", new
        {
            keyNumber = number, kind = "KeyFob", holderPublicKey = otherKey, enrolmentChallengeId = proof.ChallengeId, enrolmentProof = proof.Proof, stock = "AlarmCentre",
        })).ShouldBeRefusedWith(HttpStatusCode.Conflict, ProofOfPossession.ProofInvalid);
        await using (var db = app.SystemContext())
            (await db.DigitalKeys.CountAsync(k => k.KeyNumber == number)).ShouldBe(0);

        var good = await Prove(api, kind: "KeyFob");
        var registered = await (await api.PostAsJsonAsync("/api/v1/digital-keys", new
        {
            keyNumber = number, kind = "KeyFob", holderPublicKey = good.PublicKey, enrolmentChallengeId = good.ChallengeId, enrolmentProof = good.Proof, stock = "AlarmCentre",
        })).ShouldBeCreatedAt("/api/v1/digital-keys");
        registered.Id().ShouldBe(good.DigitalKeyId);
        // A challenge for a new key is the alarm centre's only: an employee gets 403.
        (await (await app.ApiAs(Roles.Employee)).PostAsJsonAsync("/api/v1/digital-keys/enrolment-challenges", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
