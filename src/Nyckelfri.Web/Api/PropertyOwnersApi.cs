using Microsoft.AspNetCore.Http.HttpResults;
using Nyckelfri.History;
using Nyckelfri.Properties;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

public static class PropertyOwnersApi
{
    public static void MapPropertyOwnersApi(this IEndpointRouteBuilder api)
    {
        var owners = api.MapGroup("/property-owners").WithTags("Fastighetsägare");

        owners.MapGet("/", (ListPropertyOwners list, string? search, PropertyOwnerKind? kind, int? page, int? pageSize, CancellationToken ct) =>
                list.Handle(new ListPropertyOwners.Query(search, kind, page, pageSize), ct))
            .RequireAuthorization(Policies.PropertiesRead);

        owners.MapGet("/{id:guid}", (Guid id, GetPropertyOwner get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.PropertiesRead);

        owners.MapGet("/{id:guid}/history", async (Guid id, GetPropertyOwner get, GetHistory history, CancellationToken ct) =>
            {
                await get.Handle(id, ct);
                return await history.Handle(id, ct);
            })
            .RequireAuthorization(Policies.PropertiesRead);

        owners.MapPost("/", async Task<Created<GetPropertyOwner.Details>> (RegisterPropertyOwner.Command command, RegisterPropertyOwner register,
                GetPropertyOwner get, CancellationToken ct) =>
            {
                var id = await register.Handle(command, ct);
                return TypedResults.Created($"/api/v1/property-owners/{id}", await get.Handle(id, ct));
            })
            .RequireAuthorization(Policies.PropertiesWrite);

        owners.MapPut("/{id:guid}", async (Guid id, EditPropertyOwner.Command command, EditPropertyOwner edit, GetPropertyOwner get, CancellationToken ct) =>
            {
                await edit.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.PropertiesWrite);
    }
}
