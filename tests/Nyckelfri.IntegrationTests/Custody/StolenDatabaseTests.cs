using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Doors;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.Testing;

namespace Nyckelfri.IntegrationTests.Custody;

/// <summary>
/// A copy of the database (a stolen backup) started without the key-encryption certificate, with
/// another one in its place, cannot produce a credential a lock would accept: issuing fails closed with
/// a clear error, no key is made in the stored key's place, rotation is refused too, and the stored
/// protected issuer key does not open with that host's Data Protection keys. The same copy with the
/// right certificate issues under the same key id, so the failure is the certificate's.
/// </summary>
public sealed class StolenDatabaseTests
{
    [DatabaseTheory, DatabaseProviders]
    public async Task CopyWithAnotherCertificate_CannotIssueOrRotate_AndTheStoredKeyStaysClosed(DatabaseProvider provider)
    {
        Door door;
        string keyId;
        await using (var original = await NyckelfriApp.StartAsync(provider))
        {
            door = await original.NewDoor();
            var first = await IssuerKeyRotationTests.IssueAsync(await original.ApiAsUser(door.UserName), door);
            keyId = first.Credential.IssuerKeyId;
            await using var before = original.SystemContext();
            (await before.DataProtectionKeys.Select(k => k.Xml).ToListAsync()).ShouldAllBe(xml => xml.Contains("EncryptedData") && !xml.Contains("<masterKey"));
            await original.StopAsync();
            await using var thief = await NyckelfriApp.StartOnCopyAsync(original, TestKeyEncryption.Create("thief"));
            await AssertClosedAsync(thief, door, keyId);
            await using var owner = await NyckelfriApp.StartOnCopyAsync(original, TestKeyEncryption.Run);
            var again = await IssuerKeyRotationTests.IssueAsync(await owner.ApiAsUser(door.UserName), door);
            again.Credential.IssuerKeyId.ShouldBe(keyId);
        }
        door.Dispose();
    }

    private static async Task AssertClosedAsync(NyckelfriApp thief, Door door, string keyId)
    {
        var staff = await thief.ApiAsUser(door.UserName);
        var refused = await staff.PostAsJsonAsync("/api/v1/credentials", new { lockId = door.LockId });
        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("issuer-key-unavailable");
        problem.GetProperty("detail").GetString()!.ShouldContain("utfärdarnyckel kan inte läsas");

        var admin = await thief.ApiAs(Roles.SystemAdministrator);
        (await admin.PostAsJsonAsync("/api/v1/issuer-keys/rotate", new { overlapHours = 24 })).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        await using var db = thief.SystemContext();
        var keys = await db.IssuerKeys.Where(k => k.MunicipalityId == thief.World.MunicipalityA).ToListAsync();
        keys.Select(k => k.KeyId).ShouldBe([keyId]);
        (await db.IssuerKeySets.CountAsync(s => s.MunicipalityId == thief.World.MunicipalityA)).ShouldBe(1);
        var protector = thief.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Nyckelfri.IssuerKey.v1");
        Should.Throw<CryptographicException>(() => protector.Unprotect(Convert.FromBase64String(keys[0].ProtectedPrivateKey)));
    }
}
