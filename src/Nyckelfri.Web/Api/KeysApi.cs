using Microsoft.AspNetCore.Http.HttpResults;
using Nyckelfri.History;
using Nyckelfri.Keys;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>
/// The client's physical keys: key sets, their receipts (nyckelkvittenser) and recorded uses of a
/// physical key where a digital lock exists. Every change of hands comes with a signed receipt.
/// </summary>
public static class KeysApi
{
    public static void MapKeysApi(this IEndpointRouteBuilder api)
    {
        var ofClient = api.MapGroup("/clients/{clientId:guid}").WithTags("Fysiska nycklar");

        ofClient.MapGet("/key-sets", (Guid clientId, ClientKeys keys, CancellationToken ct) => keys.Handle(clientId, ct))
            .RequireAuthorization(Policies.KeysRead);

        ofClient.MapPost("/key-sets", async Task<Created<GetKeySet.Details>> (Guid clientId, HandOutKeySet.Command command,
                HandOutKeySet handOut, GetKeySet get, CancellationToken ct) =>
            {
                var result = await handOut.Handle(clientId, command, ct);
                return TypedResults.Created($"/api/v1/key-sets/{result.KeySetId}", await get.Handle(result.KeySetId, ct));
            })
            .RequireAuthorization(Policies.KeysWrite);

        ofClient.MapGet("/physical-key-uses", (Guid clientId, ListPhysicalKeyUses list, int? page, int? pageSize, CancellationToken ct) =>
                list.Handle(clientId, page, pageSize, ct))
            .RequireAuthorization(Policies.KeysRead);

        ofClient.MapPost("/physical-key-uses", async Task<Created<PhysicalKeyUseItem>> (Guid clientId, RecordPhysicalKeyUse.Command command,
                RecordPhysicalKeyUse record, GetPhysicalKeyUse get, CancellationToken ct) =>
            {
                var id = await record.Handle(clientId, command, ct);
                return TypedResults.Created($"/api/v1/physical-key-uses/{id}", await get.Handle(id, ct));
            })
            .RequireAuthorization(Policies.PhysicalKeyUse);

        api.MapGet("/physical-key-uses/{id:guid}", (Guid id, GetPhysicalKeyUse get, CancellationToken ct) => get.Handle(id, ct))
            .WithTags("Fysiska nycklar").RequireAuthorization(Policies.KeysRead);

        api.MapGet("/key-receipts/{id:guid}", (Guid id, GetKeyReceipt get, CancellationToken ct) => get.Handle(id, ct))
            .WithTags("Fysiska nycklar").RequireAuthorization(Policies.KeysRead);

        MapKeySets(api.MapGroup("/key-sets").WithTags("Fysiska nycklar"));
    }

    private static void MapKeySets(RouteGroupBuilder sets)
    {
        sets.MapGet("/{id:guid}", (Guid id, GetKeySet get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.KeysRead);

        sets.MapGet("/{id:guid}/history", async (Guid id, GetKeySet get, GetHistory history, CancellationToken ct) =>
            {
                await get.Handle(id, ct);
                return await history.Handle(id, ct);
            })
            .RequireAuthorization(Policies.KeysRead);

        // Each change of hands answers with the set as it is now; its newest receipt comes first.
        sets.MapPost("/{id:guid}/transfer", async (Guid id, TransferKeySet.Command command, TransferKeySet transfer, GetKeySet get, CancellationToken ct) =>
            {
                await transfer.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.KeysWrite);

        sets.MapPost("/{id:guid}/return", async (Guid id, ReturnKeySet.Command command, ReturnKeySet giveBack, GetKeySet get, CancellationToken ct) =>
            {
                await giveBack.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.KeysWrite);

        sets.MapPost("/{id:guid}/hand-out-again", async (Guid id, HandOutKeySetAgain.Command command, HandOutKeySetAgain handOut, GetKeySet get,
                CancellationToken ct) =>
            {
                await handOut.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.KeysWrite);

        sets.MapPost("/{id:guid}/lost", async (Guid id, ReportKeySetLost.Command command, ReportKeySetLost report, GetKeySet get, CancellationToken ct) =>
            {
                await report.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.KeysWrite);
    }
}
