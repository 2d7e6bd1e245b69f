using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Access;
using Nyckelfri.LockProtocol;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>
/// Device keys held by their devices (issue 12, docs/digital-keys.md "Device keys"): enrolment challenges
/// and proofs of possession, for the employee's own web-app key and for the alarm centre's registration of
/// app keys and fobs; and "Öppna" in two steps around the browser, which signs the lock's challenge itself.
/// </summary>
public static class DeviceKeysApi
{
    /// <summary>A challenge to sign: the enrolment's signed bytes are tag ‖ challenge ‖ digital key id ‖ public key.</summary>
    public sealed record ChallengeResponse(Guid ChallengeId, Guid DigitalKeyId, string Challenge, DateTime ExpiresAt, bool Replaces, string Tag);

    /// <summary>What the browser signs: the credential, the lock's challenge (its fields and the encoded message), and the response layout's tag and version.</summary>
    public sealed record DoorChallengeResponse(Guid CredentialId, Guid LockId, string Credential, string Challenge, string Nonce,
        DateTimeOffset LockTime, CredentialKind Kind, long RevocationListVersion, string ResponseTag, int ProtocolVersion);

    public sealed record OpenRequest(string? HolderPublicKey);

    public sealed record BreakGlassOpenRequest(string? HolderPublicKey, string? Reason);

    /// <summary>The response message the browser built, base64.</summary>
    public sealed record PresentRequest(string? Response);

    public static void MapDeviceKeysApi(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me/device-key").WithTags("Digitala nycklar och lås");
        me.MapPost("/challenge", async (RequestEnrolmentChallenge request, CancellationToken ct) => ToResponse(await request.ForOwnWebAppKey(ct)))
            .RequireAuthorization(Policies.OpenDoors);
        me.MapPost("/", (EnrolWebAppDeviceKey.Command command, EnrolWebAppDeviceKey enrol, CancellationToken ct) => enrol.Handle(command, ct))
            .RequireAuthorization(Policies.OpenDoors);

        api.MapPost("/digital-keys/enrolment-challenges", async (RequestEnrolmentChallenge.Command command, RequestEnrolmentChallenge request,
                CancellationToken ct) => ToResponse(await request.ForRegistration(command, ct)))
            .WithTags("Digitala nycklar").RequireAuthorization(Policies.DigitalKeysWrite);

        var doors = api.MapGroup("/doors/{lockId:guid}").WithTags("Digitala nycklar och lås");
        doors.MapPost("/challenge", async Task<Results<Ok<DoorChallengeResponse>, ProblemHttpResult>> (Guid lockId, OpenRequest request,
                OpenDoor door, CancellationToken ct) => ToResponse(await door.PrepareAsync(lockId, request.HolderPublicKey, ct)))
            .RequireAuthorization(Policies.OpenDoors);
        doors.MapPost("/break-glass-challenge", async Task<Results<Ok<DoorChallengeResponse>, ProblemHttpResult>> (Guid lockId,
                BreakGlassOpenRequest request, OpenDoor door, CancellationToken ct) =>
                ToResponse(await door.PrepareBreakGlassAsync(lockId, request.Reason, request.HolderPublicKey, ct)))
            .RequireAuthorization(Policies.OpenDoors);
        doors.MapPost("/response", (Guid lockId, PresentRequest request, OpenDoor door, CancellationToken ct) =>
                door.PresentAsync(lockId, Base64(request.Response), ct))
            .RequireAuthorization(Policies.OpenDoors);
    }

    private static ChallengeResponse ToResponse(RequestEnrolmentChallenge.Result r) =>
        new(r.ChallengeId, r.DigitalKeyId, Convert.ToBase64String(r.Challenge), r.ExpiresAt, r.Replaces, System.Text.Encoding.ASCII.GetString(Enrolment.Tag));

    private static Results<Ok<DoorChallengeResponse>, ProblemHttpResult> ToResponse(DoorChallenge step)
    {
        if (step.Refused is { } refused)
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Dörren kan inte öppnas.",
                Detail = refused.Message,
                Type = "https://nyckelfri.se/problem/" + refused.ReasonCode,
                Extensions = { ["code"] = refused.ReasonCode },
            });
        var c = step.Credential!;
        var challenge = step.Challenge!;
        return TypedResults.Ok(new DoorChallengeResponse(c.CredentialId, challenge.LockId, Convert.ToBase64String(c.Encoded),
            Convert.ToBase64String(challenge.Encode()), Convert.ToBase64String(challenge.Nonce), challenge.LockTime, c.Kind,
            step.RevocationListVersion, Enrolment.ResponseTag, Enrolment.ResponseVersion));
    }

    private static byte[]? Base64(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return Convert.FromBase64String(text); }
        catch (FormatException) { return null; }
    }
}
