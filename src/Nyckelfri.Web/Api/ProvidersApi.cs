using Microsoft.AspNetCore.Http.HttpResults;
using Nyckelfri.History;
using Nyckelfri.Providers;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>Providers (utförare) and their units.</summary>
public static class ProvidersApi
{
    public static void MapProvidersApi(this IEndpointRouteBuilder api)
    {
        var providers = api.MapGroup("/providers").WithTags("Utförare");

        providers.MapGet("/", (ListProviders list, string? search, ProviderKind? kind, int? page, int? pageSize, CancellationToken ct) =>
                list.Handle(new ListProviders.Query(search, kind, page, pageSize), ct))
            .RequireAuthorization(Policies.ProvidersRead);

        providers.MapGet("/{id:guid}", (Guid id, GetProvider get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.ProvidersRead);

        providers.MapGet("/{id:guid}/history", async (Guid id, GetProvider get, GetHistory history, CancellationToken ct) =>
            {
                await get.Handle(id, ct);
                return await history.Handle(id, ct);
            })
            .RequireAuthorization(Policies.ProvidersRead);

        providers.MapPost("/", async Task<Created<GetProvider.Details>> (RegisterProvider.Command command, RegisterProvider register, GetProvider get, CancellationToken ct) =>
            {
                var id = await register.Handle(command, ct);
                return TypedResults.Created($"/api/v1/providers/{id}", await get.Handle(id, ct));
            })
            .RequireAuthorization(Policies.ProvidersWrite);

        providers.MapPut("/{id:guid}", async (Guid id, EditProvider.Command command, EditProvider edit, GetProvider get, CancellationToken ct) =>
            {
                await edit.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.ProvidersWrite);

        providers.MapPost("/{id:guid}/units", async Task<Created<GetUnit.Details>> (Guid id, AddUnit.Command command, AddUnit add, GetUnit get, CancellationToken ct) =>
            {
                var unitId = await add.Handle(id, command, ct);
                return TypedResults.Created($"/api/v1/units/{unitId}", await get.Handle(unitId, ct));
            })
            .RequireAuthorization(Policies.ProvidersWrite);

        var units = api.MapGroup("/units").WithTags("Enheter");

        units.MapGet("/{id:guid}", (Guid id, GetUnit get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.ProvidersRead);

        units.MapGet("/{id:guid}/history", async (Guid id, GetUnit get, GetHistory history, CancellationToken ct) =>
            {
                await get.Handle(id, ct);
                return await history.Handle(id, ct);
            })
            .RequireAuthorization(Policies.ProvidersRead);

        units.MapPut("/{id:guid}", async (Guid id, EditUnit.Command command, EditUnit edit, GetUnit get, CancellationToken ct) =>
            {
                await edit.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.ProvidersWrite);
    }
}
