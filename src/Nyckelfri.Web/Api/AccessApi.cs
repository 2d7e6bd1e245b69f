using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Access;
using Nyckelfri.LockProtocol;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>
/// The lock/app protocol endpoints (SPEC §6, docs/lock-protocol.md): the staff app asks for a
/// credential (and gets the newest revocation list with it), asks for break-glass, uploads the lock's
/// events; plus the staff's own day, "could not get in", the lock's revocation-list lag and the
/// break-glass review list.
/// </summary>
public static class AccessApi
{
    /// <summary>A credential for the app: the signed bytes and what they say, with the revocation list to carry.</summary>
    public sealed record CredentialResponse(Guid CredentialId, Guid LockId, string Credential, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil,
        CredentialKind Kind, RevocationListResponse RevocationList)
    {
        /// <summary>The newest signed issuer key set (base64), to offer the lock before the revocation list and the credential.</summary>
        public IssuerKeySetResponse? IssuerKeySet { get; init; }
    }

    public sealed record IssuerKeySetResponse(long Version, DateTime IssuedAt, string Set);

    public sealed record RevocationListResponse(long Version, DateTime? IssuedAt, string? List, int Entries);

    public sealed record UploadResponse(int Stored, int Duplicates, long HighestSequence, long MissingEvents, IReadOnlyList<SequenceRange> NewGaps);

    public static void MapAccessApi(this IEndpointRouteBuilder api)
    {
        var doors = api.MapGroup("").WithTags("Digitala nycklar och lås");

        doors.MapPost("/credentials", async Task<Results<Ok<CredentialResponse>, ProblemHttpResult>> (IssueCredential.Command command,
                IssueCredential issue, CancellationToken ct) => ToResponse(await issue.Handle(command, ct)))
            .RequireAuthorization(Policies.OpenDoors);

        doors.MapPost("/break-glass", async Task<Results<Ok<CredentialResponse>, ProblemHttpResult>> (RequestBreakGlass.Command command,
                RequestBreakGlass request, CancellationToken ct) => ToResponse(await request.Handle(command, ct)))
            .RequireAuthorization(Policies.OpenDoors);

        doors.MapGet("/revocation-list", async (RevocationLists lists, CancellationToken ct) => ToList(await lists.CurrentAsync(ct)))
            .RequireAuthorization(Policies.LockEventUpload);

        doors.MapPost("/locks/{id:guid}/events", async (Guid id, UploadRequest request, UploadLockEvents upload, CancellationToken ct) =>
            {
                var result = await upload.Handle(new UploadLockEvents.Command { LockId = id, Batch = request.Batch }, ct);
                return new UploadResponse(result.Stored, result.Duplicates, result.HighestSequence, result.MissingEvents, result.NewGaps);
            })
            .RequireAuthorization(Policies.LockEventUpload);

        doors.MapGet("/locks/{id:guid}/sync", (Guid id, GetLockSync get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.DevicesRead);

        doors.MapGet("/me/clients", (MyClients mine, CancellationToken ct) => mine.Handle(ct))
            .RequireAuthorization(Policies.OpenDoors);

        doors.MapPost("/clients/{clientId:guid}/could-not-get-in", (Guid clientId, ReportCouldNotGetIn.Command command,
                ReportCouldNotGetIn report, CancellationToken ct) => report.Handle(clientId, command, ct))
            .RequireAuthorization(Policies.OpenDoors);

        doors.MapGet("/break-glass", (ListBreakGlasses list, bool? unreviewed, CancellationToken ct) => list.Handle(unreviewed ?? false, ct))
            .RequireAuthorization(Policies.BreakGlassReview);

        doors.MapPost("/break-glass/{id:guid}/review", async Task<NoContent> (Guid id, ReviewBreakGlass.Command command,
                ReviewBreakGlass review, CancellationToken ct) =>
            {
                await review.Handle(id, command, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.BreakGlassReview);
    }

    /// <summary>A batch of one lock's events as the app or gateway read it from the lock: the lock's signed bytes (protocol v2, type 0x05) in base64.</summary>
    public sealed class UploadRequest
    {
        public string? Batch { get; set; }
    }

    private static Results<Ok<CredentialResponse>, ProblemHttpResult> ToResponse(CredentialResult result)
    {
        if (!result.Issued)
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Ingen behörighet till låset.",
                Detail = result.Refusal,
                Type = "https://nyckelfri.se/problem/access-denied",
                Extensions = { ["code"] = result.RefusalCode, ["revocationList"] = ToList(result.RevocationList) },
            });
        var c = result.Credential!;
        return TypedResults.Ok(new CredentialResponse(c.CredentialId, c.LockId, Convert.ToBase64String(c.Encoded), c.ValidFrom, c.ValidUntil, c.Kind,
            ToList(result.RevocationList))
        {
            IssuerKeySet = result.IssuerKeySet is { } set ? new IssuerKeySetResponse(set.SetVersion, set.IssuedAt, Convert.ToBase64String(set.Encoded)) : null,
        });
    }

    private static RevocationListResponse ToList(CurrentRevocationList list) => list.ListVersion == 0
        ? new RevocationListResponse(0, null, null, 0)
        : new RevocationListResponse(list.ListVersion, list.IssuedAt, Convert.ToBase64String(list.Encoded), list.Entries);
}
