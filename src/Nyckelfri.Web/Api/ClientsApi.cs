using Microsoft.AspNetCore.Http.HttpResults;
using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.History;
using Nyckelfri.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Nyckelfri.Web.Api;

public static class ClientsApi
{
    public sealed record NumberSearch(string? PersonalIdentityNumber);
    public sealed record Found(Guid Id);
    public sealed record DoorCode(string? Code);
    public sealed record Number(string PersonalIdentityNumber);

    public static void MapClientsApi(this IEndpointRouteBuilder api)
    {
        var clients = api.MapGroup("/clients").WithTags("Brukare");

        clients.MapGet("/", (ListClients list, string? search, Guid? providerId, Guid? unitId, bool? activeOnly, int? page, int? pageSize, CancellationToken ct) =>
                list.Handle(new ListClients.Query(search, providerId, unitId, activeOnly ?? false, page, pageSize), ct))
            .RequireAuthorization(Policies.ClientsRead);

        clients.MapGet("/{id:guid}", (Guid id, GetClient get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.ClientsRead);

        clients.MapGet("/{id:guid}/history", async (Guid id, GetClient get, GetHistory history, CancellationToken ct) =>
            {
                await get.Handle(id, ct);
                return await history.Handle(id, ct);
            })
            .RequireAuthorization(Policies.ClientsRead);

        clients.MapPost("/", async Task<Created<GetClient.Details>> (RegisterClient.Command command, RegisterClient register, GetClient get, CancellationToken ct) =>
            {
                var id = await register.Handle(command, ct);
                return TypedResults.Created($"/api/v1/clients/{id}", await get.Handle(id, ct));
            })
            .RequireAuthorization(Policies.ClientsWrite);

        clients.MapPut("/{id:guid}", async (Guid id, EditClient.Command command, EditClient edit, GetClient get, CancellationToken ct) =>
            {
                await edit.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.ClientsWrite);

        // Secrets travel in POST bodies only, never in a URL, and every reveal is recorded. A search by
        // personnummer confirms the number as a reveal would: it takes the reveal right and is audited.
        clients.MapPost("/search", async (NumberSearch search, FindClientByNumber find, CancellationToken ct) =>
                new Found(await find.Handle(search.PersonalIdentityNumber, ct)))
            .RequireAuthorization(Policies.PersonalIdentityNumberReveal)
            .RequireRateLimiting(RateLimits.Search);

        clients.MapPost("/{id:guid}/door-code/reveal", async (Guid id, RevealClientSecret reveal, CancellationToken ct) =>
                new DoorCode(await reveal.DoorCode(id, ct)))
            .RequireAuthorization(Policies.DoorCodeReveal)
            .RequireRateLimiting(RateLimits.Reveal);

        clients.MapPost("/{id:guid}/personal-identity-number/reveal", async (Guid id, RevealClientSecret reveal, CancellationToken ct) =>
                new Number(await reveal.PersonalIdentityNumber(id, ct)))
            .RequireAuthorization(Policies.PersonalIdentityNumberReveal)
            .RequireRateLimiting(RateLimits.Reveal);
    }
}
