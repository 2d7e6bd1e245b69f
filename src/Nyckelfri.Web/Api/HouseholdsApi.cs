using Nyckelfri.History;
using Nyckelfri.Households;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>
/// Households are created with their first client (POST /clients) and joined by registering a
/// cohabitant with a householdId; here they are listed, read and placed (apartment, entrance).
/// </summary>
public static class HouseholdsApi
{
    public static void MapHouseholdsApi(this IEndpointRouteBuilder api)
    {
        var households = api.MapGroup("/households").WithTags("Hushåll");

        households.MapGet("/", (ListHouseholds list, string? search, int? page, int? pageSize, CancellationToken ct) =>
                list.Handle(new ListHouseholds.Query(search, page, pageSize), ct))
            .RequireAuthorization(Policies.ClientsRead);

        households.MapGet("/{id:guid}", (Guid id, GetHousehold get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.ClientsRead);

        households.MapGet("/{id:guid}/history", async (Guid id, GetHousehold get, GetHistory history, CancellationToken ct) =>
            {
                await get.Handle(id, ct);
                return await history.Handle(id, ct);
            })
            .RequireAuthorization(Policies.ClientsRead);

        households.MapPut("/{id:guid}", async (Guid id, EditHousehold.Command command, EditHousehold edit, GetHousehold get, CancellationToken ct) =>
            {
                await edit.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.ClientsWrite);
    }
}
