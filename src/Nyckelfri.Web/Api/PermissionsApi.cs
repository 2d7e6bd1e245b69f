using Microsoft.AspNetCore.Http.HttpResults;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>
/// Who may open what, and why: time-boxed grants (substitute bookings, added and restricted units) and
/// the two permission questions of issue 5, "what may this employee open now" and "who may open this lock now".
/// </summary>
public static class PermissionsApi
{
    private const string Tag = "Behörigheter";

    public static void MapPermissionsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/employees/{id:guid}/access-grants", (Guid id, ListAccessGrants list, CancellationToken ct) => list.Handle(id, ct))
            .WithTags(Tag).RequireAuthorization(Policies.DigitalKeysRead);

        api.MapPost("/employees/{id:guid}/access-grants", async Task<Created<GetAccessGrant.Details>> (Guid id, AddAccessGrant.Command command,
                AddAccessGrant add, GetAccessGrant get, CancellationToken ct) =>
            {
                var grantId = await add.Handle(id, command, ct);
                return TypedResults.Created($"/api/v1/access-grants/{grantId}", await get.Handle(grantId, ct));
            })
            .WithTags(Tag).RequireAuthorization(Policies.AccessGrantsWrite);

        api.MapGet("/access-grants/{id:guid}", (Guid id, GetAccessGrant get, CancellationToken ct) => get.Handle(id, ct))
            .WithTags(Tag).RequireAuthorization(Policies.DigitalKeysRead);

        api.MapPost("/access-grants/{id:guid}/withdraw", async (Guid id, WithdrawAccessGrant.Command command, WithdrawAccessGrant withdraw,
                GetAccessGrant get, CancellationToken ct) =>
            {
                await withdraw.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .WithTags(Tag).RequireAuthorization(Policies.AccessGrantsWrite);

        api.MapGet("/employees/{id:guid}/permissions", (Guid id, EmployeePermissions permissions, CancellationToken ct) => permissions.Handle(id, ct))
            .WithTags(Tag).RequireAuthorization(Policies.DigitalKeysRead);

        api.MapGet("/locks/{id:guid}/permissions", async (Guid id, LockPermissions permissions, CancellationToken ct) =>
                await permissions.Handle(id, ct) ?? throw new NotFoundException("Ett monterat lås med det id:t"))
            .WithTags(Tag).RequireAuthorization(Policies.DigitalKeysRead);
    }
}
