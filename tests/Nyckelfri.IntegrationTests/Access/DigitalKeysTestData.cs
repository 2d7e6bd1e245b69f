using System.Net.Http.Json;
using System.Text.Json;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.IntegrationTests.Access;

/// <summary>Employees, keys and receipts for the digital-key tests; every test makes its own, so tests of one class never meet.</summary>
internal static class DigitalKeysTestData
{
    private static int _serial;

    public static string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _serial)}-{Guid.NewGuid().ToString("N")[..6]}";

    public static string PublicKeyBase64(out byte[] raw)
    {
        using var key = P256.CreateKey();
        raw = P256.ExportPublicKey(key);
        return Convert.ToBase64String(raw);
    }

    /// <summary>A new employee (as the system administrator registers them), employed since 2020, in the given unit if any.</summary>
    public static async Task<Guid> Employee(NyckelfriApp app, string lastName, Guid providerId, Guid? unitId, string type = "Permanent")
    {
        var admin = await app.ApiAs(Roles.SystemAdministrator);
        var response = await admin.PostAsJsonAsync("/api/v1/employees", new
        {
            firstName = "Test", lastName, providerId, unitIds = unitId is { } u ? new[] { u } : Array.Empty<Guid>(),
            employmentType = type, startDate = "2020-03-01",
        });
        return (await response.ShouldBeCreatedAt("/api/v1/employees")).Id();
    }

    public static async Task<JsonElement> RegisterKey(HttpClient api, string stock = "AlarmCentre", string kind = "PhoneApp")
    {
        if (kind == "WebApp")
            return await (await api.PostAsJsonAsync("/api/v1/digital-keys", new { keyNumber = Unique("DK"), kind, stock })).ShouldBeCreatedAt("/api/v1/digital-keys");
        var proof = await Prove(api, kind: kind);
        return await (await api.PostAsJsonAsync("/api/v1/digital-keys", new
        {
            keyNumber = Unique("DK"), kind, holderPublicKey = proof.PublicKey, enrolmentChallengeId = proof.ChallengeId, enrolmentProof = proof.Proof, stock,
        })).ShouldBeCreatedAt("/api/v1/digital-keys");
    }

    /// <summary>A device's proof of possession, as the device (or <c>nyckelfri-lock prove</c>) makes it.</summary>
    public sealed record DeviceProof(string PublicKey, Guid ChallengeId, string Proof, Guid DigitalKeyId);

    /// <summary>Asks the alarm centre's registration challenge (for <paramref name="digitalKeyId"/>, or a new key) and signs it with a new device key.</summary>
    public static async Task<DeviceProof> Prove(HttpClient api, Guid? digitalKeyId = null, string kind = "PhoneApp")
    {
        var challenge = await (await api.PostAsJsonAsync("/api/v1/digital-keys/enrolment-challenges", new { kind, digitalKeyId })).ShouldBeOk();
        using var device = P256.CreateKey();
        var keyId = challenge.GetProperty("digitalKeyId").GetGuid();
        var proof = Enrolment.Prove(device, Convert.FromBase64String(challenge.Text("challenge")!), keyId);
        return new DeviceProof(Convert.ToBase64String(P256.ExportPublicKey(device)), challenge.GetProperty("challengeId").GetGuid(),
            Convert.ToBase64String(proof), keyId);
    }

    public static object Issue(int version, Guid employeeId, string? keptAt = null, bool signed = true) => new
    {
        version, employeeId, keptAt, giverName = "Lena Larmcentral", receiverName = "Test Medarbetare", signedByGiver = signed,
        signedByReceiver = signed,
    };

    public static object Return(int version, string stock, string reason = "EmploymentEnded") => new
    {
        version, stock, reason, giverName = "Test Medarbetare", receiverName = "Lena Larmcentral", signedByReceiver = true,
    };

    public static async Task<JsonElement> IssuedKey(NyckelfriApp app, Guid employeeId, string stock = "AlarmCentre")
    {
        var api = await app.ApiAs(Roles.AlarmCentreSupport);
        var key = await RegisterKey(api, stock);
        return await (await api.PostAsJsonAsync($"/api/v1/digital-keys/{key.Id()}/issue", Issue(key.Version(), employeeId))).ShouldBeOk();
    }

    public static List<JsonElement> Receipts(this JsonElement body) => body.GetProperty("receipts").EnumerateArray().ToList();
}
