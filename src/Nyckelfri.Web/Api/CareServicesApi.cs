using Microsoft.AspNetCore.Http.HttpResults;
using Nyckelfri.History;
using Nyckelfri.Services;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>A client's care services. Reading them is reading the client; changing them needs ServicesWrite.</summary>
public static class CareServicesApi
{
    public static void MapCareServicesApi(this IEndpointRouteBuilder api)
    {
        var ofClient = api.MapGroup("/clients/{clientId:guid}/services").WithTags("Insatser");

        ofClient.MapGet("/", (Guid clientId, ListCareServices list, int? page, int? pageSize, CancellationToken ct) =>
                list.Handle(clientId, page, pageSize, ct))
            .RequireAuthorization(Policies.ClientsRead);

        ofClient.MapPost("/", async Task<Created<GetCareService.Details>> (Guid clientId, AddCareService.Command command, AddCareService add,
                GetCareService get, CancellationToken ct) =>
            {
                var id = await add.Handle(clientId, command, ct);
                return TypedResults.Created($"/api/v1/services/{id}", await get.Handle(id, ct));
            })
            .RequireAuthorization(Policies.ServicesWrite);

        var services = api.MapGroup("/services").WithTags("Insatser");

        services.MapGet("/{id:guid}", (Guid id, GetCareService get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.ClientsRead);

        services.MapGet("/{id:guid}/history", async (Guid id, GetCareService get, GetHistory history, CancellationToken ct) =>
            {
                await get.Handle(id, ct);
                return await history.Handle(id, ct);
            })
            .RequireAuthorization(Policies.ClientsRead);

        services.MapPut("/{id:guid}", async (Guid id, EditCareService.Command command, EditCareService edit, GetCareService get, CancellationToken ct) =>
            {
                await edit.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.ServicesWrite);
    }
}
