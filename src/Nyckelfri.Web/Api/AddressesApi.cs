using Microsoft.AspNetCore.Http.HttpResults;
using Nyckelfri.History;
using Nyckelfri.Properties;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>Addresses and their entrances, with the property owner's consent to an entrance lock.</summary>
public static class AddressesApi
{
    public static void MapAddressesApi(this IEndpointRouteBuilder api)
    {
        var addresses = api.MapGroup("/addresses").WithTags("Adresser och portar");

        addresses.MapGet("/", (ListAddresses list, string? search, Guid? propertyOwnerId, ConsentStatus? consent, int? page, int? pageSize,
                CancellationToken ct) => list.Handle(new ListAddresses.Query(search, propertyOwnerId, consent, page, pageSize), ct))
            .RequireAuthorization(Policies.PropertiesRead);

        addresses.MapGet("/{id:guid}", (Guid id, GetAddress get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.PropertiesRead);

        addresses.MapGet("/{id:guid}/history", async (Guid id, GetAddress get, GetHistory history, CancellationToken ct) =>
            {
                await get.Handle(id, ct);
                return await history.Handle(id, ct);
            })
            .RequireAuthorization(Policies.PropertiesRead);

        addresses.MapPost("/", async Task<Created<GetAddress.Details>> (RegisterAddress.Command command, RegisterAddress register, GetAddress get,
                CancellationToken ct) =>
            {
                var id = await register.Handle(command, ct);
                return TypedResults.Created($"/api/v1/addresses/{id}", await get.Handle(id, ct));
            })
            .RequireAuthorization(Policies.PropertiesWrite);

        addresses.MapPut("/{id:guid}", async (Guid id, EditAddress.Command command, EditAddress edit, GetAddress get, CancellationToken ct) =>
            {
                await edit.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.PropertiesWrite);

        addresses.MapPost("/{id:guid}/entrances", async Task<Created<GetEntrance.Details>> (Guid id, AddEntrance.Command command, AddEntrance add,
                GetEntrance get, CancellationToken ct) =>
            {
                var entranceId = await add.Handle(id, command, ct);
                return TypedResults.Created($"/api/v1/entrances/{entranceId}", await get.Handle(entranceId, ct));
            })
            .RequireAuthorization(Policies.PropertiesWrite);

        var entrances = api.MapGroup("/entrances").WithTags("Adresser och portar");

        entrances.MapGet("/{id:guid}", (Guid id, GetEntrance get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.PropertiesRead);

        entrances.MapGet("/{id:guid}/history", async (Guid id, GetEntrance get, GetHistory history, CancellationToken ct) =>
            {
                await get.Handle(id, ct);
                return await history.Handle(id, ct);
            })
            .RequireAuthorization(Policies.PropertiesRead);

        entrances.MapPut("/{id:guid}", async (Guid id, EditEntrance.Command command, EditEntrance edit, GetEntrance get, CancellationToken ct) =>
            {
                await edit.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.PropertiesWrite);

        entrances.MapPut("/{id:guid}/consent", async (Guid id, RecordEntranceConsent.Command command, RecordEntranceConsent record,
                GetEntrance get, CancellationToken ct) =>
            {
                await record.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.PropertiesWrite);
    }
}
