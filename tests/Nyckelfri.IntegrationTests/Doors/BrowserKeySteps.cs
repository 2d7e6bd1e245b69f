using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Nyckelfri.IntegrationTests.Web;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.IntegrationTests.Doors;

/// <summary>
/// What the staff web app's script (wwwroot/js/door-key.js) does, done by the test through the same API:
/// enrol a device key with a proof of possession, and open a door in two steps around the device's signature.
/// </summary>
internal static class BrowserKeySteps
{
    public static string PublicKeyOf(ECDsa key) => Convert.ToBase64String(P256.ExportPublicKey(key));

    public static async Task<JsonElement> EnrolmentChallenge(this HttpClient api) =>
        await (await api.PostAsJsonAsync("/api/v1/me/device-key/challenge", new { })).ShouldBeOk();

    /// <summary>The proof for <paramref name="challenge"/>, signed by <paramref name="signer"/> (normally the key being enrolled).</summary>
    public static string Proof(JsonElement challenge, ECDsa signer) => Convert.ToBase64String(Enrolment.Prove(signer,
        Convert.FromBase64String(challenge.GetProperty("challenge").GetString()!), challenge.GetProperty("digitalKeyId").GetGuid()));

    public static Task<HttpResponseMessage> Enrol(this HttpClient api, JsonElement challenge, string publicKey, string proof, string? password = null) =>
        api.PostAsJsonAsync("/api/v1/me/device-key", new
        {
            challengeId = challenge.GetProperty("challengeId").GetGuid(), publicKey, proof, password,
        });

    /// <summary>A fresh challenge, signed by the key itself, enrolled.</summary>
    public static async Task<JsonElement> EnrolKey(this HttpClient api, ECDsa key, string? password = null)
    {
        var challenge = await api.EnrolmentChallenge();
        return await (await api.Enrol(challenge, PublicKeyOf(key), Proof(challenge, key), password)).ShouldBeOk();
    }

    public static Task<HttpResponseMessage> DoorChallenge(this HttpClient api, Guid lockId, ECDsa deviceKey) =>
        api.PostAsJsonAsync($"/api/v1/doors/{lockId}/challenge", new { holderPublicKey = PublicKeyOf(deviceKey) });

    /// <summary>The lock's challenge, answered by <paramref name="deviceKey"/> as <see cref="Holder.Answer"/> does, presented through the server.</summary>
    public static async Task<JsonElement> OpenDoor(this HttpClient api, Guid lockId, ECDsa deviceKey)
    {
        var step = await (await api.DoorChallenge(lockId, deviceKey)).ShouldBeOk();
        var response = Answer(step, deviceKey);
        return await (await api.PostAsJsonAsync($"/api/v1/doors/{lockId}/response", new { response = Convert.ToBase64String(response) })).ShouldBeOk();
    }

    public static byte[] Answer(JsonElement step, ECDsa deviceKey)
    {
        Challenge.TryDecode(Convert.FromBase64String(step.GetProperty("challenge").GetString()!), out var challenge, out _).ShouldBeTrue();
        Credential.TryDecode(Convert.FromBase64String(step.GetProperty("credential").GetString()!), out var credential, out _).ShouldBeTrue();
        return new Holder(deviceKey).Answer(challenge!, credential!).ToArray();
    }

    public static async Task ShouldBeRefusedWith(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        JsonDocument.Parse(text).RootElement.GetProperty("code").GetString().ShouldBe(code, text);
    }
}
